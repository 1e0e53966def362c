// tRPC setup of the desk's local API: the context (the desk service), the procedure kinds (public,
// signed-in) and the error formatter that puts a stable `reason` into every error's data.
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { DeskService, SignedInDesk } from '../deskService';
import type { DeskRefusal } from './deskErrors';

export interface DeskContext {
  desk: DeskService;
}

/** The refusal travelling inside a TRPCError as its cause, so the formatter can read its reason. */
export class DeskRefusalError extends Error {
  constructor(readonly refusal: DeskRefusal) {
    super(refusal.reason);
    this.name = 'DeskRefusalError';
  }
}

const STATUS_OF: Record<string, TRPCError['code']> = {
  NOT_SIGNED_IN: 'UNAUTHORIZED',
  LOGIN_FAILED: 'UNAUTHORIZED',
  CHALLENGE_INVALID: 'UNAUTHORIZED',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  OFFLINE_LOGIN_LOCKED: 'FORBIDDEN',
  OFFLINE_LOGIN_EXPIRED: 'FORBIDDEN',
  ACCOUNT_BLOCKED: 'FORBIDDEN',
  ROLE_REQUIRED: 'FORBIDDEN',
  CASE_NOT_FOUND: 'NOT_FOUND',
  QUESTION_SET_NOT_FOUND: 'NOT_FOUND',
  ATTENTION_NOT_FOUND: 'NOT_FOUND',
  ATTACHMENT_NOT_FOUND: 'NOT_FOUND',
  ATTACHMENT_CLOSED: 'FORBIDDEN',
  ATTACHMENT_NOT_CACHED: 'NOT_FOUND',
  ATTACHMENT_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  CHUNK_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UPLOAD_NOT_FOUND: 'NOT_FOUND',
  UPLOAD_OFFSET_MISMATCH: 'CONFLICT',
  UPLOAD_INCOMPLETE: 'CONFLICT',
  UPLOAD_FINISHED: 'CONFLICT',
  REPORT_NOT_FOUND: 'NOT_FOUND',
  REPORT_TYPE_NOT_ALLOWED: 'FORBIDDEN',
  REPORT_RENDER_FAILED: 'INTERNAL_SERVER_ERROR',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

export function refusalToError(refusal: DeskRefusal): TRPCError {
  return new TRPCError({ code: STATUS_OF[refusal.reason] ?? 'BAD_REQUEST', message: refusal.reason, cause: new DeskRefusalError(refusal) });
}

/** Unwraps an outcome for a procedure: the value, or the refusal thrown as a typed tRPC error. */
export function unwrap<T>(outcome: { ok: true; value: T } | DeskRefusal): T {
  if (!outcome.ok) throw refusalToError(outcome);
  return outcome.value;
}

function reasonOf(error: TRPCError): { reason: string; details?: Record<string, unknown> } {
  if (error.cause instanceof DeskRefusalError) {
    const { reason, details } = error.cause.refusal;
    return details ? { reason, details } : { reason };
  }
  if (error.cause instanceof z.ZodError) return { reason: 'INVALID_INPUT' };
  switch (error.code) {
    case 'BAD_REQUEST': case 'PARSE_ERROR': case 'METHOD_NOT_SUPPORTED': return { reason: 'INVALID_INPUT' };
    // The transport's own refusals (no DeskRefusalError): an oversized body, a procedure that does not exist.
    case 'PAYLOAD_TOO_LARGE': return { reason: 'PAYLOAD_TOO_LARGE' };
    case 'NOT_FOUND': return { reason: 'PROCEDURE_NOT_FOUND' };
    case 'UNAUTHORIZED': return { reason: 'NOT_SIGNED_IN' };
    default: return { reason: 'INTERNAL' };
  }
}

const t = initTRPC.context<DeskContext>().create({
  errorFormatter({ shape, error }) {
    const { reason, details } = reasonOf(error);
    const issues = error.cause instanceof z.ZodError ? error.cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : undefined;
    const message = reason === 'INTERNAL' ? 'INTERNAL' : shape.message;
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, reason, ...(details ? { details } : {}), ...(issues ? { issues } : {}) } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;

/** A user is signed in (online or offline) and their replica is open. */
export const signedInProcedure = t.procedure.use(({ ctx, next }) => {
  const signedIn: SignedInDesk | null = ctx.desk.signedIn();
  if (!signedIn) throw refusalToError({ ok: false, reason: 'NOT_SIGNED_IN' });
  return next({ ctx: { ...ctx, signedIn } });
});
