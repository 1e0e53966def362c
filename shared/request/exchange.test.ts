import { describe, expect, it } from 'vitest';
import { looksExecutable } from './exchange';
import { acceptedCase, act, answeredCase, attachmentMeta, attempt, draftCase, sentCase, text, why } from '../testkit/world.testkit';

const reason = (d: ReturnType<typeof attempt>) => (d.ok ? undefined : d.rejection.reason);
const attachment = (name = 'diploma.pdf', id = 'att-1') => attachmentMeta({ id, name });
const message = (messageId = 'm-1') => ({ type: 'addMessage' as const, messageId, messageType: 'PROGRESS_ENQUIRY' as const, text: text('Any news?') });

describe('addMessage', () => {
  it('lets a handler of either side add a typed message with its language', () => {
    const { w, c } = sentCase();
    const withQuestion = act(w, c, { ...message(), caseId: c.id }, 'it-ca:handler');
    const withAnswer = act(w, withQuestion, { ...message('m-2'), caseId: c.id }, 'hu-ca:handler');
    expect(withAnswer.messages.map((m) => [m.id, m.authorityId, m.text.language])).toEqual([['m-1', 'it-ca', 'en'], ['m-2', 'hu-ca', 'en']]);
    expect(withAnswer.status).toBe('AWAITING_ACCEPTANCE');
  });

  it('refuses drafts, closed requests, viewers, outsiders and a reused id', () => {
    const draft = draftCase();
    expect(reason(attempt(draft.w, draft.c, { ...message(), caseId: draft.c.id }, 'it-ca:handler'))).toBe('WRONG_STATUS');
    const { w, c } = answeredCase();
    const closed = act(w, c, { type: 'closeRequest', caseId: c.id }, 'it-ca:handler');
    expect(reason(attempt(w, closed, { ...message(), caseId: c.id }, 'it-ca:handler'))).toBe('WRONG_STATUS');
    expect(reason(attempt(w, c, { ...message(), caseId: c.id }, 'hu-ca:viewer'))).toBe('ROLE_REQUIRED');
    expect(reason(attempt(w, c, { ...message(), caseId: c.id }, 'hu-ca2:handler'))).toBe('NOT_YOUR_AUTHORITY');
    const once = act(w, c, { ...message(), caseId: c.id }, 'it-ca:handler');
    expect(reason(attempt(w, once, { ...message(), caseId: c.id }, 'it-ca:handler'))).toBe('DUPLICATE_ID');
  });
});

describe('addAttachment', () => {
  it('lets the requester attach to a draft and either side attach later', () => {
    const { w, c } = draftCase();
    const drafted = act(w, c, { type: 'addAttachment', caseId: c.id, attachment: attachment() }, 'it-ca:handler');
    expect(drafted.attachments[0]).toMatchObject({ id: 'att-1', authorityId: 'it-ca', userId: 'it-ca:handler' });
    const accepted = acceptedCase();
    const withReply = act(accepted.w, accepted.c, { type: 'addAttachment', caseId: accepted.c.id, attachment: attachment('reply.pdf', 'att-9') }, 'hu-ca:handler');
    expect(withReply.attachments.map((a) => a.authorityId)).toEqual(['hu-ca']);
  });

  it('refuses the addressee of a draft', () => {
    const { w, c } = draftCase();
    expect(reason(attempt(w, c, { type: 'addAttachment', caseId: c.id, attachment: attachment() }, 'hu-ca:handler'))).toBe('NOT_YOUR_AUTHORITY');
  });

  it('refuses executable file names whatever their case or trailing dots', () => {
    const { w, c } = draftCase();
    for (const name of ['setup.EXE', 'run.sh', 'x.Ps1', 'evil.exe. ', 'lib.dll', 'page.hta', 'link.lnk', 'job.wsf']) {
      expect(reason(attempt(w, c, { type: 'addAttachment', caseId: c.id, attachment: attachment(name) }, 'it-ca:handler'))).toBe('EXECUTABLE_ATTACHMENT');
    }
    expect(looksExecutable('report.pdf')).toBe(false);
    expect(looksExecutable('exe.txt')).toBe(false);
  });
});

