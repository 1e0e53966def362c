import { describe, expect, it } from 'vitest';
import { RequestCommand } from './commands';
import { visibilityLevel } from './visibility';
import { acceptedCase, act, attachmentMeta, attempt, fold, sentCase, why } from '../testkit/world.testkit';
import type { Built } from '../testkit/world.testkit';

const reason = (d: ReturnType<typeof attempt>) => (d.ok ? undefined : d.rejection.reason);

function withAttachment(b: Built): Built {
  return { ...b, c: act(b.w, b.c, { type: 'addAttachment', caseId: b.c.id, attachment: attachmentMeta() }, `${b.requester}:handler`) };
}

describe('acceptRequest', () => {
  it('accepts with the days it needs, which fix the due date, and the only linked coordinator', () => {
    const { c } = acceptedCase();
    expect(c).toMatchObject({ status: 'ACCEPTED', acceptedDays: 10, dueDate: '2030-03-11', respondingCoordinatorId: 'hu-coord', acceptedAt: expect.any(String) });
  });

  it('refuses more days than the set allows', () => {
    const { w, c } = sentCase();
    expect(reason(attempt(w, c, { type: 'acceptRequest', caseId: c.id, days: 31 }, 'hu-ca:handler'))).toBe('DUE_DAYS_OUT_OF_RANGE');
  });

  it('refuses the requester, a viewer, another authority, and a second acceptance', () => {
    const { w, c } = sentCase();
    expect(reason(attempt(w, c, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'it-ca:handler'))).toBe('NOT_YOUR_AUTHORITY');
    expect(reason(attempt(w, c, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'hu-ca:viewer'))).toBe('ROLE_REQUIRED');
    expect(reason(attempt(w, c, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'hu-ca2:handler'))).toBe('NOT_YOUR_AUTHORITY');
    const accepted = act(w, c, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'hu-ca:handler');
    expect(reason(attempt(w, accepted, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'hu-ca:handler'))).toBe('WRONG_STATUS');
  });

  it('makes the personal data visible to the responder', () => {
    const { w, c } = sentCase();
    const responder = w.actor('hu-ca:handler');
    expect(visibilityLevel(c, responder, w.env)).toBe('FULL_NO_PD');
    const accepted = act(w, c, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'hu-ca:handler');
    expect(visibilityLevel(accepted, responder, w.env)).toBe('FULL');
  });
});

describe('forwardRequest', () => {
  it('hands the request to another authority of the same country, discarding draft answers', () => {
    const b = acceptedCase();
    const saved = act(b.w, b.c, { type: 'saveReply', caseId: b.c.id, answers: [{ questionId: 'registered', value: { kind: 'choice', optionIds: ['registered'] } }] }, 'hu-ca:handler');
    const fwd = act(b.w, saved, { type: 'forwardRequest', caseId: b.c.id, toAuthorityId: 'hu-ca2', justification: why }, 'hu-ca:handler');
    expect(fwd).toMatchObject({
      status: 'AWAITING_ACCEPTANCE', respondingAuthorityId: 'hu-ca2', formerRespondingAuthorityIds: ['hu-ca'],
      respondingCoordinatorId: null, acceptedAt: null, dueDate: null, answers: [],
    });
    expect(visibilityLevel(fwd, b.w.actor('hu-ca:handler'), b.w.env)).toBe('NONE');
  });

  it('refuses a target in another country, one that accepts nothing, and the responder itself', () => {
    const { w, c } = sentCase();
    const fwd = (to: string) => reason(attempt(w, c, { type: 'forwardRequest', caseId: c.id, toAuthorityId: to, justification: why }, 'hu-ca:handler'));
    expect(fwd('fr-ca')).toBe('ADDRESSEE_OTHER_COUNTRY');
    expect(fwd('hu-closed')).toBe('ADDRESSEE_NOT_ELIGIBLE');
    expect(fwd('hu-ca')).toBe('ADDRESSEE_NOT_ELIGIBLE');
  });

  it('may go to a coordinator of the same country', () => {
    const { w, c } = sentCase();
    expect(act(w, c, { type: 'forwardRequest', caseId: c.id, toAuthorityId: 'hu-coord', justification: why }, 'hu-ca:handler').respondingAuthorityId).toBe('hu-coord');
  });

  it('is refused once the reply is sent', () => {
    const { w, c } = acceptedCase();
    const partial = act(w, c, { type: 'sendPartialReply', caseId: c.id, answers: [{ questionId: 'registered', value: { kind: 'choice', optionIds: ['registered'] } }] }, 'hu-ca:handler');
    expect(reason(attempt(w, partial, { type: 'forwardRequest', caseId: c.id, toAuthorityId: 'hu-ca2', justification: why }, 'hu-ca:handler'))).toBe('WRONG_STATUS');
  });

  it('requires a justification by schema', () => {
    expect(RequestCommand.safeParse({ type: 'forwardRequest', caseId: 'c', toAuthorityId: 'hu-ca2' }).success).toBe(false);
  });
});

