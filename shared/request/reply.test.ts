import { describe, expect, it } from 'vitest';
import { acceptedCase, act, answeredCase, attempt, fullAnswers, sentCase, text, why, world } from '../testkit/world.testkit';

const reason = (d: ReturnType<typeof attempt>) => (d.ok ? undefined : d.rejection.reason);
const yes = { kind: 'yesNo' as const, value: true };
const no = { kind: 'yesNo' as const, value: false };

describe('saveReply', () => {
  it('stores answers without sending them, even with questions unanswered', () => {
    const { w, c } = acceptedCase();
    const saved = act(w, c, { type: 'saveReply', caseId: c.id, answers: [{ questionId: 'diploma-authentic', value: yes }] }, 'hu-ca:handler');
    expect(saved.status).toBe('ACCEPTED');
    expect(saved.answers).toEqual([expect.objectContaining({ questionId: 'diploma-authentic', value: yes, sent: false })]);
  });

  it('refuses answers to questions the case does not ask, and answers of the wrong kind', () => {
    const { w, c } = acceptedCase();
    const ghost = attempt(w, c, { type: 'saveReply', caseId: c.id, answers: [{ questionId: 'measure-taken', value: yes }] }, 'hu-ca:handler');
    expect(ghost.ok ? undefined : ghost.rejection).toEqual({ reason: 'UNKNOWN_QUESTION', details: { questionIds: ['measure-taken'] } });
    const wrongKind = attempt(w, c, { type: 'saveReply', caseId: c.id, answers: [{ questionId: 'registered', value: yes }] }, 'hu-ca:handler');
    expect(reason(wrongKind)).toBe('ANSWER_INVALID');
    const unknownFollowUp = attempt(w, c, { type: 'saveReply', caseId: c.id, answers: [{ questionId: 'registered', value: null, followUps: { nope: yes } }] }, 'hu-ca:handler');
    expect(reason(unknownFollowUp)).toBe('UNKNOWN_QUESTION');
  });

  it('refuses before acceptance and by the requester', () => {
    const sent = sentCase();
    expect(reason(attempt(sent.w, sent.c, { type: 'saveReply', caseId: sent.c.id, answers: [] }, 'hu-ca:handler'))).toBe('WRONG_STATUS');
    const { w, c } = acceptedCase();
    expect(reason(attempt(w, c, { type: 'saveReply', caseId: c.id, answers: [] }, 'it-ca:handler'))).toBe('NOT_YOUR_AUTHORITY');
  });
});

describe('sendPartialReply', () => {
  it('sends the answered subset and moves to PARTIALLY_ANSWERED', () => {
    const { w, c } = acceptedCase();
    const partial = act(w, c, { type: 'sendPartialReply', caseId: c.id, answers: [{ questionId: 'diploma-authentic', value: yes }] }, 'hu-ca:handler');
    expect(partial.status).toBe('PARTIALLY_ANSWERED');
    expect(partial.answers.map((a) => [a.questionId, a.sent])).toEqual([['diploma-authentic', true]]);
  });

  it('refuses with NOTHING_TO_SEND when no new answer exists', () => {
    const { w, c } = acceptedCase();
    expect(reason(attempt(w, c, { type: 'sendPartialReply', caseId: c.id }, 'hu-ca:handler'))).toBe('NOTHING_TO_SEND');
    const partial = act(w, c, { type: 'sendPartialReply', caseId: c.id, answers: [{ questionId: 'diploma-authentic', value: yes }] }, 'hu-ca:handler');
    expect(reason(attempt(w, partial, { type: 'sendPartialReply', caseId: c.id }, 'hu-ca:handler'))).toBe('NOTHING_TO_SEND');
  });

  it('unsends a sent answer that is changed, so it goes out again', () => {
    const { w, c } = acceptedCase();
    const partial = act(w, c, { type: 'sendPartialReply', caseId: c.id, answers: [{ questionId: 'diploma-authentic', value: yes }] }, 'hu-ca:handler');
    const changed = act(w, partial, { type: 'saveReply', caseId: c.id, answers: [{ questionId: 'diploma-authentic', value: no, followUps: { 'why-not': { kind: 'text', text: text('forged') } } }] }, 'hu-ca:handler');
    expect(changed.answers[0]?.sent).toBe(false);
  });
});

