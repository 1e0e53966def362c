// tRPC setup of the hub: the context each call gets, the procedure kinds (public, signed-in, LDA),
// and the error formatter that puts a stable `reason` (hub/errors.ts) into every error's data.
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { resolveSession, type SessionUser } from './auth/sessions';
import type { HubDeps } from './deps';
import { TRPC_CODE_OF, type HubReason, type Refusal } from './errors';
import type { PokeBus } from './pokes';

export interface HubContext extends HubDeps {
  /** The bearer token presented (header over HTTP, connection parameter over WebSocket), not yet checked. */
  token: string | null;
  remoteAddress: string;
  pokes: PokeBus;
}

/** The refusal travelling inside a TRPCError as its cause, so the formatter can read its reason. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
    this.name = 'RefusalError';
  }
}

export function refusalToError(refused: Refusal): TRPCError {
  return new TRPCError({ code: TRPC_CODE_OF[refused.reason], message: refused.reason, cause: new RefusalError(refused) });
}

/** Unwraps an Outcome for a procedure: the value, or the refusal thrown as a typed tRPC error. */
export function unwrap<T>(outcome: { ok: true; value: T } | Refusal): T {
  if (!outcome.ok) throw refusalToError(outcome);
  return outcome.value;
}

function reasonOf(error: TRPCError): { reason: HubReason; details?: Refusal['details'] } {
  if (error.cause instanceof RefusalError) return { reason: error.cause.refusal.reason, ...(error.cause.refusal.details ? { details: error.cause.refusal.details } : {}) };
  switch (error.code) {
    case 'PARSE_ERROR': return { reason: 'MALFORMED_REQUEST' };
    case 'BAD_REQUEST': return { reason: error.cause instanceof z.ZodError ? 'INVALID_INPUT' : 'MALFORMED_REQUEST' };
    case 'PAYLOAD_TOO_LARGE': return { reason: 'PAYLOAD_TOO_LARGE' };
    case 'NOT_FOUND': return { reason: 'PROCEDURE_NOT_FOUND' };
    case 'UNAUTHORIZED': return { reason: 'UNAUTHENTICATED' };
    case 'METHOD_NOT_SUPPORTED': return { reason: 'MALFORMED_REQUEST' };
    default: return { reason: 'INTERNAL' };
  }
}

const t = initTRPC.context<HubContext>().create({
  errorFormatter({ shape, error }) {
    const { reason, details } = reasonOf(error);
    const issues = error.cause instanceof z.ZodError ? error.cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : undefined;
    // Internal errors say nothing beyond their code: a stack or SQL text must not reach a client.
    const message = reason === 'INTERNAL' ? 'INTERNAL' : shape.message;
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, reason, ...(details ? { details } : {}), ...(issues ? { issues } : {}) } };
  },
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const publicProcedure = t.procedure;

/** A valid session, even one that still has to finish its first log-in. */
export const sessionProcedure = t.procedure.use(async ({ ctx, next }) => {
  if (ctx.token === null) throw refusalToError({ ok: false, reason: 'UNAUTHENTICATED' });
  const session: SessionUser = unwrap(await resolveSession(ctx.db, ctx.token, ctx.clock.now()));
  return next({ ctx: { ...ctx, session } });
});

/** A signed-in user who has set their own password and security code. */
export const authedProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.session.mustChangePassword || ctx.session.mustSetSecurityCode) throw refusalToError({ ok: false, reason: 'FIRST_LOGIN_REQUIRED' });
  return next();
});

/** A local data administrator of their authority (SPEC §4). */
export const ldaProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.session.user.generalRoles.includes('LDA')) throw refusalToError({ ok: false, reason: 'ROLE_REQUIRED', details: { role: 'LDA' } });
  return next();
});
