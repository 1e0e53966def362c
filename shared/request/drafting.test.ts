import { describe, expect, it } from 'vitest';
import { RequestCommand } from './commands';
import { validateDraft } from './draftValidation';
import { act, attempt, draftCase, draftForm, fold, pqStandard, sdDerogation, sentCase, subjectSections, why, world } from '../testkit/world.testkit';

const rejection = (d: ReturnType<typeof attempt>) => (d.ok ? undefined : d.rejection);

describe('validateDraft', () => {
  it('reports missing red fields and an empty question selection as errors', () => {
    const form = RequestCommand.parse({ type: 'createDraft', caseId: 'x', area: 'PQ', questionSetId: 'pq-standard', form: draftForm({ subject: {}, questions: [] }) });
    if (form.type !== 'createDraft') throw new Error('unreachable');
    const { errors } = validateDraft(form.form, pqStandard, subjectSections.PQ);
    expect(errors.map((e) => e.field)).toEqual(['subject.family-name', 'questions']);
  });

  it('reports addressee, due days, orange fields, extra details and checklist as warnings only', () => {
    const parsed = RequestCommand.parse({
      type: 'createDraft', caseId: 'x', area: 'SD', questionSetId: 'sd-derogation',
      form: { respondingAuthorityId: null, proposedDueDays: null, subject: { 'provider-name': 'ACME' }, formFields: { 'case-description': 'c' }, questions: [{ questionId: 'measure-taken' }] },
    });
    if (parsed.type !== 'createDraft') throw new Error('unreachable');
    const { errors, warnings } = validateDraft(parsed.form, sdDerogation, subjectSections.SD);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.field)).toEqual(['respondingAuthorityId', 'proposedDueDays', 'formFields.justification', 'checklist.step-1']);
  });

  it('treats blank text and empty choices as missing but false as an answer', () => {
    const parsed = RequestCommand.parse({ type: 'createDraft', caseId: 'x', area: 'PQ', questionSetId: 'pq-standard', form: draftForm({ subject: { 'family-name': '  ', 'birth-date': [] } }) });
    if (parsed.type !== 'createDraft') throw new Error('unreachable');
    const result = validateDraft(parsed.form, pqStandard, subjectSections.PQ);
    expect(result.errors.map((e) => e.field)).toEqual(['subject.family-name']);
    expect(result.warnings.map((e) => e.field)).toEqual(['subject.birth-date']);
  });
});

