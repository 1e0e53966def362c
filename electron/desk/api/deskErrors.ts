// Stable reason codes of the desk's own refusals (session, offline, lookups), carried as values inside the
// desk and as `data.reason` on every tRPC error the renderer receives; hub reasons pass through unchanged.
import { z } from 'zod';

export const DeskReason = z.enum([
  // Transport and input
  'INVALID_INPUT',
  'INTERNAL',
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
