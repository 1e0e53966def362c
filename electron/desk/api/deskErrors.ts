// Stable reason codes of the desk's own refusals (session, offline, lookups), carried as values inside the
// desk and as `data.reason` on every tRPC error the renderer receives; hub reasons pass through unchanged.
import { z } from 'zod';

export const DeskReason = z.enum([
  // Transport and input
  'INVALID_INPUT',
  'INTERNAL',
  /** A request body larger than any call of this API needs (web mode). */
  'PAYLOAD_TOO_LARGE',
  /** No such procedure (a renderer of another version). */
  'PROCEDURE_NOT_FOUND',
  // Session
  'NOT_SIGNED_IN',
  'ALREADY_SIGNED_IN',
  'NO_LOGIN_IN_PROGRESS',
  'FIRST_LOGIN_REQUIRED',
  'NOT_FIRST_LOGIN',
  /** The hub cannot be reached and this user has never logged in online on this workstation. */
  'OFFLINE_LOGIN_UNAVAILABLE',
  /** The offline window the hub set has passed since the last online log-in. */
  'OFFLINE_LOGIN_EXPIRED',
  /** Five failed offline attempts: only an online log-in (after an LDA reset if the hub blocked too) unlocks. */
  'OFFLINE_LOGIN_LOCKED',
  'LOGIN_FAILED',
  // Hub availability
  'OFFLINE',
  'HUB_UNREACHABLE',
  // Lookups
  'CASE_NOT_FOUND',
  'QUESTION_SET_NOT_FOUND',
  'ATTENTION_NOT_FOUND',
  // Attachments (SPEC §5.6, electron/desk/attachments)
  'ATTACHMENT_NOT_FOUND',
  /** The user does not see the request at FULL (e.g. a responder before acceptance): attachments stay closed. */
  'ATTACHMENT_CLOSED',
  /** Not yet downloaded to this workstation: `attachments.fetch` first (online). */
  'ATTACHMENT_NOT_CACHED',
  /** The bytes the hub sent do not match the attachment's SHA-256; nothing was kept. */
  'ATTACHMENT_CORRUPT',
  'ATTACHMENT_TOO_LARGE',
  'EXECUTABLE_ATTACHMENT',
  'UPLOAD_NOT_FOUND',
  'UPLOAD_OFFSET_MISMATCH',
  'UPLOAD_EXCEEDS_DECLARED_SIZE',
  'UPLOAD_INCOMPLETE',
  /** The upload was already finished (its command is queued). */
  'UPLOAD_FINISHED',
  'CHUNK_TOO_LARGE',
  'CHUNK_EMPTY',
  // Reports (SPEC §10, electron/desk/reports)
  'REPORT_NOT_FOUND',
  /** The report type is above what the user's visibility level of the request allows. */
  'REPORT_TYPE_NOT_ALLOWED',
  'NO_SECTIONS_CHOSEN',
  'REPORT_RENDER_FAILED',
  /** The hub answered, but not with a signed PDF; nothing was kept as certified. */
  'REPORT_NOT_SIGNED',
]);
export type DeskReason = z.infer<typeof DeskReason>;

/** A refusal as a value: the desk's own reason, or a hub reason passed through as the string the hub sent. */
export interface DeskRefusal {
  ok: false;
  reason: DeskReason | (string & {});
  details?: Record<string, unknown>;
}
export type DeskOutcome<T> = { ok: true; value: T } | DeskRefusal;

export const deskOk = <T>(value: T): DeskOutcome<T> => ({ ok: true, value });
export const deskRefusal = (reason: DeskRefusal['reason'], details?: Record<string, unknown>): DeskRefusal =>
  (details ? { ok: false, reason, details } : { ok: false, reason });
