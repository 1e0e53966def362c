import { describe, expect, it } from 'vitest';
import { additionalInfoRefusedCase, act, answeredCase, attempt, why, world } from '../testkit/world.testkit';

const reason = (d: ReturnType<typeof attempt>) => (d.ok ? undefined : d.rejection.reason);

describe('referRequest', () => {
  it('goes to the requesting coordinator first when it takes referrals', () => {
    const { w, c } = additionalInfoRefusedCase();
    const referred = act(w, c, { type: 'referRequest', caseId: c.id, justification: why }, 'it-ca:handler');
    expect(referred).toMatchObject({ status: 'REFERRED_TO_REQUESTING_COORDINATOR', referralPath: ['REQUESTING'] });
  });

  it('goes to the responding coordinator when only that one takes referrals', () => {
    const w = world({ flags: { 'it-coord': { participatesInReferral: false } } });
    const { c } = additionalInfoRefusedCase({ w });
    expect(act(w, c, { type: 'referRequest', caseId: c.id, justification: why }, 'it-ca:handler').status).toBe('REFERRED_TO_RESPONDING_COORDINATOR');
  });

  it('is refused when neither coordinator takes referrals', () => {
    const w = world({ flags: { 'it-coord': { participatesInReferral: false }, 'hu-coord': { participatesInReferral: false } } });
    const { c } = additionalInfoRefusedCase({ w });
    expect(reason(attempt(w, c, { type: 'referRequest', caseId: c.id, justification: why }, 'it-ca:handler'))).toBe('NO_REFERRAL_COORDINATOR');
  });

  it('is refused before additional information was refused, and by the responder', () => {
    const { w, c } = answeredCase();
    expect(reason(attempt(w, c, { type: 'referRequest', caseId: c.id, justification: why }, 'it-ca:handler'))).toBe('WRONG_STATUS');
    const refused = additionalInfoRefusedCase();
    expect(reason(attempt(refused.w, refused.c, { type: 'referRequest', caseId: refused.c.id, justification: why }, 'hu-ca:handler'))).toBe('NOT_YOUR_AUTHORITY');
  });
});

describe('referralDecision', () => {
  it('passes through both coordinators when each agrees, then back to the responder', () => {
    const { w, c } = additionalInfoRefusedCase();
    const atRequesting = act(w, c, { type: 'referRequest', caseId: c.id, justification: why }, 'it-ca:handler');
    const atResponding = act(w, atRequesting, { type: 'referralDecision', caseId: c.id, agrees: true, justification: why }, 'it-coord:referral');
    expect(atResponding).toMatchObject({ status: 'REFERRED_TO_RESPONDING_COORDINATOR', referralPath: ['REQUESTING', 'RESPONDING'] });
    const back = act(w, atResponding, { type: 'referralDecision', caseId: c.id, agrees: true, justification: why }, 'hu-coord:referral');
    expect(back).toMatchObject({ status: 'ADDITIONAL_INFO_REQUESTED', referralPath: ['REQUESTING', 'RESPONDING'] });
  });

  it('lets the requester close when the coordinator finds the reply satisfactory', () => {
    const { w, c } = additionalInfoRefusedCase();
    const referred = act(w, c, { type: 'referRequest', caseId: c.id, justification: why }, 'it-ca:handler');
    const disagreed = act(w, referred, { type: 'referralDecision', caseId: c.id, agrees: false, justification: why }, 'it-coord:referral');
    expect(disagreed.status).toBe('ADDITIONAL_INFO_REFUSED');
    expect(act(w, disagreed, { type: 'closeRequest', caseId: c.id }, 'it-ca:handler').status).toBe('CLOSED');
  });

  it('is refused to the coordinator not holding the referral, to non-referral handlers, and outside a referral', () => {
    const { w, c } = additionalInfoRefusedCase();
    const referred = act(w, c, { type: 'referRequest', caseId: c.id, justification: why }, 'it-ca:handler');
    const decide = (user: string, state = referred) => reason(attempt(w, state, { type: 'referralDecision', caseId: c.id, agrees: true, justification: why }, user));
    expect(decide('hu-coord:referral')).toBe('NOT_YOUR_AUTHORITY');
    expect(decide('it-coord:handler')).toBe('ROLE_REQUIRED');
    expect(decide('it-coord:referral', c)).toBe('WRONG_STATUS');
    expect(decide('it-ca:handler', c)).toBe('NOT_YOUR_AUTHORITY');
  });
});
