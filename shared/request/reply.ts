// Replying (SPEC §5.3): saveReply, sendPartialReply, sendReply and the coordinator's approval of a reply.
import type { CommandOf, AnswerInput } from './commands';
import type { Answer, RequestCase, RequestStatus } from './requestCase';
import { accept, refuse, refuseWith, stamp } from './decision';
import type { Decision, DecisionContext } from './decision';
import { flag, referralHandlerOf, respondingHandler } from './permissions';
import { checkAnswers, markAnswered, mergeAnswers, unansweredQuestionIds } from './replyValidation';

export const REPLY_STATUSES: readonly RequestStatus[] = ['ACCEPTED', 'ADDITIONAL_INFO_ACCEPTED', 'PARTIALLY_ANSWERED'];

/** Common gate of the three reply commands: responder, reply status, answers that fit the case. */
function typedAnswers(state: RequestCase, inputs: readonly AnswerInput[], ctx: DecisionContext): { answers: Answer[] } | { decision: Decision } {
  const denied = respondingHandler(state, ctx);
  if (denied) return { decision: refuseWith(denied) };
  if (!REPLY_STATUSES.includes(state.status)) return { decision: refuse('WRONG_STATUS') };
  const set = ctx.env.questionSet(state.questionSetId);
  if (!set) return { decision: refuse('UNKNOWN_QUESTION_SET') };
  const problem = checkAnswers(inputs, state.questions, set);
  if (problem) return { decision: refuse(problem.kind, { questionIds: problem.questionIds }) };
  return { answers: mergeAnswers(state.answers, inputs, state.questions) };
}

export function saveReply(state: RequestCase, cmd: CommandOf<'saveReply'>, ctx: DecisionContext): Decision {
  const typed = typedAnswers(state, cmd.answers, ctx);
  if ('decision' in typed) return typed.decision;
  return accept({ type: 'replySaved', ...stamp(ctx, state.id, state.status), answers: typed.answers });
}

export function sendPartialReply(state: RequestCase, cmd: CommandOf<'sendPartialReply'>, ctx: DecisionContext): Decision {
  const typed = typedAnswers(state, cmd.answers, ctx);
  if ('decision' in typed) return typed.decision;
  if (!typed.answers.some((a) => a.value !== null && !a.sent)) return refuse('NOTHING_TO_SEND');
  return accept({ type: 'partialReplySent', ...stamp(ctx, state.id, 'PARTIALLY_ANSWERED'), answers: markAnswered(typed.answers) });
}

export function sendReply(state: RequestCase, cmd: CommandOf<'sendReply'>, ctx: DecisionContext): Decision {
  const typed = typedAnswers(state, cmd.answers, ctx);
  if ('decision' in typed) return typed.decision;
  const set = ctx.env.questionSet(state.questionSetId);
  const unanswered = set ? unansweredQuestionIds(state.questions, typed.answers, set) : [];
  if (unanswered.length) return refuse('UNANSWERED_QUESTIONS', { questionIds: unanswered });
  const needsApproval = flag(state.respondingAuthorityId, 'subjectToApproval', state, ctx) && flag(state.respondingCoordinatorId, 'approvesReplies', state, ctx);
  // A reply awaiting approval is not sent yet: its answers are marked sent when the coordinator approves.
  if (needsApproval) return accept({ type: 'replySent', ...stamp(ctx, state.id, 'AWAITING_REPLY_APPROVAL'), answers: typed.answers });
  return accept({ type: 'replySent', ...stamp(ctx, state.id, 'ANSWERED'), answers: markAnswered(typed.answers) });
}

export function approveReply(state: RequestCase, ctx: DecisionContext): Decision {
  const denied = referralHandlerOf(state, state.respondingCoordinatorId, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'AWAITING_REPLY_APPROVAL') return refuse('WRONG_STATUS');
  return accept({ type: 'replyApproved', ...stamp(ctx, state.id, 'ANSWERED'), answers: markAnswered(state.answers) });
}

export function rejectReplyApproval(state: RequestCase, cmd: CommandOf<'rejectReplyApproval'>, ctx: DecisionContext): Decision {
  const denied = referralHandlerOf(state, state.respondingCoordinatorId, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'AWAITING_REPLY_APPROVAL') return refuse('WRONG_STATUS');
  return accept({ type: 'replyApprovalRejected', ...stamp(ctx, state.id, 'ACCEPTED', cmd.justification) });
}
