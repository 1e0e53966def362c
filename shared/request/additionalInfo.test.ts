import { describe, expect, it } from 'vitest';
import { RequestCommand } from './commands';
import { additionalInfoRefusedCase, acceptedCase, act, answeredCase, attempt, draftCase, fullAnswers, sentCase, why, world } from '../testkit/world.testkit';

const reason = (d: ReturnType<typeof attempt>) => (d.ok ? undefined : d.rejection.reason);
/** Neither coordinator of the standard pair takes referrals. */
const noReferralWorld = () => world({ flags: { 'it-coord': { participatesInReferral: false }, 'hu-coord': { participatesInReferral: false } } });

describe('closeRequest', () => {
  it('closes an answered request', () => {
    const { w, c } = answeredCase();
    expect(act(w, c, { type: 'closeRequest', caseId: c.id }, 'it-ca:handler')).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
  });

  it('closes after additional information was refused', () => {
    const { w, c } = additionalInfoRefusedCase();
    expect(act(w, c, { type: 'closeRequest', caseId: c.id }, 'it-ca:handler').status).toBe('CLOSED');
  });

  it('refuses before the reply and by the responder', () => {
    const { w, c } = acceptedCase();
    expect(reason(attempt(w, c, { type: 'closeRequest', caseId: c.id }, 'it-ca:handler'))).toBe('WRONG_STATUS');
    const answered = answeredCase();
    expect(reason(attempt(answered.w, answered.c, { type: 'closeRequest', caseId: answered.c.id }, 'hu-ca:handler'))).toBe('NOT_YOUR_AUTHORITY');
  });
});

describe('requestAdditionalInfo, acceptAdditionalInfo, refuseAdditionalInfo', () => {
  it('asks for clarification of an answered request; the responder accepts and replies again', () => {
    const { w, c } = answeredCase();
    const asked = act(w, c, { type: 'requestAdditionalInfo', caseId: c.id, justification: why }, 'it-ca:handler');
    expect(asked.status).toBe('ADDITIONAL_INFO_REQUESTED');
    const accepted = act(w, asked, { type: 'acceptAdditionalInfo', caseId: c.id }, 'hu-ca:handler');
    expect(accepted.status).toBe('ADDITIONAL_INFO_ACCEPTED');
    expect(act(w, accepted, { type: 'sendReply', caseId: c.id, answers: fullAnswers() }, 'hu-ca:handler').status).toBe('ANSWERED');
  });

  it('records a refusal of additional information', () => {
    expect(additionalInfoRefusedCase().c.status).toBe('ADDITIONAL_INFO_REFUSED');
  });

  it('refuses asking again after a refusal while a coordinator takes referrals', () => {
    const { w, c } = additionalInfoRefusedCase();
    expect(reason(attempt(w, c, { type: 'requestAdditionalInfo', caseId: c.id, justification: why }, 'it-ca:handler'))).toBe('WRONG_STATUS');
  });

  it('lets the requester ask again when no coordinator takes referrals', () => {
    const { w, c } = additionalInfoRefusedCase({ w: noReferralWorld() });
    expect(act(w, c, { type: 'requestAdditionalInfo', caseId: c.id, justification: why }, 'it-ca:handler').status).toBe('ADDITIONAL_INFO_REQUESTED');
  });

  it('refuses the wrong side and the wrong status', () => {
    const { w, c } = answeredCase();
    expect(reason(attempt(w, c, { type: 'requestAdditionalInfo', caseId: c.id, justification: why }, 'hu-ca:handler'))).toBe('NOT_YOUR_AUTHORITY');
    expect(reason(attempt(w, c, { type: 'acceptAdditionalInfo', caseId: c.id }, 'hu-ca:handler'))).toBe('WRONG_STATUS');
    const asked = act(w, c, { type: 'requestAdditionalInfo', caseId: c.id, justification: why }, 'it-ca:handler');
    expect(reason(attempt(w, asked, { type: 'refuseAdditionalInfo', caseId: c.id, justification: why }, 'it-ca:handler'))).toBe('NOT_YOUR_AUTHORITY');
  });

  it('requires justifications by schema', () => {
    for (const type of ['requestAdditionalInfo', 'refuseAdditionalInfo', 'maintainAndClose', 'withdrawRequest', 'referRequest'] as const) {
      expect(RequestCommand.safeParse({ type, caseId: 'c' }).success).toBe(false);
    }
  });
});

describe('maintainAndClose', () => {
  it('is refused the first time the responder is asked', () => {
    const { w, c } = answeredCase();
    const asked = act(w, c, { type: 'requestAdditionalInfo', caseId: c.id, justification: why }, 'it-ca:handler');
    expect(reason(attempt(w, asked, { type: 'maintainAndClose', caseId: c.id, justification: why }, 'hu-ca:handler'))).toBe('MAINTAIN_NOT_ALLOWED');
  });

  it('closes when asked again where no coordinator takes referrals', () => {
    const { w, c } = additionalInfoRefusedCase({ w: noReferralWorld() });
    const again = act(w, c, { type: 'requestAdditionalInfo', caseId: c.id, justification: why }, 'it-ca:handler');
    expect(act(w, again, { type: 'maintainAndClose', caseId: c.id, justification: why }, 'hu-ca:handler').status).toBe('CLOSED');
  });

  it('closes when the request comes back after a referral', () => {
    const w = world({ flags: { 'hu-coord': { participatesInReferral: false } } });
    const { c } = additionalInfoRefusedCase({ w });
    const referred = act(w, c, { type: 'referRequest', caseId: c.id, justification: why }, 'it-ca:handler');
    const back = act(w, referred, { type: 'referralDecision', caseId: c.id, agrees: true, justification: why }, 'it-coord:referral');
    expect(back.status).toBe('ADDITIONAL_INFO_REQUESTED');
    expect(act(w, back, { type: 'maintainAndClose', caseId: c.id, justification: why }, 'hu-ca:handler').status).toBe('CLOSED');
  });
});

describe('withdrawRequest', () => {
  it('withdraws any sent, open request', () => {
    for (const b of [sentCase(), acceptedCase(), answeredCase(), additionalInfoRefusedCase()]) {
      expect(act(b.w, b.c, { type: 'withdrawRequest', caseId: b.c.id, justification: why }, 'it-ca:handler').status).toBe('WITHDRAWN');
    }
  });

  it('refuses a draft, a closed request, and the responder', () => {
    const draft = draftCase();
    expect(reason(attempt(draft.w, draft.c, { type: 'withdrawRequest', caseId: draft.c.id, justification: why }, 'it-ca:handler'))).toBe('WRONG_STATUS');
    const { w, c } = answeredCase();
    const closed = act(w, c, { type: 'closeRequest', caseId: c.id }, 'it-ca:handler');
    expect(reason(attempt(w, closed, { type: 'withdrawRequest', caseId: c.id, justification: why }, 'it-ca:handler'))).toBe('WRONG_STATUS');
    expect(reason(attempt(w, c, { type: 'withdrawRequest', caseId: c.id, justification: why }, 'hu-ca:handler'))).toBe('NOT_YOUR_AUTHORITY');
  });
});
