// The responder's first move (SPEC §5.3): acceptRequest, forwardRequest, splitRequest, refuseRequest.
import { isRequestCoordinator } from '../authority/authority';
import { hasRequestRole } from '../user/user';
import type { CommandOf } from './commands';
import type { RequestCase } from './requestCase';
import { accept, refuse, refuseWith, stamp } from './decision';
import type { Decision, DecisionContext } from './decision';
import { addresseeRejection } from './eligibility';
import { flag, pickCoordinator, respondingHandler } from './permissions';

const BEFORE_REPLY = ['AWAITING_ACCEPTANCE', 'ACCEPTED'] as const;
const beforeReply = (c: RequestCase) => (BEFORE_REPLY as readonly string[]).includes(c.status);

/** `now` plus whole calendar days, as an ISO date (SPEC §5.4). */
export function dueDateAfter(now: string, days: number): string {
  const d = new Date(now);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function acceptRequest(state: RequestCase, cmd: CommandOf<'acceptRequest'>, ctx: DecisionContext): Decision {
  const denied = respondingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'AWAITING_ACCEPTANCE') return refuse('WRONG_STATUS');
  const set = ctx.env.questionSet(state.questionSetId);
  if (!set) return refuse('UNKNOWN_QUESTION_SET');
  if (cmd.days > set.maxDueDays) return refuse('DUE_DAYS_OUT_OF_RANGE', { fields: ['days'] });
  const responderId = state.respondingAuthorityId ?? '';
  const picked = pickCoordinator(responderId, cmd.respondingCoordinatorId ?? state.respondingCoordinatorId, state, ctx);
  if ('rejection' in picked) return refuseWith(picked.rejection);
  return accept({
    type: 'requestAccepted', ...stamp(ctx, state.id, 'ACCEPTED'),
    days: cmd.days, dueDate: dueDateAfter(ctx.now, cmd.days), respondingCoordinatorId: picked.coordinatorId,
  });
}

export function forwardRequest(state: RequestCase, cmd: CommandOf<'forwardRequest'>, ctx: DecisionContext): Decision {
  const denied = respondingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (!beforeReply(state)) return refuse('WRONG_STATUS');
  const from = state.respondingAuthorityId ?? '';
  if (cmd.toAuthorityId === from || cmd.toAuthorityId === state.requestingAuthorityId) return refuse('ADDRESSEE_NOT_ELIGIBLE');
  const target = addresseeRejection(cmd.toAuthorityId, state, ctx, from);
  if (target) return refuseWith(target);
  return accept({
    type: 'requestForwarded', ...stamp(ctx, state.id, 'AWAITING_ACCEPTANCE', cmd.justification),
    fromAuthorityId: from, toAuthorityId: cmd.toAuthorityId,
  });
}

/** The new request a split makes: the selected questions and attachment copies, sent to the target. */
function splitPart(state: RequestCase, cmd: CommandOf<'splitRequest'>, now: string): RequestCase {
  const from = state.respondingAuthorityId;
  const keepsAccess = cmd.toAuthorityId === from;
  const assignments = Object.fromEntries(
    Object.entries(state.assignments).filter(([authorityId]) => authorityId !== from || keepsAccess),
  );
  return {
    ...state,
    id: cmd.newCaseId,
    entryNumber: null,
    status: 'AWAITING_ACCEPTANCE',
    respondingAuthorityId: cmd.toAuthorityId,
    respondingCoordinatorId: null,
    acceptedDays: null,
    dueDate: null,
    sentAt: now,
    acceptedAt: null,
    closedAt: null,
    createdAt: now,
    questions: state.questions.filter((q) => cmd.questionIds.includes(q.questionId)),
    answers: [],
    messages: [],
    attachments: state.attachments.filter((a) => cmd.attachmentIds.includes(a.id)),
    assignments,
    referralPath: [],
    formerRespondingAuthorityIds: keepsAccess || from === null ? state.formerRespondingAuthorityIds : [...state.formerRespondingAuthorityIds, from],
    splitFromCaseId: state.id,
    splitIntoCaseIds: [],
    copiedFromCaseId: null,
    history: [],
  };
}

export function splitRequest(state: RequestCase, cmd: CommandOf<'splitRequest'>, ctx: DecisionContext): Decision {
  const denied = respondingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (!beforeReply(state)) return refuse('WRONG_STATUS');
  if (cmd.newCaseId === state.id) return refuse('CASE_ALREADY_EXISTS');
  const own = new Set(state.questions.map((q) => q.questionId));
  const selected = new Set(cmd.questionIds);
  const foreign = cmd.questionIds.filter((id) => !own.has(id));
  if (foreign.length) return refuse('SPLIT_SELECTION_INVALID', { questionIds: foreign });
  if (selected.size >= own.size) return refuse('SPLIT_SELECTION_INVALID', { message: 'the original request must keep at least one question' });
  const unknownAttachments = cmd.attachmentIds.filter((id) => !state.attachments.some((a) => a.id === id));
  if (unknownAttachments.length) return refuse('SPLIT_SELECTION_INVALID', { fields: unknownAttachments });
  const from = state.respondingAuthorityId ?? '';
  if (cmd.toAuthorityId !== from) {
    const target = addresseeRejection(cmd.toAuthorityId, state, ctx, from);
    if (target) return refuseWith(target);
  }
  return accept(
    {
      type: 'requestSplit', ...stamp(ctx, state.id, state.status, cmd.justification),
      newCaseId: cmd.newCaseId, toAuthorityId: cmd.toAuthorityId, questionIds: [...selected], attachmentIds: cmd.attachmentIds,
    },
    { type: 'splitCaseCreated', ...stamp(ctx, cmd.newCaseId, 'AWAITING_ACCEPTANCE', cmd.justification), case: splitPart(state, cmd, ctx.now) },
  );
}

/** A coordinator may refuse on behalf of its country (SPEC §5.3): a request coordinator of the responder's country. */
function isCoordinatorOfRespondersCountry(state: RequestCase, ctx: DecisionContext): boolean {
  const own = ctx.env.authority(ctx.actor.authorityId);
  const responder = state.respondingAuthorityId === null ? undefined : ctx.env.authority(state.respondingAuthorityId);
  return own !== undefined && responder !== undefined && own.country === responder.country && isRequestCoordinator(own, state.area);
}

export function refuseRequest(state: RequestCase, cmd: CommandOf<'refuseRequest'>, ctx: DecisionContext): Decision {
  if (ctx.actor.authorityId === state.respondingAuthorityId) {
    const denied = respondingHandler(state, ctx);
    if (denied) return refuseWith(denied);
    if (!flag(state.respondingAuthorityId, 'mayRefuseRequests', state, ctx)) return refuse('REFUSAL_NOT_ALLOWED');
  } else if (isCoordinatorOfRespondersCountry(state, ctx)) {
    if (!hasRequestRole(ctx.actor, state.area, 'REFERRAL_HANDLER')) return refuse('ROLE_REQUIRED', { message: 'REFERRAL_HANDLER' });
  } else {
    return refuse('NOT_YOUR_AUTHORITY');
  }
  if (state.status !== 'AWAITING_ACCEPTANCE') return refuse('WRONG_STATUS');
  return accept({ type: 'requestRefused', ...stamp(ctx, state.id, 'REFUSED', cmd.justification) });
}
