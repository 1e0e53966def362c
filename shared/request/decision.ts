// The shape of a decision and the small helpers every command handler uses to build one.
import type { FreeText } from '../reference/text';
import type { Actor } from '../user/user';
import type { RequestEnvironment } from './environment';
import type { RequestEvent } from './events';
import type { RequestStatus } from './requestCase';
import { reject } from './reasons';
import type { Rejection, RejectionReason } from './reasons';

export type Decision = { ok: true; events: RequestEvent[] } | { ok: false; rejection: Rejection };

/** Everything a handler may consult besides the case and the command. */
export interface DecisionContext {
  actor: Actor;
  /** ISO date-time of the decision; handlers never read a clock. */
  now: string;
  env: RequestEnvironment;
}

export const accept = (...events: RequestEvent[]): Decision => ({ ok: true, events });
export const refuse = (reason: RejectionReason, details?: Rejection['details']): Decision => ({ ok: false, rejection: reject(reason, details) });
export const refuseWith = (rejection: Rejection): Decision => ({ ok: false, rejection });

/** The fields every command event carries. */
export function stamp(ctx: DecisionContext, caseId: string, status: RequestStatus, justification: FreeText | null = null) {
  return { caseId, userId: ctx.actor.id, authorityId: ctx.actor.authorityId, at: ctx.now, justification, status };
}