describe('createDraft', () => {
  it('creates a DRAFT without an entry number, owned by the actor and assigned to its creator', () => {
    const { c } = draftCase();
    expect(c).toMatchObject({ status: 'DRAFT', entryNumber: null, requestingAuthorityId: 'it-ca', createdByUserId: 'it-ca:handler' });
    expect(c.assignments).toEqual({ 'it-ca': ['it-ca:handler'] });
    expect(c.history).toEqual([expect.objectContaining({ action: 'createDraft', userId: 'it-ca:handler', status: 'DRAFT' })]);
  });

  it('allows a draft with orange fields missing', () => {
    const { c } = draftCase({ form: { respondingAuthorityId: null, proposedDueDays: null, subject: { 'family-name': 'Rossi' } } });
    expect(c.respondingAuthorityId).toBeNull();
  });

  it('refuses a draft with red fields missing, naming them', () => {
    const w = world();
    const d = attempt(w, undefined, { type: 'createDraft', caseId: 'c', area: 'PQ', questionSetId: 'pq-standard', form: draftForm({ subject: {} }) }, 'it-ca:handler');
    expect(rejection(d)).toEqual({ reason: 'DRAFT_INVALID', details: { fields: ['subject.family-name'] } });
  });

  it('refuses due days above the set maximum', () => {
    const d = attempt(world(), undefined, { type: 'createDraft', caseId: 'c', area: 'PQ', questionSetId: 'pq-standard', form: draftForm({ proposedDueDays: 31 }) }, 'it-ca:handler');
    expect(rejection(d)?.reason).toBe('DUE_DAYS_OUT_OF_RANGE');
  });

  it('refuses an unknown question set, a set of another area, and unknown questions', () => {
    const w = world();
    const base = { type: 'createDraft' as const, caseId: 'c', area: 'PQ' as const, form: draftForm() };
    expect(rejection(attempt(w, undefined, { ...base, questionSetId: 'nope' }, 'it-ca:handler'))?.reason).toBe('UNKNOWN_QUESTION_SET');
    expect(rejection(attempt(w, undefined, { ...base, questionSetId: 'sd-derogation' }, 'it-ca:handler'))?.reason).toBe('UNKNOWN_QUESTION_SET');
    const unknown = attempt(w, undefined, { ...base, questionSetId: 'pq-standard', form: draftForm({ questions: [{ questionId: 'ghost' }] }) }, 'it-ca:handler');
    expect(rejection(unknown)).toEqual({ reason: 'UNKNOWN_QUESTION', details: { questionIds: ['ghost'] } });
  });

  it('refuses viewers, allocators and basic users', () => {
    for (const kind of ['viewer', 'allocator', 'basic']) {
      const d = attempt(world(), undefined, { type: 'createDraft', caseId: 'c', area: 'PQ', questionSetId: 'pq-standard', form: draftForm() }, `it-ca:${kind}`);
      expect(rejection(d)?.reason).toBe('ROLE_REQUIRED');
    }
  });

  it('refuses an authority without active request access', () => {
    const d = attempt(world(), undefined, { type: 'createDraft', caseId: 'c', area: 'PQ', questionSetId: 'pq-standard', form: draftForm() }, 'hu-suspended:handler');
    expect(rejection(d)?.reason).toBe('AUTHORITY_NOT_ACTIVE');
  });

  it('refuses a case id that already exists', () => {
    const { w, c } = draftCase();
    const d = attempt(w, c, { type: 'createDraft', caseId: c.id, area: 'PQ', questionSetId: 'pq-standard', form: draftForm() }, 'it-ca:handler');
    expect(rejection(d)?.reason).toBe('CASE_ALREADY_EXISTS');
  });

  it('refuses a requesting coordinator the authority is not linked to', () => {
    const d = attempt(world(), undefined, { type: 'createDraft', caseId: 'c', area: 'PQ', questionSetId: 'pq-standard', form: draftForm({ requestingCoordinatorId: 'hu-coord' }) }, 'it-ca:handler');
    expect(rejection(d)?.reason).toBe('COORDINATOR_NOT_LINKED');
  });
});

describe('editDraft and deleteDraft', () => {
  it('replaces the form of a draft', () => {
    const { w, c } = draftCase();
    const edited = act(w, c, { type: 'editDraft', caseId: c.id, form: draftForm({ proposedDueDays: 20 }) }, 'it-ca:handler2');
    expect(edited.proposedDueDays).toBe(20);
    expect(edited.history.at(-1)?.action).toBe('editDraft');
  });

  it('refuses an edit that removes red fields', () => {
    const { w, c } = draftCase();
    expect(rejection(attempt(w, c, { type: 'editDraft', caseId: c.id, form: draftForm({ questions: [] }) }, 'it-ca:handler'))?.reason).toBe('DRAFT_INVALID');
  });

  it('deletes a draft for good', () => {
    const { w, c } = draftCase();
    const d = attempt(w, c, { type: 'deleteDraft', caseId: c.id }, 'it-ca:handler');
    expect(d.ok && fold(c, d.events)).toBeUndefined();
  });

  it('refuses edits and deletion once sent', () => {
    const { w, c } = sentCase();
    expect(rejection(attempt(w, c, { type: 'editDraft', caseId: c.id, form: draftForm() }, 'it-ca:handler'))?.reason).toBe('WRONG_STATUS');
    expect(rejection(attempt(w, c, { type: 'deleteDraft', caseId: c.id }, 'it-ca:handler'))?.reason).toBe('WRONG_STATUS');
  });

  it('refuses the addressee and other authorities', () => {
    const { w, c } = draftCase();
    expect(rejection(attempt(w, c, { type: 'deleteDraft', caseId: c.id }, 'hu-ca:handler'))?.reason).toBe('NOT_YOUR_AUTHORITY');
  });

  it('refuses a command for a case that does not exist', () => {
    expect(rejection(attempt(world(), undefined, { type: 'deleteDraft', caseId: 'nope' }, 'it-ca:handler'))?.reason).toBe('CASE_NOT_FOUND');
  });
});

