// SPEC §15 scenarios 2–6 end to end through the hub API over HTTP on loopback, as several demo users, with the leak
// check after every step: every demo user pulls the whole feed from 0 and holds nothing above their level.
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/testkit/world.testkit';
import type { RequestView } from '../../shared/request/visibility';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import { useApiHub, type ApiHub, type Desk } from './support/hubApi.testkit';
import { everyDemoDesk, leakCheck } from './support/leakCheck.testkit';
import { createDraft, fullAnswers, newCaseId, why } from './support/requests.testkit';

describe.each(hubBackends())('request scenarios through the hub on $name', { timeout: 180_000 }, (backend) => {
  const current = useApiHub(backend);
  let api: ApiHub;
  let everyone: Desk[];
  let desks: Record<string, Desk>;
  /** Case ids each demo user holds after the last step. */
  let held: Map<string, Set<string>>;
  beforeEach(async () => {
    api = current();
    everyone = await everyDemoDesk(api);
    desks = Object.fromEntries(everyone.map((d) => [d.username, d]));
  });

  const desk = (username: string): Desk => {
    const d = desks[username];
    if (!d) throw new Error(`no desk for ${username}`);
    return d;
  };
  /** One step of a scenario: the command must apply, then the leak check runs for every demo user. */
  async function step(username: string, command: CommandInput) {
    const outcome = await desk(username).ok(command);
    held = await leakCheck(everyone);
    return outcome;
  }
  const view = async (username: string, caseId: string) => (await desk(username).requestView(caseId)) as RequestView | undefined;
  const holders = (caseId: string) => [...held.entries()].filter(([, ids]) => ids.has(caseId)).map(([u]) => u).sort();
  const mailsTo = (template: string) => api.hub.mailer.sent.filter((m) => m.template === template).map((m) => m.to).sort();

  async function sentRequest(from = 'it-salute-handler', to = 'hu-enkk'): Promise<string> {
    const id = newCaseId();
    await step(from, createDraft(id, to));
    await step(from, { type: 'sendRequest', caseId: id });
    return id;
  }

  it('scenario 2: drafts, gets an entry number, sends; the responder sees the subject masked and attachments closed until it accepts with 10 days', async () => {
    const id = newCaseId();
    const created = await step('it-salute-handler', createDraft(id));
    expect(created.entryNumbers).toEqual({ [id]: 63000 });
    expect(holders(id)).toEqual(['it-salute-handler', 'it-salute-lda', 'it-salute-viewer']);
    await step('it-salute-handler', { type: 'sendRequest', caseId: id });
    expect(await view('hu-enkk-handler', id)).toMatchObject({ level: 'FULL_NO_PD', case: { entryNumber: 63000, status: 'AWAITING_ACCEPTANCE' } });
    expect((await view('hu-enkk-basic', id))?.level).toBe('MONITORING');
    expect((await view('it-nimic-referral', id))?.level).toBe('FULL_NO_PD');
    expect((await view('it-nimic-admin', id))?.level).toBe('MONITORING');
    expect(await view('de-aek-berlin-handler', id)).toBeUndefined();
    expect(mailsTo('newIncomingRequest')).toEqual(['hu-enkk-handler@users.demo.imi-desk.eu', 'hu-enkk-lda@users.demo.imi-desk.eu', 'hu-enkk@authorities.demo.imi-desk.eu']);

    await step('hu-enkk-handler', { type: 'acceptRequest', caseId: id, days: 10 });
    const accepted = await view('hu-enkk-handler', id);
    expect(accepted).toMatchObject({ level: 'FULL', case: { status: 'ACCEPTED', dueDate: '2025-01-25', subject: { 'family-name': 'Rossi' } } });
    expect(mailsTo('requestAccepted')).toEqual(['it-salute-handler@users.demo.imi-desk.eu', 'it-salute@authorities.demo.imi-desk.eu']);
  });

  it('scenario 3: forward removes the case from the old responder; split makes a second numbered request; refusal only with the flag', async () => {
    const forwarded = await sentRequest();
    const handler = desk('hu-enkk-handler');
    const cursor = (await handler.pull(0, 500)).nextAfter;
    await step('hu-enkk-handler', { type: 'forwardRequest', caseId: forwarded, toAuthorityId: 'hu-nimic', justification: why });
    expect(holders(forwarded)).not.toContain('hu-enkk-handler');
    const incremental = await handler.pull(cursor);
    expect(incremental.changes).toContainEqual(expect.objectContaining({ op: 'remove', entity: 'request', id: forwarded }));
    expect((await view('hu-nimic-lda', forwarded))?.level).toBe('FULL_NO_PD');

    const original = await sentRequest();
    const part = newCaseId('part');
    const split = await step('hu-enkk-handler', {
      type: 'splitRequest', caseId: original, newCaseId: part, toAuthorityId: 'hu-nimic', questionIds: ['home-address'], justification: why,
    });
    expect(split.entryNumbers).toEqual({ [part]: 63002 });
    expect(holders(part)).not.toContain('hu-enkk-handler');
    expect(await view('it-salute-handler', part)).toMatchObject({ level: 'FULL', case: { splitFromCaseId: original, entryNumber: 63002 } });
    expect(await view('it-salute-handler', original)).toMatchObject({ case: { splitIntoCaseIds: [part] } });

    const refused = await sentRequest();
    await step('hu-enkk-handler', { type: 'refuseRequest', caseId: refused, justification: why });
    expect(await view('it-salute-handler', refused)).toMatchObject({ case: { status: 'REFUSED' } });
    const notAllowed = await sentRequest('it-salute-handler', 'fr-cnom');
    expect(await desk('fr-cnom-handler').run({ type: 'refuseRequest', caseId: notAllowed, justification: why }))
      .toMatchObject({ status: 'rejected', reason: 'REFUSAL_NOT_ALLOWED' });
  });

  it('scenario 4: partial reply, reply refused until complete, full reply, additional info refused, referral through both coordinators, closure', async () => {
    const id = await sentRequest();
    await step('hu-enkk-handler', { type: 'acceptRequest', caseId: id, days: 10 });
    const [first] = fullAnswers();
    await step('hu-enkk-handler', { type: 'saveReply', caseId: id, answers: first ? [first] : [] });
    await step('hu-enkk-handler', { type: 'sendPartialReply', caseId: id, answers: first ? [first] : [] });
    expect(await desk('hu-enkk-handler').run({ type: 'sendReply', caseId: id, answers: [] }))
      .toMatchObject({ status: 'rejected', reason: 'UNANSWERED_QUESTIONS', details: { questionIds: ['registered', 'home-address'] } });
    await step('hu-enkk-handler', { type: 'sendReply', caseId: id, answers: fullAnswers() });
    await step('it-salute-handler', { type: 'requestAdditionalInfo', caseId: id, justification: why });
    await step('hu-enkk-handler', { type: 'refuseAdditionalInfo', caseId: id, justification: why });
    await step('it-salute-handler', { type: 'referRequest', caseId: id, justification: why });
    expect(await view('it-nimic-referral', id)).toMatchObject({ level: 'FULL_NO_PD', case: { status: 'REFERRED_TO_REQUESTING_COORDINATOR' } });
    await step('it-nimic-referral', { type: 'referralDecision', caseId: id, agrees: true, justification: why });
    expect(await view('hu-nimic-lda', id)).toMatchObject({ level: 'FULL_NO_PD', case: { status: 'REFERRED_TO_RESPONDING_COORDINATOR' } });
    await step('hu-nimic-lda', { type: 'referralDecision', caseId: id, agrees: false, justification: why });
    await step('it-salute-handler', { type: 'closeRequest', caseId: id });
    expect(await view('hu-enkk-handler', id)).toMatchObject({ level: 'FULL', case: { status: 'CLOSED' } });
    expect(mailsTo('requestClosed')).toContain('hu-enkk-handler@users.demo.imi-desk.eu');
    expect(mailsTo('referralReceived')).toContain('it-nimic-referral@users.demo.imi-desk.eu');
  });

  it('scenario 5: the approving coordinator rejects a request, approves it on resubmission, and approves a reply after rejecting it', async () => {
    const id = newCaseId();
    await step('it-omceo-roma-handler', createDraft(id));
    await step('it-omceo-roma-handler', { type: 'sendRequest', caseId: id });
    expect(await view('it-limic-pq-referral', id)).toMatchObject({ level: 'FULL_NO_PD', case: { status: 'AWAITING_REQUEST_APPROVAL' } });
    expect(mailsTo('newIncomingRequest')).toEqual([]);
    expect(mailsTo('approvalRequired')).toContain('it-limic-pq-referral@users.demo.imi-desk.eu');
    await step('it-limic-pq-referral', { type: 'rejectRequestApproval', caseId: id, justification: why });
    await step('it-omceo-roma-handler', { type: 'sendRequest', caseId: id });
    await step('it-limic-pq-referral', { type: 'approveRequest', caseId: id });
    expect((await view('hu-enkk-handler', id))?.case.status).toBe('AWAITING_ACCEPTANCE');

    const incoming = newCaseId();
    await step('hu-enkk-handler', createDraft(incoming, 'it-omceo-roma'));
    await step('hu-enkk-handler', { type: 'sendRequest', caseId: incoming });
    await step('it-omceo-roma-handler', { type: 'acceptRequest', caseId: incoming, days: 10 });
    await step('it-omceo-roma-handler', { type: 'sendReply', caseId: incoming, answers: fullAnswers() });
    expect((await view('it-limic-pq-referral', incoming))?.case.status).toBe('AWAITING_REPLY_APPROVAL');
    await step('it-limic-pq-referral', { type: 'rejectReplyApproval', caseId: incoming, justification: why });
    await step('it-omceo-roma-handler', { type: 'sendReply', caseId: incoming, answers: fullAnswers() });
    await step('it-limic-pq-referral', { type: 'approveReply', caseId: incoming });
    expect((await view('hu-enkk-handler', incoming))?.case.status).toBe('ANSWERED');
  });

  it('scenario 6: with allocation only the assigned handler acts, and the allocator never sees personal data', async () => {
    const id = newCaseId();
    const sdForm = {
      respondingAuthorityId: 'it-cciaa-milano', proposedDueDays: 10,
      formFields: { 'case-description': 'Unregistered works', justification: 'Safety' }, checklist: ['step-1'],
      subject: { 'provider-name': 'ACME Costruzioni', 'family-name': 'Rossi' },
      questions: [{ questionId: 'diploma-authentic' }, { questionId: 'measure-taken' }],
    };
    await step('hu-bfkh-lda', { type: 'createDraft', caseId: id, area: 'SD', questionSetId: 'sd-derogation', form: sdForm });
    await step('hu-bfkh-lda', { type: 'sendRequest', caseId: id });
    expect(mailsTo('newIncomingRequest')).toEqual(expect.arrayContaining(['it-cciaa-milano-allocator@users.demo.imi-desk.eu']));
    expect(mailsTo('newIncomingRequest')).not.toContain('it-cciaa-milano-handler@users.demo.imi-desk.eu');
    expect(await desk('it-cciaa-milano-handler').run({ type: 'acceptRequest', caseId: id, days: 10 })).toMatchObject({ status: 'rejected', reason: 'NOT_ASSIGNED' });
    await step('it-cciaa-milano-allocator', { type: 'assignHandlers', caseId: id, userIds: ['u-it-cciaa-milano-handler'] });
    expect(mailsTo('requestAllocated')).toEqual(['it-cciaa-milano-handler@users.demo.imi-desk.eu']);
    expect(await desk('it-cciaa-milano-lda').run({ type: 'acceptRequest', caseId: id, days: 10 })).toMatchObject({ status: 'rejected', reason: 'NOT_ASSIGNED' });
    await step('it-cciaa-milano-handler', { type: 'acceptRequest', caseId: id, days: 10 });
    expect((await view('it-cciaa-milano-handler', id))?.level).toBe('FULL');
    const allocatorView = await view('it-cciaa-milano-allocator', id);
    expect(allocatorView?.level).toBe('FULL_NO_PD');
    expect(JSON.stringify(allocatorView)).not.toContain('Rossi');
  });
});
