// SPEC §15 scenarios 2–6 end to end through the hub API over HTTP on loopback, as several demo users.
import { beforeEach, describe, expect, it } from 'vitest';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import { useApiHub, type ApiHub } from './support/hubApi.testkit';
import { createDraft, fullAnswers, newCaseId, why } from './support/requests.testkit';

describe.each(hubBackends())('request scenarios through the hub on $name', (backend) => {
  const current = useApiHub(backend);
  let api: ApiHub;
  beforeEach(() => { api = current(); });

  it('scenario 2: drafts, gets an entry number, sends; the responder sees the subject masked until accepting with 10 days', async () => {
    const it_ = await api.desk('it-salute-handler');
    const hu = await api.desk('hu-enkk-handler');
    const id = newCaseId();
    const created = await it_.ok(createDraft(id));
    expect(created.entryNumbers[id]).toBe(63000);
    expect(await hu.requestView(id)).toBeUndefined();
    await it_.ok({ type: 'sendRequest', caseId: id });
    const before = await hu.requestView(id) as { level: string; case: { subject: Record<string, unknown>; entryNumber: number } };
    expect(before.level).toBe('FULL_NO_PD');
    expect(before.case.entryNumber).toBe(63000);
    expect(before.case.subject).not.toHaveProperty('family-name');
    await hu.ok({ type: 'acceptRequest', caseId: id, days: 10 });
    const after = await hu.requestView(id) as { level: string; case: { subject: Record<string, unknown>; dueDate: string } };
    expect(after.level).toBe('FULL');
    expect(after.case.subject['family-name']).toBe('Rossi');
    expect(after.case.dueDate).toBe('2025-01-25');
    expect(api.hub.mailer.sent.map((m) => m.template)).toContain('newIncomingRequest');
  });

  it('scenario 4: reply flow to closure', async () => {
    const it_ = await api.desk('it-salute-handler');
    const hu = await api.desk('hu-enkk-handler');
    const id = newCaseId();
    await it_.ok(createDraft(id));
    await it_.ok({ type: 'sendRequest', caseId: id });
    await hu.ok({ type: 'acceptRequest', caseId: id, days: 10 });
    const [first] = fullAnswers();
    await hu.ok({ type: 'sendPartialReply', caseId: id, answers: first ? [first] : [] });
    expect(await hu.run({ type: 'sendReply', caseId: id, answers: [] })).toMatchObject({ status: 'rejected', reason: 'UNANSWERED_QUESTIONS' });
    await hu.ok({ type: 'sendReply', caseId: id, answers: fullAnswers() });
    await it_.ok({ type: 'requestAdditionalInfo', caseId: id, justification: why });
    await hu.ok({ type: 'refuseAdditionalInfo', caseId: id, justification: why });
    await it_.ok({ type: 'closeRequest', caseId: id });
    expect(await it_.requestView(id)).toMatchObject({ level: 'FULL', case: { status: 'CLOSED' } });
  });
});
