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
  'CASE_CLOSED',
  'ATTACHMENT_CLOSED',
  'ATTACHMENT_NOT_FOUND',
  'ATTACHMENTS_UNAVAILABLE',
  'UPLOAD_NOT_YOURS',
  // Certified reports (hub/certify)
  /** The bytes sent for signing are not a PDF. */
  'NOT_A_PDF',
  /** A PDF the signer cannot parse (damaged, or a structure it does not support). */
  'PDF_UNREADABLE',
  /** The report type is above what the caller's visibility level of the request allows (shared allowedReportTypes). */
  'REPORT_TYPE_NOT_ALLOWED',
  /** No organisation certificate is configured: this hub cannot certify reports. */
  'SIGNING_UNAVAILABLE',
  // The authority's own data (hub/authorities)
  'AUTHORITY_NOT_FOUND',
  'OFFICIAL_NAME_NOT_EDITABLE',
  'LINKED_AUTHORITY_NOT_FOUND',
  'LINKED_AUTHORITY_SELF',
  'LINKED_AUTHORITY_OTHER_COUNTRY',
  'LINKED_AUTHORITY_NOT_ACTIVE',
  // The blob store's and upload sessions' own codes (hub/blobs/blobReasons.ts), passed on as-is.
  'BLOB_ID_INVALID',
  'BLOB_NOT_FOUND',
  'RANGE_INVALID',
  'UPLOAD_INVALID',
  'UPLOAD_NOT_FOUND',
  'ATTACHMENT_TOO_LARGE',
  'CHUNK_TOO_LARGE',
  'CHUNK_EMPTY',
  'UPLOAD_OFFSET_MISMATCH',
  'UPLOAD_CHUNK_CONFLICT',
  'UPLOAD_EXCEEDS_DECLARED_SIZE',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_CHECKSUM_MISMATCH',
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
  CASE_CLOSED: 'CONFLICT',
  ATTACHMENT_CLOSED: 'FORBIDDEN',
  ATTACHMENT_NOT_FOUND: 'NOT_FOUND',
  ATTACHMENTS_UNAVAILABLE: 'INTERNAL_SERVER_ERROR',
  UPLOAD_NOT_YOURS: 'FORBIDDEN',
  NOT_A_PDF: 'BAD_REQUEST',
  PDF_UNREADABLE: 'BAD_REQUEST',
  REPORT_TYPE_NOT_ALLOWED: 'FORBIDDEN',
  SIGNING_UNAVAILABLE: 'INTERNAL_SERVER_ERROR',
  AUTHORITY_NOT_FOUND: 'NOT_FOUND',
  OFFICIAL_NAME_NOT_EDITABLE: 'FORBIDDEN',
  LINKED_AUTHORITY_NOT_FOUND: 'BAD_REQUEST',
  LINKED_AUTHORITY_SELF: 'BAD_REQUEST',
  LINKED_AUTHORITY_OTHER_COUNTRY: 'BAD_REQUEST',
  LINKED_AUTHORITY_NOT_ACTIVE: 'BAD_REQUEST',
  BLOB_ID_INVALID: 'BAD_REQUEST',
  BLOB_NOT_FOUND: 'NOT_FOUND',
  RANGE_INVALID: 'BAD_REQUEST',
  UPLOAD_INVALID: 'BAD_REQUEST',
  UPLOAD_NOT_FOUND: 'NOT_FOUND',
  ATTACHMENT_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  CHUNK_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  CHUNK_EMPTY: 'BAD_REQUEST',
  UPLOAD_OFFSET_MISMATCH: 'CONFLICT',
  UPLOAD_CHUNK_CONFLICT: 'CONFLICT',
  UPLOAD_EXCEEDS_DECLARED_SIZE: 'BAD_REQUEST',
  UPLOAD_INCOMPLETE: 'CONFLICT',
  UPLOAD_CHECKSUM_MISMATCH: 'BAD_REQUEST',
  EXECUTABLE_ATTACHMENT: 'BAD_REQUEST',
  NO_LDA: 'CONFLICT',
  NO_REQUEST_HANDLER: 'CONFLICT',
  NO_ALLOCATOR: 'CONFLICT',
  NO_REFERRAL_HANDLER: 'CONFLICT',
  NO_DATA_ADMINISTRATOR: 'CONFLICT',
};