describe('sendRequest', () => {
  it('sends a complete draft to AWAITING_ACCEPTANCE with the only linked coordinator', () => {
    const { c } = sentCase();
    expect(c).toMatchObject({ status: 'AWAITING_ACCEPTANCE', requestingCoordinatorId: 'it-coord', sentAt: expect.any(String) });
  });

  it('refuses while orange fields are empty, naming every one', () => {
    const { w, c } = draftCase({ form: { proposedDueDays: null, subject: { 'family-name': 'Rossi' }, questions: [{ questionId: 'diploma-authentic' }] } });
    const d = attempt(w, c, { type: 'sendRequest', caseId: c.id }, 'it-ca:handler');
    expect(rejection(d)).toEqual({
      reason: 'REQUIRED_FIELDS_MISSING',
      details: { fields: ['proposedDueDays', 'subject.birth-date', 'questions.diploma-authentic.diploma-title'] },
    });
  });

  it('refuses an addressee that does not accept incoming requests, is suspended or unknown', () => {
    for (const responder of ['hu-closed', 'hu-suspended', 'nobody']) {
      const { w, c } = draftCase({ responder });
      expect(rejection(attempt(w, c, { type: 'sendRequest', caseId: c.id }, 'it-ca:handler'))?.reason).toBe('ADDRESSEE_NOT_ELIGIBLE');
    }
  });

  it('asks for a coordinator choice when the authority has several', () => {
    const { w, c } = draftCase({ requester: 'it-two' });
    expect(rejection(attempt(w, c, { type: 'sendRequest', caseId: c.id }, 'it-two:handler'))?.reason).toBe('COORDINATOR_CHOICE_REQUIRED');
    expect(rejection(attempt(w, c, { type: 'sendRequest', caseId: c.id, requestingCoordinatorId: 'hu-coord' }, 'it-two:handler'))?.reason).toBe('COORDINATOR_NOT_LINKED');
    expect(act(w, c, { type: 'sendRequest', caseId: c.id, requestingCoordinatorId: 'it-coord' }, 'it-two:handler').requestingCoordinatorId).toBe('it-coord');
  });

  it('goes to AWAITING_REQUEST_APPROVAL when subject to approval and the coordinator approves requests', () => {
    expect(sentCase({ requester: 'it-ca-approval' }).c.status).toBe('AWAITING_REQUEST_APPROVAL');
  });

  it('skips approval when the coordinator does not approve requests', () => {
    const w = world({ flags: { 'it-coord-approves': { approvesRequests: false } } });
    expect(sentCase({ w, requester: 'it-ca-approval' }).c.status).toBe('AWAITING_ACCEPTANCE');
  });

  it('refuses a viewer', () => {
    const { w, c } = draftCase();
    expect(rejection(attempt(w, c, { type: 'sendRequest', caseId: c.id }, 'it-ca:viewer'))?.reason).toBe('ROLE_REQUIRED');
  });
});

describe('approveRequest and rejectRequestApproval', () => {
  it('lets a referral handler of the coordinator approve the request', () => {
    const { w, c } = sentCase({ requester: 'it-ca-approval' });
    expect(act(w, c, { type: 'approveRequest', caseId: c.id }, 'it-coord-approves:referral').status).toBe('AWAITING_ACCEPTANCE');
  });

  it('sends a rejected request back to DRAFT with the coordinator comments in history', () => {
    const { w, c } = sentCase({ requester: 'it-ca-approval' });
    const back = act(w, c, { type: 'rejectRequestApproval', caseId: c.id, justification: why }, 'it-coord-approves:referral');
    expect(back.status).toBe('DRAFT');
    expect(back.history.at(-1)).toMatchObject({ action: 'rejectRequestApproval', justification: why, status: 'DRAFT' });
  });

  it('refuses other coordinators, non-referral users and the wrong status', () => {
    const { w, c } = sentCase({ requester: 'it-ca-approval' });
    expect(rejection(attempt(w, c, { type: 'approveRequest', caseId: c.id }, 'it-coord:referral'))?.reason).toBe('NOT_YOUR_AUTHORITY');
    expect(rejection(attempt(w, c, { type: 'approveRequest', caseId: c.id }, 'it-coord-approves:handler'))?.reason).toBe('ROLE_REQUIRED');
    const plain = sentCase();
    expect(rejection(attempt(plain.w, plain.c, { type: 'approveRequest', caseId: plain.c.id }, 'it-coord:referral'))?.reason).toBe('WRONG_STATUS');
  });

  it('makes a missing justification a schema error', () => {
    expect(RequestCommand.safeParse({ type: 'rejectRequestApproval', caseId: 'c', justification: { text: ' ', language: 'en' } }).success).toBe(false);
    expect(RequestCommand.safeParse({ type: 'rejectRequestApproval', caseId: 'c' }).success).toBe(false);
  });
});