describe('assignHandlers', () => {
  it('lets an allocator assign handlers of its own authority', () => {
    const { w, c } = sentCase({ responder: 'hu-alloc' });
    const assigned = act(w, c, { type: 'assignHandlers', caseId: c.id, userIds: ['hu-alloc:handler', 'hu-alloc:handler2'] }, 'hu-alloc:allocator');
    expect(assigned.assignments['hu-alloc']).toEqual(['hu-alloc:handler', 'hu-alloc:handler2']);
    expect(assigned.history.at(-1)?.action).toBe('assignHandlers');
  });

  it('refuses non-allocators, users of other authorities, users without the handler role, and outsiders', () => {
    const { w, c } = sentCase({ responder: 'hu-alloc' });
    const assign = (userIds: string[], by: string) => reason(attempt(w, c, { type: 'assignHandlers', caseId: c.id, userIds }, by));
    expect(assign(['hu-alloc:handler'], 'hu-alloc:handler')).toBe('ROLE_REQUIRED');
    expect(assign(['hu-ca:handler'], 'hu-alloc:allocator')).toBe('USER_NOT_ELIGIBLE');
    expect(assign(['hu-alloc:viewer'], 'hu-alloc:allocator')).toBe('USER_NOT_ELIGIBLE');
    expect(assign(['hu-ca2:handler'], 'hu-ca2:allocator')).toBe('NOT_YOUR_AUTHORITY');
  });

  it('lets a coordinator allocator assign referral handlers, not plain handlers', () => {
    const { w, c } = sentCase({ requester: 'it-ca-approval' });
    expect(act(w, c, { type: 'assignHandlers', caseId: c.id, userIds: ['it-coord-approves:referral'] }, 'it-coord-approves:allocator').assignments['it-coord-approves']).toEqual(['it-coord-approves:referral']);
    expect(reason(attempt(w, c, { type: 'assignHandlers', caseId: c.id, userIds: ['it-coord-approves:handler'] }, 'it-coord-approves:allocator'))).toBe('USER_NOT_ELIGIBLE');
  });

  it('does not let the addressee allocate a draft', () => {
    const { w, c } = draftCase({ responder: 'hu-alloc' });
    expect(reason(attempt(w, c, { type: 'assignHandlers', caseId: c.id, userIds: ['hu-alloc:handler'] }, 'hu-alloc:allocator'))).toBe('NOT_YOUR_AUTHORITY');
  });
});

describe('changeLinkedCoordinator', () => {
  it('lets the requester switch to another linked coordinator while open', () => {
    const { w, c } = sentCase({ requester: 'it-two', form: { requestingCoordinatorId: 'it-coord' } });
    expect(act(w, c, { type: 'changeLinkedCoordinator', caseId: c.id, coordinatorId: 'it-coord-approves' }, 'it-two:handler').requestingCoordinatorId).toBe('it-coord-approves');
  });

  it('refuses a coordinator that is not linked, and the responder before acceptance', () => {
    const { w, c } = sentCase();
    expect(reason(attempt(w, c, { type: 'changeLinkedCoordinator', caseId: c.id, coordinatorId: 'it-coord-approves' }, 'it-ca:handler'))).toBe('COORDINATOR_NOT_LINKED');
    expect(reason(attempt(w, c, { type: 'changeLinkedCoordinator', caseId: c.id, coordinatorId: 'hu-coord' }, 'hu-ca:handler'))).toBe('WRONG_STATUS');
  });

  it('refuses once closed', () => {
    const { w, c } = sentCase();
    const withdrawn = act(w, c, { type: 'withdrawRequest', caseId: c.id, justification: why }, 'it-ca:handler');
    expect(reason(attempt(w, withdrawn, { type: 'changeLinkedCoordinator', caseId: c.id, coordinatorId: 'it-coord' }, 'it-ca:handler'))).toBe('WRONG_STATUS');
  });
});
