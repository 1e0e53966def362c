// SPEC §15 scenario 7: two handlers of one authority act on the same request while one desk is offline. On
// reconnection exactly one command wins on the hub; the other desk lists the rejection with its reason and
// everything typed, and its queue goes on. Real hub (PGlite) and desks in web mode, each behind its own proxy.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from '../../hub/demo/demoData';
import { charactersAt } from '../../hub/testing/hubHarness.testkit';
import { startWebDeskUnderTest } from '../desk/support/webDeskClient';
import type { WebDeskUnderTest } from '../desk/support/webDeskClient';
import { completeDraft, fullAnswers, text } from './support/shippedCases';
import { startSyncHub } from './support/syncHub';
import type { SyncHub } from './support/syncHub';

type Client = WebDeskUnderTest['client'];

async function logIn(client: Client, username: string): Promise<void> {
  const challenge = await client.session.startLogin.mutate({ username });
  await client.session.completeLogin.mutate({ challengeId: challenge.challengeId, username, password: DEMO_PASSWORD, codeCharacters: charactersAt(DEMO_SECURITY_CODE, challenge.positions) });
}

async function statusOn(client: Client, caseId: string): Promise<string | null> {
  return client.requests.get.query({ id: caseId }).then((d) => d.view.case.status, () => null);
}

describe('two handlers of one authority, one of them offline (scenario 7)', () => {
  let sync: SyncHub;
  const opened: WebDeskUnderTest[] = [];
  beforeAll(async () => { sync = await startSyncHub(); }, 120_000);
  afterAll(async () => {
    for (const d of opened) await d.close();
    await sync?.close();
  }, 60_000);

  async function deskOf(username: string) {
    const proxy = await sync.proxy();
    const web = await startWebDeskUnderTest(proxy.url);
    opened.push(web);
    await logIn(web.client, username);
    return { proxy, client: web.client };
  }

  /** A request from it-salute to hu-enkk, sent, and accepted by hu-enkk when `accept`. */
  async function requestToHungary(accept: boolean): Promise<string> {
    const caseId = `s7-${randomUUID()}`;
    const requester = await sync.api('it-salute-handler');
    await requester.ok(completeDraft(caseId));
    await requester.ok({ type: 'sendRequest', caseId });
    if (accept) await (await sync.api('hu-enkk-handler')).ok({ type: 'acceptRequest', caseId, days: 10 });
    return caseId;
  }

  it('lets the first reply win and keeps the offline handler\'s typed answers in the attention list, without blocking the queue', async () => {
    const caseId = await requestToHungary(true);
    const a = await deskOf('hu-enkk-handler');
    const b = await deskOf('hu-enkk-lda');
    for (const desk of [a, b]) await expect.poll(() => statusOn(desk.client, caseId), { timeout: 15_000 }).toBe('ACCEPTED');

    await b.proxy.cut();
    const typedByB = fullAnswers('Answers typed on the offline desk B');
    await expect(b.client.requests.command.mutate({ command: { type: 'sendReply', caseId, answers: typedByB } })).resolves.toMatchObject({ ok: true });
    await expect(a.client.requests.command.mutate({ command: { type: 'sendReply', caseId, answers: fullAnswers('Answers of desk A') } })).resolves.toMatchObject({ ok: true });
    await expect.poll(async () => (await sync.caseOnHub(caseId))?.status, { timeout: 15_000 }).toBe('ANSWERED');

    await b.proxy.restore();
    await b.client.sync.now.mutate();
    await expect.poll(async () => (await b.client.attention.list.query()).length, { timeout: 15_000 }).toBe(1);
    const [refused] = await b.client.attention.list.query();
    expect(refused).toMatchObject({ caseId, reason: 'WRONG_STATUS', command: { type: 'sendReply' } });
    // Nothing B typed is lost: the refused command carries the answers as typed.
    expect(refused?.command.type === 'sendReply' ? refused.command.answers : null).toEqual(typedByB);
    // The hub holds A's reply only, and B's desk shows it once the rejection has been rolled back.
    const onHub = await sync.caseOnHub(caseId);
    expect(onHub?.answers.map((x) => x.comment?.text ?? null)).toContain('Answers of desk A');
    expect(JSON.stringify(onHub)).not.toContain('offline desk B');
    await expect.poll(() => statusOn(b.client, caseId), { timeout: 15_000 }).toBe('ANSWERED');
    expect(JSON.stringify((await b.client.requests.get.query({ id: caseId })).view)).not.toContain('offline desk B');

    // B's queue is not blocked: a later command from B goes through.
    const messageId = randomUUID();
    await expect(b.client.requests.command.mutate({ command: { type: 'addMessage', caseId, messageId, messageType: 'OTHER', text: text('A follow-up from desk B') } })).resolves.toMatchObject({ ok: true });
    await expect.poll(async () => (await sync.caseOnHub(caseId))?.messages.map((m) => m.id), { timeout: 15_000 }).toContain(messageId);
    await expect.poll(async () => (await b.client.sync.status.query()).pendingCount, { timeout: 15_000 }).toBe(0);
  }, 90_000);

  it('refuses a message queued offline on a request a colleague closed meanwhile, and keeps the message text', async () => {
    const caseId = await requestToHungary(true);
    await (await sync.api('hu-enkk-handler')).ok({ type: 'sendReply', caseId, answers: fullAnswers('Reply of the responder') });
    const a = await deskOf('it-salute-handler');
    const b = await deskOf('it-salute-lda');
    for (const desk of [a, b]) await expect.poll(() => statusOn(desk.client, caseId), { timeout: 15_000 }).toBe('ANSWERED');

    await b.proxy.cut();
    const typed = text('Could you also confirm the registration date?');
    await expect(b.client.requests.command.mutate({ command: { type: 'addMessage', caseId, messageId: randomUUID(), messageType: 'CLARIFICATION_OF_QUESTION', text: typed } })).resolves.toMatchObject({ ok: true });
    await expect(a.client.requests.command.mutate({ command: { type: 'closeRequest', caseId } })).resolves.toMatchObject({ ok: true });
    await expect.poll(async () => (await sync.caseOnHub(caseId))?.status, { timeout: 15_000 }).toBe('CLOSED');

    await b.proxy.restore();
    await b.client.sync.now.mutate();
    await expect.poll(async () => (await b.client.attention.list.query()).length, { timeout: 15_000 }).toBe(1);
    const [refused] = await b.client.attention.list.query();
    expect(refused).toMatchObject({ caseId, reason: 'WRONG_STATUS', command: { type: 'addMessage', text: typed } });
    expect((await sync.caseOnHub(caseId))?.messages ?? []).toHaveLength(0);
    await expect.poll(() => statusOn(b.client, caseId), { timeout: 15_000 }).toBe('CLOSED');

    // A later draft from B still reaches the hub.
    const draftId = `s7-next-${randomUUID()}`;
    await expect(b.client.requests.command.mutate({ command: completeDraft(draftId) })).resolves.toMatchObject({ ok: true });
    await expect.poll(async () => (await sync.caseOnHub(draftId))?.status, { timeout: 15_000 }).toBe('DRAFT');
  }, 90_000);
});
