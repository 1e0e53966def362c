// Stable reason codes for every refusal the hub's own services make (log-in, sessions, user management),
// carried as values (`Outcome`) inside the hub and as `data.reason` on every tRPC error.
import { z } from 'zod';
import { ViolationCode } from '../shared/user/invariants';

export const HubReason = z.enum([
  // Transport and input
  'MALFORMED_REQUEST',
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'PROCEDURE_NOT_FOUND',
  'INTERNAL',
  // Sessions and log-in
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'LOGIN_FAILED',
  'CHALLENGE_INVALID',
  'ACCOUNT_BLOCKED',
  'ACCOUNT_DEACTIVATED',
  'TEMPORARY_PASSWORD_EXPIRED',
  'RATE_LIMITED',
  'FIRST_LOGIN_REQUIRED',
  'NOT_FIRST_LOGIN',
  'PASSWORD_TOO_WEAK',
  'SECURITY_CODE_INVALID',
  // Permissions
  'ROLE_REQUIRED',
  'NOT_YOUR_AUTHORITY',
  // User management and the invariants of SPEC §4
  'USER_NOT_FOUND',
  'USERNAME_TAKEN',
  'USERNAME_INVALID',
  'EMAIL_TAKEN',
  'USER_NOT_BLOCKED',
  'USER_DEACTIVATED',
  'RIGHTS_NOT_AVAILABLE',
  // Sync protocol and attachments
  'UPDATE_REQUIRED',
  'CLIENT_ID_TAKEN',
  'SEQ_GAP',
  'CASE_NOT_FOUND',
  'ATTACHMENT_CLOSED',
  'ATTACHMENT_NOT_FOUND',
  'UPLOAD_NOT_FOUND',
  'UPLOAD_OFFSET_MISMATCH',
  'UPLOAD_TOO_LARGE',
  'UPLOAD_INCOMPLETE',
  'EXECUTABLE_ATTACHMENT',
  // A change that would leave the authority without a required role: the shared codes (NO_LDA, NO_REQUEST_HANDLER, …).
  ...ViolationCode.options,
]);
export type HubReason = z.infer<typeof HubReason>;

export interface Refusal {
  ok: false;
  reason: HubReason;
  details?: Record<string, string | number | boolean | string[]>;
}
export type Outcome<T> = { ok: true; value: T } | Refusal;

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refusal = (reason: HubReason, details?: Refusal['details']): Refusal => (details ? { ok: false, reason, details } : { ok: false, reason });

/** The tRPC error code (and so the HTTP status) each reason travels with. */
export const TRPC_CODE_OF: Readonly<Record<HubReason, 'BAD_REQUEST' | 'PARSE_ERROR' | 'PAYLOAD_TOO_LARGE' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS' | 'CONFLICT'>> = {
  MALFORMED_REQUEST: 'PARSE_ERROR',
  INVALID_INPUT: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  PROCEDURE_NOT_FOUND: 'NOT_FOUND',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  LOGIN_FAILED: 'UNAUTHORIZED',
  CHALLENGE_INVALID: 'UNAUTHORIZED',
  ACCOUNT_BLOCKED: 'FORBIDDEN',
  ACCOUNT_DEACTIVATED: 'FORBIDDEN',
  TEMPORARY_PASSWORD_EXPIRED: 'FORBIDDEN',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  FIRST_LOGIN_REQUIRED: 'FORBIDDEN',
  NOT_FIRST_LOGIN: 'CONFLICT',
  PASSWORD_TOO_WEAK: 'BAD_REQUEST',
  SECURITY_CODE_INVALID: 'BAD_REQUEST',
  ROLE_REQUIRED: 'FORBIDDEN',
  NOT_YOUR_AUTHORITY: 'FORBIDDEN',
  USER_NOT_FOUND: 'NOT_FOUND',
  USERNAME_TAKEN: 'CONFLICT',
  USERNAME_INVALID: 'BAD_REQUEST',
  EMAIL_TAKEN: 'CONFLICT',
  USER_NOT_BLOCKED: 'CONFLICT',
  USER_DEACTIVATED: 'CONFLICT',
  RIGHTS_NOT_AVAILABLE: 'BAD_REQUEST',
  UPDATE_REQUIRED: 'BAD_REQUEST',
  CLIENT_ID_TAKEN: 'FORBIDDEN',
  SEQ_GAP: 'CONFLICT',
  CASE_NOT_FOUND: 'NOT_FOUND',
  ATTACHMENT_CLOSED: 'FORBIDDEN',
  ATTACHMENT_NOT_FOUND: 'NOT_FOUND',
  UPLOAD_NOT_FOUND: 'NOT_FOUND',
  UPLOAD_OFFSET_MISMATCH: 'CONFLICT',
  UPLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UPLOAD_INCOMPLETE: 'CONFLICT',
  EXECUTABLE_ATTACHMENT: 'BAD_REQUEST',
  NO_LDA: 'CONFLICT',
  NO_REQUEST_HANDLER: 'CONFLICT',
  NO_ALLOCATOR: 'CONFLICT',
  NO_REFERRAL_HANDLER: 'CONFLICT',
  NO_DATA_ADMINISTRATOR: 'CONFLICT',
};
