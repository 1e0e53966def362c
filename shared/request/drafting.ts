// Drafting and sending (SPEC §5.3): createDraft, editDraft, deleteDraft, sendRequest and the
// coordinator's approval of an outgoing request.
import { hasRequestRole } from '../user/user';
import type { CommandOf } from './commands';
import type { DraftForm, RequestCase } from './requestCase';
import { accept, refuse, refuseWith, stamp } from './decision';
import type { Decision, DecisionContext } from './decision';
import { unknownQuestionIds, validateDraft } from './draftValidation';
import { activeAuthorityRejection, addresseeRejection } from './eligibility';
import { flag, linkedCoordinators, pickCoordinator, referralHandlerOf, requestingHandler } from './permissions';

/** Checks a draft form against its question set: red issues, unknown questions, due days, coordinator. */
function draftRejection(form: DraftForm, area: RequestCase['area'], questionSetId: string, requesterId: string, ctx: DecisionContext): Decision | undefined {
  const set = ctx.env.questionSet(questionSetId);
  if (!set || set.area !== area) return refuse('UNKNOWN_QUESTION_SET');
  const unknown = unknownQuestionIds(form, set);
  if (unknown.length) return refuse('UNKNOWN_QUESTION', { questionIds: unknown });
  const { errors } = validateDraft(form, set, ctx.env.subjectSection(area));
  if (errors.length) return refuse('DRAFT_INVALID', { fields: errors.map((e) => e.field) });
  if (form.proposedDueDays !== null && form.proposedDueDays > set.maxDueDays) return refuse('DUE_DAYS_OUT_OF_RANGE', { fields: ['proposedDueDays'] });
  if (form.requestingCoordinatorId !== null && !linkedCoordinators(requesterId, { area }, ctx).includes(form.requestingCoordinatorId)) {
    return refuse('COORDINATOR_NOT_LINKED', { fields: ['requestingCoordinatorId'] });
  }
  return undefined;
}

export function createDraft(state: RequestCase | undefined, cmd: CommandOf<'createDraft'>, ctx: DecisionContext): Decision {
  if (state) return refuse('CASE_ALREADY_EXISTS');
  if (!hasRequestRole(ctx.actor, cmd.area, 'REQUEST_HANDLER')) return refuse('ROLE_REQUIRED', { message: 'REQUEST_HANDLER' });
  const inactive = activeAuthorityRejection(ctx.actor.authorityId, { area: cmd.area }, ctx);
  if (inactive) return refuseWith(inactive);
  const invalid = draftRejection(cmd.form, cmd.area, cmd.questionSetId, ctx.actor.authorityId, ctx);
  if (invalid) return invalid;
  return accept({ type: 'draftCreated', ...stamp(ctx, cmd.caseId, 'DRAFT'), area: cmd.area, questionSetId: cmd.questionSetId, form: cmd.form });
}

export function editDraft(state: RequestCase, cmd: CommandOf<'editDraft'>, ctx: DecisionContext): Decision {
  const denied = requestingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'DRAFT') return refuse('WRONG_STATUS');
  const invalid = draftRejection(cmd.form, state.area, state.questionSetId, state.requestingAuthorityId, ctx);
  if (invalid) return invalid;
  return accept({ type: 'draftEdited', ...stamp(ctx, state.id, 'DRAFT'), form: cmd.form });
}

export function deleteDraft(state: RequestCase, ctx: DecisionContext): Decision {
  const denied = requestingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'DRAFT') return refuse('WRONG_STATUS');
  return accept({ type: 'draftDeleted', ...stamp(ctx, state.id, 'DRAFT') });
}

export function sendRequest(state: RequestCase, cmd: CommandOf<'sendRequest'>, ctx: DecisionContext): Decision {
  const denied = requestingHandler(state, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'DRAFT') return refuse('WRONG_STATUS');
  const inactive = activeAuthorityRejection(state.requestingAuthorityId, state, ctx);
  if (inactive) return refuseWith(inactive);
  const set = ctx.env.questionSet(state.questionSetId);
  if (!set) return refuse('UNKNOWN_QUESTION_SET');
  const { errors, warnings } = validateDraft(state, set, ctx.env.subjectSection(state.area));
  const missing = [...errors, ...warnings];
  if (missing.length) return refuse('REQUIRED_FIELDS_MISSING', { fields: missing.map((m) => m.field) });
  if (state.proposedDueDays !== null && state.proposedDueDays > set.maxDueDays) return refuse('DUE_DAYS_OUT_OF_RANGE', { fields: ['proposedDueDays'] });
  const addressee = addresseeRejection(state.respondingAuthorityId ?? '', state, ctx);
  if (addressee) return refuseWith(addressee);
  if (state.respondingAuthorityId === state.requestingAuthorityId) return refuse('ADDRESSEE_NOT_ELIGIBLE', { fields: ['respondingAuthorityId'] });
  const picked = pickCoordinator(state.requestingAuthorityId, cmd.requestingCoordinatorId ?? state.requestingCoordinatorId, state, ctx);
  if ('rejection' in picked) return refuseWith(picked.rejection);
  const needsApproval = flag(state.requestingAuthorityId, 'subjectToApproval', state, ctx) && flag(picked.coordinatorId, 'approvesRequests', state, ctx);
  const status = needsApproval ? 'AWAITING_REQUEST_APPROVAL' : 'AWAITING_ACCEPTANCE';
  return accept({ type: 'requestSent', ...stamp(ctx, state.id, status), requestingCoordinatorId: picked.coordinatorId });
}

export function approveRequest(state: RequestCase, ctx: DecisionContext): Decision {
  const denied = referralHandlerOf(state, state.requestingCoordinatorId, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'AWAITING_REQUEST_APPROVAL') return refuse('WRONG_STATUS');
  return accept({ type: 'requestApproved', ...stamp(ctx, state.id, 'AWAITING_ACCEPTANCE') });
}

export function rejectRequestApproval(state: RequestCase, cmd: CommandOf<'rejectRequestApproval'>, ctx: DecisionContext): Decision {
  const denied = referralHandlerOf(state, state.requestingCoordinatorId, ctx);
  if (denied) return refuseWith(denied);
  if (state.status !== 'AWAITING_REQUEST_APPROVAL') return refuse('WRONG_STATUS');
  return accept({ type: 'requestApprovalRejected', ...stamp(ctx, state.id, 'DRAFT', cmd.justification) });
}
