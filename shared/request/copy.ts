// copyRequest (SPEC §5.3 "reuse data"): a new draft of the actor's authority prefilled with the chosen
// parts of any request it is a party to, never carrying personal data the actor may not see.
import { hasRequestRole } from '../user/user';
import type { CommandOf } from './commands';
import type { FieldValues, RequestCase } from './requestCase';
import { accept, refuse, refuseWith, stamp } from './decision';
import type { Decision, DecisionContext } from './decision';
import { handlerOfEitherSide } from './permissions';
import { personalFieldIds, visibilityLevel } from './visibility';

const pick = (values: FieldValues, keep: (id: string) => boolean): FieldValues =>
  Object.fromEntries(Object.entries(values).filter(([id]) => keep(id)));

export function copyRequest(state: RequestCase, cmd: CommandOf<'copyRequest'>, ctx: DecisionContext): Decision {
  const handler = handlerOfEitherSide(state, ctx);
  if ('rejection' in handler) return refuseWith(handler.rejection);
  if (state.status === 'DRAFT' && handler.side !== 'REQUESTING') return refuse('NOT_YOUR_AUTHORITY');
  if (cmd.newCaseId === state.id) return refuse('CASE_ALREADY_EXISTS');
  const area = cmd.targetArea ?? state.area;
  const setId = cmd.targetQuestionSetId ?? (area === state.area ? state.questionSetId : null);
  const set = setId === null ? undefined : ctx.env.questionSet(setId);
  if (!set || set.area !== area) return refuse('UNKNOWN_QUESTION_SET');
  if (!hasRequestRole(ctx.actor, area, 'REQUEST_HANDLER')) return refuse('ROLE_REQUIRED', { message: 'REQUEST_HANDLER' });

  const seesPersonalData = visibilityLevel(state, ctx.actor, ctx.env) === 'FULL';
  const personal = personalFieldIds(state.area, state.questionSetId, ctx.env);
  const subjectIds = new Set((ctx.env.subjectSection(area)?.fields ?? []).map((f) => f.id));
  const formIds = new Set(set.formFields.map((f) => f.id));
  const targetQuestions = new Map(set.questions.map((q) => [q.id, q]));

  // The other party becomes the addressee: the requester reuses its addressee, a responder writes back.
  const other = handler.side === 'REQUESTING' ? state.respondingAuthorityId : state.requestingAuthorityId;
  const questions = cmd.parts.questions
    ? state.questions.flatMap((q) => {
        const target = targetQuestions.get(q.questionId);
        if (!target) return [];
        const detailIds = new Set(target.extraDetails.map((d) => d.id));
        const extraDetails = pick(q.extraDetails, (id) => detailIds.has(id) && (seesPersonalData || !personal.extraDetail(q.questionId, id)));
        return [{ ...q, extraDetails }];
      })
    : [];
  const copy: RequestCase = {
    id: cmd.newCaseId,
    entryNumber: null,
    area,
    questionSetId: set.id,
    status: 'DRAFT',
    requestingAuthorityId: ctx.actor.authorityId,
    respondingAuthorityId: cmd.parts.addressee && other !== ctx.actor.authorityId ? other : null,
    requestingCoordinatorId: null,
    respondingCoordinatorId: null,
    proposedDueDays: state.proposedDueDays === null ? null : Math.min(state.proposedDueDays, set.maxDueDays),
    acceptedDays: null,
    dueDate: null,
    createdByUserId: ctx.actor.id,
    createdAt: ctx.now,
    sentAt: null,
    acceptedAt: null,
    closedAt: null,
    summary: state.summary,
    formFields: pick(state.formFields, (id) => formIds.has(id) && (seesPersonalData || !personal.formField(id))),
    checklist: area === state.area && set.id === state.questionSetId ? state.checklist : [],
    referencedEntryNumber: state.referencedEntryNumber,
    // The subject is personal data through and through: only someone who may see it may copy it.
    subject: cmd.parts.subject && seesPersonalData ? pick(state.subject, (id) => subjectIds.has(id)) : {},
    questions,
    tabComments: [],
    answers: [],
    messages: [],
    // A responder before acceptance cannot open the attachments, so it cannot copy them either.
    attachments: cmd.parts.attachments && seesPersonalData ? state.attachments : [],
    assignments: { [ctx.actor.authorityId]: [ctx.actor.id] },
    referralPath: [],
    formerRespondingAuthorityIds: [],
    splitFromCaseId: null,
    splitIntoCaseIds: [],
    copiedFromCaseId: state.id,
    history: [],
  };
  return accept(
    { type: 'requestCopied', ...stamp(ctx, state.id, state.status), newCaseId: cmd.newCaseId },
    { type: 'copyCreated', ...stamp(ctx, cmd.newCaseId, 'DRAFT'), case: copy },
  );
}
