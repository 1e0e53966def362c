// Commands open through most of the lifecycle (SPEC §5.3, §5.5, §5.6): addMessage, addAttachment,
// assignHandlers and changeLinkedCoordinator.
import type { AuthorityId } from '../authority/authority';
import { hasRequestRole } from '../user/user';
import type { CommandOf } from './commands';
import { CLOSED_STATUSES } from './requestCase';
import type { RequestCase } from './requestCase';
import { accept, refuse, refuseWith, stamp } from './decision';
import type { Decision, DecisionContext } from './decision';
import { executableByName } from '../attachments/executableRule';
import { handlerOfEitherSide, linkedCoordinators, requireRole } from './permissions';

const isOpen = (c: RequestCase) => !CLOSED_STATUSES.includes(c.status);

/**
 * A name the recipient's system would run (the shared rule of SPEC §5.6); the hub and the desk also inspect the
 * bytes when the file arrives, since a name proves nothing.
 */
export const looksExecutable = (name: string) => executableByName(name) !== undefined;

export function addMessage(state: RequestCase, cmd: CommandOf<'addMessage'>, ctx: DecisionContext): Decision {
  const handler = handlerOfEitherSide(state, ctx);
  if ('rejection' in handler) return refuseWith(handler.rejection);
  if (state.status === 'DRAFT' || !isOpen(state)) return refuse('WRONG_STATUS');
  if (state.messages.some((m) => m.id === cmd.messageId)) return refuse('DUPLICATE_ID');
  const message = { id: cmd.messageId, type: cmd.messageType, text: cmd.text, authorityId: ctx.actor.authorityId, userId: ctx.actor.id, at: ctx.now };
  return accept({ type: 'messageAdded', ...stamp(ctx, state.id, state.status), message });
}

export function addAttachment(state: RequestCase, cmd: CommandOf<'addAttachment'>, ctx: DecisionContext): Decision {
  const handler = handlerOfEitherSide(state, ctx);
  if ('rejection' in handler) return refuseWith(handler.rejection);
  // The addressee of a draft is not a party yet: it does not even see the draft.
  if (state.status === 'DRAFT' && handler.side !== 'REQUESTING') return refuse('NOT_YOUR_AUTHORITY');
  if (!isOpen(state)) return refuse('WRONG_STATUS');
  if (looksExecutable(cmd.attachment.name)) return refuse('EXECUTABLE_ATTACHMENT', { fields: ['attachment.name'] });
  if (state.attachments.some((a) => a.id === cmd.attachment.id)) return refuse('DUPLICATE_ID');
  const attachment = { ...cmd.attachment, authorityId: ctx.actor.authorityId, userId: ctx.actor.id, at: ctx.now };
  return accept({ type: 'attachmentAdded', ...stamp(ctx, state.id, state.status), attachment });
}

/** The authorities that hold the case and so may allocate it; the addressee of a draft does not yet. */
function allocatingAuthorities(c: RequestCase): AuthorityId[] {
  const ids = [c.requestingAuthorityId, c.respondingAuthorityId, c.requestingCoordinatorId, c.respondingCoordinatorId];
  if (c.status === 'DRAFT') return [c.requestingAuthorityId];
  return ids.filter((id): id is AuthorityId => id !== null);
}

export function assignHandlers(state: RequestCase, cmd: CommandOf<'assignHandlers'>, ctx: DecisionContext): Decision {
  const own = ctx.actor.authorityId;
  if (!allocatingAuthorities(state).includes(own)) return refuse('NOT_YOUR_AUTHORITY');
  const denied = requireRole(state, 'ALLOCATOR', ctx);
  if (denied) return refuseWith(denied);
  const isParty = own === state.requestingAuthorityId || own === state.respondingAuthorityId;
  const isCoordinator = own === state.requestingCoordinatorId || own === state.respondingCoordinatorId;
  const ineligible = cmd.userIds.filter((id) => {
    const user = ctx.env.user(id);
    if (!user || user.authorityId !== own || user.status !== 'ACTIVE') return true;
    // Party work needs handlers, coordinator work (approval, referral) referral handlers (SPEC §5.5).
    return !((isParty && hasRequestRole(user, state.area, 'REQUEST_HANDLER')) || (isCoordinator && hasRequestRole(user, state.area, 'REFERRAL_HANDLER')));
  });
  if (ineligible.length) return refuse('USER_NOT_ELIGIBLE', { fields: ineligible });
  return accept({ type: 'handlersAssigned', ...stamp(ctx, state.id, state.status), forAuthorityId: own, userIds: [...new Set(cmd.userIds)] });
}

/** Statuses in which a side's coordinator is busy with the case and may not be swapped under it. */
const COORDINATOR_BUSY = {
  REQUESTING: ['AWAITING_REQUEST_APPROVAL', 'REFERRED_TO_REQUESTING_COORDINATOR'],
  RESPONDING: ['AWAITING_REPLY_APPROVAL', 'REFERRED_TO_RESPONDING_COORDINATOR'],
} as const;

export function changeLinkedCoordinator(state: RequestCase, cmd: CommandOf<'changeLinkedCoordinator'>, ctx: DecisionContext): Decision {
  const handler = handlerOfEitherSide(state, ctx);
  if ('rejection' in handler) return refuseWith(handler.rejection);
  const { side } = handler;
  if (!isOpen(state) || (COORDINATOR_BUSY[side] as readonly string[]).includes(state.status)) return refuse('WRONG_STATUS');
  // The responder picks its coordinator on acceptance; before that there is nothing to change.
  if (side === 'RESPONDING' && state.acceptedAt === null) return refuse('WRONG_STATUS');
  if (!linkedCoordinators(ctx.actor.authorityId, state, ctx).includes(cmd.coordinatorId)) return refuse('COORDINATOR_NOT_LINKED');
  return accept({ type: 'linkedCoordinatorChanged', ...stamp(ctx, state.id, state.status), side, coordinatorId: cmd.coordinatorId });
}