describe('sendReply', () => {
  it('refuses while a question is unanswered, naming it', () => {
    const { w, c } = acceptedCase();
    const d = attempt(w, c, { type: 'sendReply', caseId: c.id, answers: fullAnswers().slice(0, 2) }, 'hu-ca:handler');
    expect(d.ok ? undefined : d.rejection).toEqual({ reason: 'UNANSWERED_QUESTIONS', details: { questionIds: ['home-address'] } });
  });

  it('refuses while a follow-up triggered by an answer is unanswered', () => {
    const { w, c } = acceptedCase();
    const answers = [...fullAnswers().slice(1), { questionId: 'diploma-authentic', value: no }];
    const d = attempt(w, c, { type: 'sendReply', caseId: c.id, answers }, 'hu-ca:handler');
    expect(d.ok ? undefined : d.rejection.details?.questionIds).toEqual(['diploma-authentic.why-not']);
  });

  it('sends a complete reply: ANSWERED with every answer sent', () => {
    const { c } = answeredCase();
    expect(c.status).toBe('ANSWERED');
    expect(c.answers.every((a) => a.sent)).toBe(true);
  });

  it('goes to AWAITING_REPLY_APPROVAL when the responder is subject to approval and its coordinator approves replies', () => {
    const { w, c } = acceptedCase({ responder: 'hu-ca-approval' });
    const sent = act(w, c, { type: 'sendReply', caseId: c.id, answers: fullAnswers() }, 'hu-ca-approval:handler');
    expect(sent.status).toBe('AWAITING_REPLY_APPROVAL');
    expect(sent.answers.some((a) => a.sent)).toBe(false);
  });

  it('refuses an allocator', () => {
    const { w, c } = acceptedCase();
    expect(reason(attempt(w, c, { type: 'sendReply', caseId: c.id, answers: fullAnswers() }, 'hu-ca:allocator'))).toBe('ROLE_REQUIRED');
  });
});

describe('approveReply and rejectReplyApproval', () => {
  const awaiting = () => {
    const b = acceptedCase({ responder: 'hu-ca-approval' });
    return { ...b, c: act(b.w, b.c, { type: 'sendReply', caseId: b.c.id, answers: fullAnswers() }, 'hu-ca-approval:handler') };
  };

  it('approval sends the reply', () => {
    const { w, c } = awaiting();
    const approved = act(w, c, { type: 'approveReply', caseId: c.id }, 'hu-coord-approves:referral');
    expect(approved.status).toBe('ANSWERED');
    expect(approved.answers.every((a) => a.sent)).toBe(true);
  });

  it('rejection sends it back to ACCEPTED, answers kept', () => {
    const { w, c } = awaiting();
    const back = act(w, c, { type: 'rejectReplyApproval', caseId: c.id, justification: why }, 'hu-coord-approves:referral');
    expect(back.status).toBe('ACCEPTED');
    expect(back.answers).toHaveLength(3);
  });

  it('refuses the requesting coordinator, a responder handler, and the wrong status', () => {
    const { w, c } = awaiting();
    expect(reason(attempt(w, c, { type: 'approveReply', caseId: c.id }, 'it-coord:referral'))).toBe('NOT_YOUR_AUTHORITY');
    expect(reason(attempt(w, c, { type: 'approveReply', caseId: c.id }, 'hu-ca-approval:handler'))).toBe('NOT_YOUR_AUTHORITY');
    const plain = answeredCase();
    expect(reason(attempt(plain.w, plain.c, { type: 'approveReply', caseId: plain.c.id }, 'hu-coord:referral'))).toBe('WRONG_STATUS');
  });

  it('lets only assigned referral handlers act when the coordinator uses allocation', () => {
    const w = world({ usesAllocation: { 'hu-coord-approves': true } });
    const b = acceptedCase({ w, responder: 'hu-ca-approval' });
    const c = act(w, b.c, { type: 'sendReply', caseId: b.c.id, answers: fullAnswers() }, 'hu-ca-approval:handler');
    expect(reason(attempt(w, c, { type: 'approveReply', caseId: c.id }, 'hu-coord-approves:referral'))).toBe('NOT_ASSIGNED');
    const assigned = act(w, c, { type: 'assignHandlers', caseId: c.id, userIds: ['hu-coord-approves:referral2'] }, 'hu-coord-approves:allocator');
    expect(act(w, assigned, { type: 'approveReply', caseId: c.id }, 'hu-coord-approves:referral2').status).toBe('ANSWERED');
  });
});
