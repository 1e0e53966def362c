// After the reply (SPEC §5.3): closeRequest, requestAdditionalInfo, accept/refuseAdditionalInfo,
// maintainAndClose, and the requester's withdrawRequest.
import type { CommandOf } from './commands';
import { CLOSED_STATUSES } from './requestCase';
import type { RequestCase } from './requestCase';
import { accept, refuse, refuseWith, stamp } from './decision';
import type { Decision, DecisionContext } from './decision';
import { flag, requestingHandler, respondingHandler } from './permissions';

/** Neither coordinator takes referrals, so the two authorities settle it between themselves. */
export function noReferralCoordinator(state: RequestCase, ctx: DecisionContext): boolean {
  return !flag(state.requestingCoordinatorId, 'participatesInReferral', state, ctx) && !flag(state.respondingCoordinatorId, 'participatesInReferral', state, ctx);
}

export function closeRequest(state: RequestCase, ctx: DecisionContext): Decision {
  const denied = requestingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'ANSWERED' && state.status !== 'ADDITIONAL_INFO_REFUSED') return refuse('WRONG_STATUS');
  return accept({ type: 'requestClosed', ...stamp(ctx, state.id, 'CLOSED') });
}

export function requestAdditionalInfo(state: RequestCase, cmd: CommandOf<'requestAdditionalInfo'>, ctx: DecisionContext): Decision {
  const denied = requestingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  const askAgain = state.status === 'ADDITIONAL_INFO_REFUSED' && noReferralCoordinator(state, ctx);
  if (state.status !== 'ANSWERED' && !askAgain) return refuse('WRONG_STATUS');
  return accept({ type: 'additionalInfoRequested', ...stamp(ctx, state.id, 'ADDITIONAL_INFO_REQUESTED', cmd.justification) });
}

function respondToAdditionalInfo(state: RequestCase, ctx: DecisionContext): Decision | undefined {
  const denied = respondingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'ADDITIONAL_INFO_REQUESTED') return refuse('WRONG_STATUS');
  return undefined;
}

export function acceptAdditionalInfo(state: RequestCase, ctx: DecisionContext): Decision {
  return respondToAdditionalInfo(state, ctx) ?? accept({ type: 'additionalInfoAccepted', ...stamp(ctx, state.id, 'ADDITIONAL_INFO_ACCEPTED') });
}

export function refuseAdditionalInfo(state: RequestCase, cmd: CommandOf<'refuseAdditionalInfo'>, ctx: DecisionContext): Decision {
  return (
    respondToAdditionalInfo(state, ctx) ??
    accept({ type: 'additionalInfoRefused', ...stamp(ctx, state.id, 'ADDITIONAL_INFO_REFUSED', cmd.justification) })
  );
}

/**
 * The responder may uphold its position and close only when the request came back after a referral,
 * or when it is asked again (it refused once already) and no coordinator takes referrals.
 */
export function maintainAndClose(state: RequestCase, cmd: CommandOf<'maintainAndClose'>, ctx: DecisionContext): Decision {
  const gate = respondToAdditionalInfo(state, ctx);
  if (gate) return gate;
  const afterReferral = state.referralPath.length > 0;
  const askedAgain = noReferralCoordinator(state, ctx) && state.history.some((h) => h.action === 'refuseAdditionalInfo');
  if (!afterReferral && !askedAgain) return refuse('MAINTAIN_NOT_ALLOWED');
  return accept({ type: 'maintainedAndClosed', ...stamp(ctx, state.id, 'CLOSED', cmd.justification) });
}

export function withdrawRequest(state: RequestCase, cmd: CommandOf<'withdrawRequest'>, ctx: DecisionContext): Decision {
  const denied = requestingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (state.status === 'DRAFT' || CLOSED_STATUSES.includes(state.status)) return refuse('WRONG_STATUS');
  return accept({ type: 'requestWithdrawn', ...stamp(ctx, state.id, 'WITHDRAWN', cmd.justification) });
}
