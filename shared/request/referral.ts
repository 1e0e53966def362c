// Referral of a refused request for additional information to the coordinators (SPEC §5.3, handbook 5.3.6):
// the requesting coordinator first if it takes referrals, then the responding one.
import type { CommandOf } from './commands';
import type { RequestCase } from './requestCase';
import type { ReferralStep } from './events';
import { accept, refuse, refuseWith, stamp } from './decision';
import type { Decision, DecisionContext } from './decision';
import { flag, referralHandlerOf, requestingHandler } from './permissions';

const STATUS_FOR = { REQUESTING: 'REFERRED_TO_REQUESTING_COORDINATOR', RESPONDING: 'REFERRED_TO_RESPONDING_COORDINATOR' } as const;

function coordinatorFor(state: RequestCase, step: ReferralStep) {
  return step === 'REQUESTING' ? state.requestingCoordinatorId : state.respondingCoordinatorId;
}

const participates = (state: RequestCase, step: ReferralStep, ctx: DecisionContext) =>
  flag(coordinatorFor(state, step), 'participatesInReferral', state, ctx);

export function referRequest(state: RequestCase, cmd: CommandOf<'referRequest'>, ctx: DecisionContext): Decision {
  const denied = requestingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'ADDITIONAL_INFO_REFUSED') return refuse('WRONG_STATUS');
  const first: ReferralStep | undefined = participates(state, 'REQUESTING', ctx)
    ? 'REQUESTING'
    : participates(state, 'RESPONDING', ctx) ? 'RESPONDING' : undefined;
  if (!first) return refuse('NO_REFERRAL_COORDINATOR');
  return accept({ type: 'requestReferred', ...stamp(ctx, state.id, STATUS_FOR[first], cmd.justification), referralPath: [first] });
}

export function referralDecision(state: RequestCase, cmd: CommandOf<'referralDecision'>, ctx: DecisionContext): Decision {
  const holder: ReferralStep | undefined =
    state.status === 'REFERRED_TO_REQUESTING_COORDINATOR' ? 'REQUESTING' : state.status === 'REFERRED_TO_RESPONDING_COORDINATOR' ? 'RESPONDING' : undefined;
  if (!holder) {
    // Status is checked after the side would be, but without a holder there is no side to check.
    const anyCoordinator = ctx.actor.authorityId === state.requestingCoordinatorId || ctx.actor.authorityId === state.respondingCoordinatorId;
    return refuse(anyCoordinator ? 'WRONG_STATUS' : 'NOT_YOUR_AUTHORITY');
  }
  const denied = referralHandlerOf(state, coordinatorFor(state, holder), ctx);
  if (denied) return refuseWith(denied);
  const base = (status: RequestCase['status'], referralPath: ReferralStep[]) =>
    ({ type: 'referralDecided' as const, ...stamp(ctx, state.id, status, cmd.justification), agrees: cmd.agrees, referralPath });
  // The coordinator finds the reply satisfactory: the requester may now close (or refer again).
  if (!cmd.agrees) return accept(base('ADDITIONAL_INFO_REFUSED', state.referralPath));
  const next: ReferralStep = holder === 'REQUESTING' ? 'RESPONDING' : 'REQUESTING';
  if (participates(state, next, ctx) && !state.referralPath.includes(next)) return accept(base(STATUS_FOR[next], [...state.referralPath, next]));
  return accept(base('ADDITIONAL_INFO_REQUESTED', state.referralPath));
}
