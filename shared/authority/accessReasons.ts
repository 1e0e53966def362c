// Stable reason codes with which authority administration (statuses, access, roles, management) refuses a change.
import { z } from 'zod';

export const AccessRejectionReason = z.enum([
  /** The status graph of SPEC §3.5 has no such edge. */
  'TRANSITION_NOT_ALLOWED',
  /** An authority is suspended or reactivated only once every area and workflow is SUSPENDED or REMOVED. */
  'ACCESS_STILL_ACTIVE',
  /** Exchanges are still open (deactivating an authority, removing an area or workflow). */
  'OPEN_EXCHANGES',
  /** An area is removed only after all its workflows are REMOVED. */
  'WORKFLOWS_NOT_REMOVED',
  'AUTHORITY_NOT_ACTIVE',
  'AREA_NOT_ACTIVE',
  'NO_AREA_ACCESS',
  'NO_WORKFLOW_ACCESS',
  'WORKFLOW_NOT_IN_AREA',
  'ROLE_CHANGE_NOT_ALLOWED',
  'NOT_A_COORDINATOR',
  'NOT_HIGHER_LEVEL',
  'OTHER_COUNTRY',
  'OTHER_REGION',
]);
export type AccessRejectionReason = z.infer<typeof AccessRejectionReason>;

export const AccessRejection = z.object({ reason: AccessRejectionReason, message: z.string().optional() });
export type AccessRejection = z.infer<typeof AccessRejection>;

/** A decision that yields a value when allowed, or the reason it is refused. */
export type AccessDecision<T> = { ok: true; value: T } | { ok: false; rejection: AccessRejection };

export function allow<T>(value: T): AccessDecision<T> {
  return { ok: true, value };
}

export function refuse<T = never>(reason: AccessRejectionReason, message?: string): AccessDecision<T> {
  return { ok: false, rejection: message === undefined ? { reason } : { reason, message } };
}
