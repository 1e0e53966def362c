// Who may act on a request (SPEC §4, §5.3, §5.5): side (authority), request role in the case's area,
// and allocation. Each check returns a Rejection, or undefined when the actor may act.
import { requestAccess } from '../authority/authority';
import type { AuthorityId } from '../authority/authority';
import { hasRequestRole } from '../user/user';
import type { RequestRole } from '../user/user';
import type { RequestCase } from './requestCase';
import type { DecisionContext } from './decision';
import { reject } from './reasons';
import type { Rejection } from './reasons';

export type Side = 'REQUESTING' | 'RESPONDING';

/** Whether allocation lets this user act for the authority: only assigned users may, when it allocates. */
export function isAssigned(c: Pick<RequestCase, 'assignments'>, authorityId: AuthorityId, userId: string, ctx: DecisionContext): boolean {
  if (!ctx.env.authority(authorityId)?.usesAllocation) return true;
  return c.assignments[authorityId]?.includes(userId) ?? false;
}

export function requireRole(c: Pick<RequestCase, 'area'>, role: RequestRole, ctx: DecisionContext): Rejection | undefined {
  return hasRequestRole(ctx.actor, c.area, role) ? undefined : reject('ROLE_REQUIRED', { message: role });
}

/** An actor of `authorityId` holding `role`, assigned when that authority uses allocation. */
function actorOf(c: RequestCase, authorityId: AuthorityId | null, role: RequestRole, ctx: DecisionContext): Rejection | undefined {
  if (authorityId === null || ctx.actor.authorityId !== authorityId) return reject('NOT_YOUR_AUTHORITY');
  return requireRole(c, role, ctx) ?? (isAssigned(c, authorityId, ctx.actor.id, ctx) ? undefined : reject('NOT_ASSIGNED'));
}

export const requestingHandler = (c: RequestCase, ctx: DecisionContext) => actorOf(c, c.requestingAuthorityId, 'REQUEST_HANDLER', ctx);
export const respondingHandler = (c: RequestCase, ctx: DecisionContext) => actorOf(c, c.respondingAuthorityId, 'REQUEST_HANDLER', ctx);
/** A referral handler of the coordinator that holds the approval or referral. */
export const referralHandlerOf = (c: RequestCase, coordinatorId: AuthorityId | null, ctx: DecisionContext) =>
  actorOf(c, coordinatorId, 'REFERRAL_HANDLER', ctx);

/** The side the actor's authority plays in the case, if any. */
export function sideOf(c: RequestCase, authorityId: AuthorityId): Side | undefined {
  if (authorityId === c.requestingAuthorityId) return 'REQUESTING';
  if (authorityId === c.respondingAuthorityId) return 'RESPONDING';
  return undefined;
}

/** A handler of either party; returns the side it acts for. */
export function handlerOfEitherSide(c: RequestCase, ctx: DecisionContext): { side: Side } | { rejection: Rejection } {
  const side = sideOf(c, ctx.actor.authorityId);
  if (!side) return { rejection: reject('NOT_YOUR_AUTHORITY') };
  const rejection = side === 'REQUESTING' ? requestingHandler(c, ctx) : respondingHandler(c, ctx);
  return rejection ? { rejection } : { side };
}

/** The request coordinators an authority is linked to in an area. */
export function linkedCoordinators(authorityId: AuthorityId | null, c: Pick<RequestCase, 'area'>, ctx: DecisionContext): readonly AuthorityId[] {
  const authority = authorityId === null ? undefined : ctx.env.authority(authorityId);
  return authority ? (requestAccess(authority, c.area)?.linkedCoordinatorIds ?? []) : [];
}

/**
 * The coordinator an authority works with: the one chosen (must be linked), the only linked one, or none
 * when it has none; with several and no choice the actor must pick (COORDINATOR_CHOICE_REQUIRED).
 */
export function pickCoordinator(
  authorityId: AuthorityId,
  chosen: AuthorityId | null,
  c: Pick<RequestCase, 'area'>,
  ctx: DecisionContext,
): { coordinatorId: AuthorityId | null } | { rejection: Rejection } {
  const linked = linkedCoordinators(authorityId, c, ctx);
  if (chosen !== null) return linked.includes(chosen) ? { coordinatorId: chosen } : { rejection: reject('COORDINATOR_NOT_LINKED') };
  if (linked.length > 1) return { rejection: reject('COORDINATOR_CHOICE_REQUIRED') };
  return { coordinatorId: linked[0] ?? null };
}

/** A request flag of an authority in the case's area (defaults when the authority or access is unknown). */
export function flag(
  authorityId: AuthorityId | null,
  name: 'subjectToApproval' | 'mayRefuseRequests' | 'mayAcceptIncomingRequests' | 'participatesInReferral' | 'approvesRequests' | 'approvesReplies',
  c: Pick<RequestCase, 'area'>,
  ctx: DecisionContext,
): boolean {
  const authority = authorityId === null ? undefined : ctx.env.authority(authorityId);
  return (authority && requestAccess(authority, c.area)?.flags[name]) ?? false;
}
