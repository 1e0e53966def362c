import { describe, expect, it } from 'vitest';
import { acceptedCase, act, attachmentMeta, attempt, draftCase, fold, sentCase } from '../testkit/world.testkit';
import type { Built } from '../testkit/world.testkit';

const all = { addressee: true, subject: true, questions: true, attachments: true };
const reason = (d: ReturnType<typeof attempt>) => (d.ok ? undefined : d.rejection.reason);

function copy(b: Built, userId: string, extra: Record<string, unknown> = {}) {
  const d = attempt(b.w, b.c, { type: 'copyRequest', caseId: b.c.id, newCaseId: 'copy-1', parts: all, ...extra }, userId);
  if (!d.ok) throw new Error(d.rejection.reason);
  return { source: fold(b.c, d.events), copy: fold(undefined, d.events, 'copy-1') };
}

function withAttachment(b: Built): Built {
  return { ...b, c: act(b.w, b.c, { type: 'addAttachment', caseId: b.c.id, attachment: attachmentMeta() }, 'it-ca:handler') };
}

describe('copyRequest', () => {
  it('makes a new DRAFT of the actor authority with the chosen parts and records the copy on the source', () => {
    const b = withAttachment(sentCase());
    const { source, copy: made } = copy(b, 'it-ca:handler');
    expect(made).toMatchObject({
      status: 'DRAFT', entryNumber: null, requestingAuthorityId: 'it-ca', respondingAuthorityId: 'hu-ca', copiedFromCaseId: b.c.id, subject: b.c.subject,
    });
    expect(made?.questions).toEqual(b.c.questions);
    expect(made?.attachments.map((a) => a.id)).toEqual(['att-1']);
    expect(source?.history.at(-1)?.action).toBe('copyRequest');
    expect(source?.status).toBe(b.c.status);
  });

  it('leaves out the parts not chosen', () => {
    const b = sentCase();
    const { copy: made } = copy(b, 'it-ca:handler', { parts: { addressee: false, subject: false, questions: false, attachments: false } });
    expect(made).toMatchObject({ respondingAuthorityId: null, subject: {}, questions: [], attachments: [] });
  });

  it('never copies the subject or attachments for a responder that may not see personal data yet', () => {
    const b = withAttachment(sentCase());
    const { copy: made } = copy(b, 'hu-ca:handler');
    expect(made).toMatchObject({ requestingAuthorityId: 'hu-ca', respondingAuthorityId: 'it-ca', subject: {}, attachments: [] });
  });

  it('copies the subject for a responder after acceptance', () => {
    const b = acceptedCase();
    expect(copy(b, 'hu-ca:handler').copy?.subject).toEqual(b.c.subject);
  });

  it('copies into another area only the fields and questions the two forms share', () => {
    const b = sentCase();
    const { copy: made } = copy(b, 'it-ca:handler', { targetArea: 'SD', targetQuestionSetId: 'sd-derogation' });
    expect(made).toMatchObject({ area: 'SD', questionSetId: 'sd-derogation', subject: { 'family-name': 'Rossi' } });
    expect(made?.questions).toEqual([{ questionId: 'diploma-authentic', extraDetails: {}, comment: null }]);
  });

  it('refuses a question set of another area, viewers and outsiders', () => {
    const b = draftCase();
    const attemptCopy = (userId: string, extra: Record<string, unknown> = {}) =>
      reason(attempt(b.w, b.c, { type: 'copyRequest', caseId: b.c.id, newCaseId: 'copy-1', parts: all, ...extra }, userId));
    expect(attemptCopy('it-ca:handler', { targetArea: 'SD' })).toBe('UNKNOWN_QUESTION_SET');
    expect(attemptCopy('it-ca:viewer')).toBe('ROLE_REQUIRED');
    expect(attemptCopy('hu-ca:handler')).toBe('NOT_YOUR_AUTHORITY');
    expect(attemptCopy('fr-ca:handler')).toBe('NOT_YOUR_AUTHORITY');
  });
});