describe('splitRequest', () => {
  it('moves the selected questions and copies of the selected attachments into a new request', () => {
    const b = withAttachment(sentCase());
    const d = attempt(b.w, b.c, {
      type: 'splitRequest', caseId: b.c.id, newCaseId: 'case-2', toAuthorityId: 'hu-ca2', questionIds: ['home-address'], attachmentIds: ['att-1'], justification: why,
    }, 'hu-ca:handler');
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const original = fold(b.c, d.events);
    const part = fold(undefined, d.events, 'case-2');
    expect(original?.questions.map((q) => q.questionId)).toEqual(['diploma-authentic', 'registered']);
    expect(original?.splitIntoCaseIds).toEqual(['case-2']);
    expect(original?.attachments.map((a) => a.id)).toEqual(['att-1']);
    expect(part).toMatchObject({
      status: 'AWAITING_ACCEPTANCE', entryNumber: null, respondingAuthorityId: 'hu-ca2', splitFromCaseId: b.c.id, requestingAuthorityId: 'it-ca',
    });
    expect(part?.questions.map((q) => q.questionId)).toEqual(['home-address']);
    expect(part?.attachments.map((a) => a.id)).toEqual(['att-1']);
    expect(part?.history.at(-1)).toMatchObject({ action: 'splitRequest', status: 'AWAITING_ACCEPTANCE' });
    expect(part && visibilityLevel(part, b.w.actor('hu-ca:handler'), b.w.env)).toBe('NONE');
  });

  it('may split to the responder itself, to answer later', () => {
    const { w, c } = acceptedCase();
    const d = attempt(w, c, { type: 'splitRequest', caseId: c.id, newCaseId: 'later', toAuthorityId: 'hu-ca', questionIds: ['registered'], justification: why }, 'hu-ca:handler');
    expect(d.ok && fold(undefined, d.events, 'later')?.respondingAuthorityId).toBe('hu-ca');
  });

  it('refuses taking every question, questions of no case, and unknown attachments', () => {
    const { w, c } = sentCase();
    const split = (questionIds: string[], attachmentIds: string[] = []) =>
      reason(attempt(w, c, { type: 'splitRequest', caseId: c.id, newCaseId: 'n', toAuthorityId: 'hu-ca2', questionIds, attachmentIds, justification: why }, 'hu-ca:handler'));
    expect(split(['diploma-authentic', 'registered', 'home-address'])).toBe('SPLIT_SELECTION_INVALID');
    expect(split(['ghost'])).toBe('SPLIT_SELECTION_INVALID');
    expect(split(['registered'], ['nope'])).toBe('SPLIT_SELECTION_INVALID');
  });

  it('refuses a target in another country and the requester', () => {
    const { w, c } = sentCase();
    const d = attempt(w, c, { type: 'splitRequest', caseId: c.id, newCaseId: 'n', toAuthorityId: 'fr-ca', questionIds: ['registered'], justification: why }, 'hu-ca:handler');
    expect(reason(d)).toBe('ADDRESSEE_OTHER_COUNTRY');
    const byRequester = attempt(w, c, { type: 'splitRequest', caseId: c.id, newCaseId: 'n', toAuthorityId: 'hu-ca2', questionIds: ['registered'], justification: why }, 'it-ca:handler');
    expect(reason(byRequester)).toBe('NOT_YOUR_AUTHORITY');
  });
});

describe('refuseRequest', () => {
  it('lets a responder with mayRefuseRequests refuse, closing the request', () => {
    const { w, c } = sentCase({ responder: 'hu-refuser' });
    const refused = act(w, c, { type: 'refuseRequest', caseId: c.id, justification: why }, 'hu-refuser:handler');
    expect(refused).toMatchObject({ status: 'REFUSED', closedAt: expect.any(String) });
  });

  it('refuses a refusal by a responder without the flag', () => {
    const { w, c } = sentCase();
    expect(reason(attempt(w, c, { type: 'refuseRequest', caseId: c.id, justification: why }, 'hu-ca:handler'))).toBe('REFUSAL_NOT_ALLOWED');
  });

  it('lets a referral handler of a coordinator of the responder country refuse on its behalf', () => {
    const { w, c } = sentCase();
    expect(act(w, c, { type: 'refuseRequest', caseId: c.id, justification: why }, 'hu-coord:referral').status).toBe('REFUSED');
    expect(reason(attempt(w, c, { type: 'refuseRequest', caseId: c.id, justification: why }, 'hu-coord:handler'))).toBe('ROLE_REQUIRED');
    expect(reason(attempt(w, c, { type: 'refuseRequest', caseId: c.id, justification: why }, 'it-coord:referral'))).toBe('NOT_YOUR_AUTHORITY');
  });

  it('is refused after acceptance', () => {
    const { w, c } = acceptedCase({ responder: 'hu-refuser' });
    expect(reason(attempt(w, c, { type: 'refuseRequest', caseId: c.id, justification: why }, 'hu-refuser:handler'))).toBe('WRONG_STATUS');
  });
});

describe('allocation', () => {
  it('lets only assigned users act for an authority that uses allocation', () => {
    const { w, c } = sentCase({ responder: 'hu-alloc' });
    expect(reason(attempt(w, c, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'hu-alloc:handler'))).toBe('NOT_ASSIGNED');
    const assigned = act(w, c, { type: 'assignHandlers', caseId: c.id, userIds: ['hu-alloc:handler'] }, 'hu-alloc:allocator');
    expect(act(w, assigned, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'hu-alloc:handler').status).toBe('ACCEPTED');
    expect(reason(attempt(w, assigned, { type: 'acceptRequest', caseId: c.id, days: 5 }, 'hu-alloc:handler2'))).toBe('NOT_ASSIGNED');
  });

  it('assigns the creator of an outgoing request automatically', () => {
    const { c } = sentCase({ requester: 'it-alloc' });
    expect(c.assignments['it-alloc']).toEqual(['it-alloc:handler']);
  });
});
