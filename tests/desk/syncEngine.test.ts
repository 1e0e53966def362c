import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { attention, outbox } from '../../db/replica/schema';
import { readRequest } from '../../electron/desk/replica/requestStore';
import { readNumber } from '../../electron/desk/replica/syncState';
import { safeSegment } from '../../electron/desk/replica/replicaPaths';
import { applyPage } from '../../electron/desk/sync/applyPage';
import { replicaEnvironment } from '../../electron/desk/commands/replicaEnvironment';
import { backoffDelay } from '../../electron/desk/sync/backoff';
import type { HubSyncClient } from '../../electron/desk/sync/syncEngine';
import { RequestCommand } from '../../shared/request/commands';
import type { CommandInput } from '../../shared/testkit/world.testkit';
import { draftForm, fullAnswers, text, why, world } from '../../shared/testkit/world.testkit';
import { InMemoryHub } from './support/inMemoryHub';
import { ManualClock, reference, testDesk } from './support/deskHarness';

const NOW = '2030-03-01T09:00:00.000Z';
const createDraft = (caseId: string) => ({ type: 'createDraft' as const, caseId, area: 'PQ' as const, questionSetId: 'pq-standard', form: draftForm() });

function hubWithSentCase(caseId = 'case-1') {
  const w = world();
  const hub = new InMemoryHub(w, () => NOW);
  const run = (userId: string, command: CommandInput) => {
    const outcome = hub.act(userId, RequestCommand.parse(command));
    if (outcome.status !== 'applied') throw new Error(`${command.type} refused: ${outcome.reason}`);
  };
  run('it-ca:handler', createDraft(caseId));
  run('it-ca:handler', { type: 'sendRequest', caseId });
  return { w, hub, run };
}

describe('syncOnce: push', () => {
  it('pushes the outbox in seq order and takes the entry numbers and server state back', async () => {
    const w = world();
    const hub = new InMemoryHub(w, () => NOW);
    const desk = testDesk(w, 'it-ca:handler', { hub: hub.clientFor('it-ca:handler') });
    desk.queue(createDraft('local-1'));
    desk.queue({ type: 'sendRequest', caseId: 'local-1' });
    desk.queue(createDraft('local-2'));
    await desk.engine.syncOnce();
    expect(hub.received.map((e) => [e.seq, e.command.type])).toEqual([[1, 'createDraft'], [2, 'sendRequest'], [3, 'createDraft']]);
    expect(desk.replica.db.select().from(outbox).all()).toEqual([]);
    const stored = readRequest(desk.replica.db, 'local-1');
    expect(stored).toMatchObject({ pending: false, data: { case: { entryNumber: 1000, status: 'AWAITING_ACCEPTANCE' } } });
    expect(stored?.serverData).toEqual(stored?.data);
    expect(desk.engine.status()).toMatchObject({ online: true, pendingCount: 0, lastSyncAt: NOW, lastError: null, attentionCount: 0 });
  });

  it('resends after a lost response and the hub applies the command exactly once', async () => {
    const w = world();
    const hub = new InMemoryHub(w, () => NOW);
    const desk = testDesk(w, 'it-ca:handler', { hub: hub.clientFor('it-ca:handler') });
    desk.queue(createDraft('local-1'));
    hub.inject({ on: 'push', when: 'afterApply' });
    await expect(desk.engine.syncOnce()).rejects.toThrow(/connection reset/);
    expect(desk.engine.status()).toMatchObject({ online: false, pendingCount: 1, lastError: expect.stringContaining('connection reset') });
    expect(desk.replica.db.select().from(outbox).all()).toEqual([expect.objectContaining({ seq: 1, state: 'sent' })]);

    await desk.engine.syncOnce();
    expect(hub.received.map((e) => e.seq)).toEqual([1, 1]);
    expect([...hub.cases.keys()]).toEqual(['local-1']);
    expect(hub.cases.get('local-1')?.history).toHaveLength(1);
    expect(desk.engine.status()).toMatchObject({ online: true, pendingCount: 0 });
  });

  it('rolls a refused command back, keeps what the user typed in the attention list, and goes on with the queue', async () => {
    const { w, hub, run } = hubWithSentCase();
    const desk = testDesk(w, 'hu-ca:handler', { hub: hub.clientFor('hu-ca:handler') });
    await desk.engine.syncOnce();
    // Offline, this handler forwards with a typed justification and starts a draft; meanwhile a colleague forwards elsewhere.
    const typed = text('Not our competence: the Debrecen office handles nurses.');
    expect(desk.queue({ type: 'forwardRequest', caseId: 'case-1', toAuthorityId: 'hu-ca2', justification: typed })).toMatchObject({ ok: true });
    expect(readRequest(desk.replica.db, 'case-1')?.data).toBeNull();
    expect(desk.queue({ ...createDraft('local-9'), form: draftForm({ respondingAuthorityId: 'it-ca' }) })).toMatchObject({ ok: true, seq: 2 });
    run('hu-ca:handler2', { type: 'forwardRequest', caseId: 'case-1', toAuthorityId: 'hu-refuser', justification: why });

    hub.inject({ on: 'pull', when: 'before' });
    await expect(desk.engine.syncOnce()).rejects.toThrow(/injected before pull/);
    // Rolled back by re-derivation before any pull: the local forward is gone, the last server state is back in sight.
    expect(readRequest(desk.replica.db, 'case-1')).toMatchObject({ pending: false, data: { case: { status: 'AWAITING_ACCEPTANCE', respondingAuthorityId: 'hu-ca' } } });
    const entries = desk.replica.db.select().from(attention).all();
    expect(entries).toEqual([expect.objectContaining({ seq: 1, caseId: 'case-1', reason: 'NOT_YOUR_AUTHORITY', dismissed: false })]);
    expect(entries[0]?.command).toMatchObject({ type: 'forwardRequest', justification: typed });
    expect(hub.cases.get('local-9')?.status).toBe('DRAFT');
    expect(desk.engine.status()).toMatchObject({ pendingCount: 0, attentionCount: 1 });

    await desk.engine.syncOnce();
    expect(readRequest(desk.replica.db, 'case-1')).toBeUndefined();
    expect(readRequest(desk.replica.db, 'local-9')?.data?.case.entryNumber).toBe(1001);
  });
});

describe('syncOnce: pull', () => {
  it('applies each page with its checkpoint atomically: a failure mid-page applies nothing of that page', async () => {
    const w = world();
    const hub = new InMemoryHub(w, () => NOW);
    for (const id of ['case-a', 'case-b', 'case-c']) hub.act('it-ca:handler', RequestCommand.parse(createDraft(id)));
    const desk = testDesk(w, 'it-ca:handler', { hub: hub.clientFor('it-ca:handler'), withDirectory: false, pageSize: 5 });
    // The directory (16 authorities) fills the first pages; make the page holding case-b fail half-way.
    desk.replica.sqlite.exec("CREATE TEMP TRIGGER crash BEFORE INSERT ON requests WHEN NEW.id = 'case-b' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(desk.engine.syncOnce()).rejects.toThrow(/disk full/);
    const checkpoint = readNumber(desk.replica.db, 'lastPosition');
    expect(checkpoint % 5).toBe(0);
    expect(readRequest(desk.replica.db, 'case-a')).toBeUndefined();
    expect(readRequest(desk.replica.db, 'case-b')).toBeUndefined();

    desk.replica.sqlite.exec('DROP TRIGGER crash');
    await desk.engine.syncOnce();
    for (const id of ['case-a', 'case-b', 'case-c']) expect(readRequest(desk.replica.db, id)?.data?.case.id).toBe(id);
    expect(readNumber(desk.replica.db, 'lastPosition')).toBeGreaterThan(checkpoint);
  });

  it('hard-deletes a case and its cached files when access is lost', async () => {
    const { w, hub, run } = hubWithSentCase();
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-'));
    const desk = testDesk(w, 'hu-ca:handler', { hub: hub.clientFor('hu-ca:handler'), dataDir });
    await desk.engine.syncOnce();
    expect(readRequest(desk.replica.db, 'case-1')).toBeDefined();
    const cached = join(desk.replica.filesDir, safeSegment('case-1'));
    mkdirSync(cached, { recursive: true });
    writeFileSync(join(cached, 'diploma.pdf'), 'x');

    run('hu-ca:handler2', { type: 'forwardRequest', caseId: 'case-1', toAuthorityId: 'hu-ca2', justification: why });
    await desk.engine.syncOnce();
    expect(readRequest(desk.replica.db, 'case-1')).toBeUndefined();
    expect(desk.replica.sqlite.prepare("SELECT count(*) AS n FROM request_search WHERE case_id = 'case-1'").get()).toEqual({ n: 0 });
    expect(existsSync(cached)).toBe(false);
  });

  it('rebases: a pending reply stays on top of the new server state', async () => {
    const { w, hub, run } = hubWithSentCase();
    run('hu-ca:handler', { type: 'acceptRequest', caseId: 'case-1', days: 10 });
    const desk = testDesk(w, 'hu-ca:handler', { hub: hub.clientFor('hu-ca:handler') });
    await desk.engine.syncOnce();
    const [first] = fullAnswers();
    expect(desk.queue({ type: 'saveReply', caseId: 'case-1', answers: [first!] })).toMatchObject({ ok: true });
    run('it-ca:handler', { type: 'addMessage', caseId: 'case-1', messageId: 'm-9', messageType: 'PROGRESS_ENQUIRY', text: text('Any news?') });

    const page = hub.pull('hu-ca:handler', { protocolVersion: 1, after: readNumber(desk.replica.db, 'lastPosition'), limit: 100 });
    applyPage(desk.replica.db, { actor: w.actor('hu-ca:handler'), env: replicaEnvironment(desk.replica, reference(w)) }, page);
    const stored = readRequest(desk.replica.db, 'case-1');
    expect(stored?.pending).toBe(true);
    expect(stored?.serverData?.case).toMatchObject({ messages: [expect.objectContaining({ id: 'm-9' })], answers: [] });
    expect(stored?.data?.case).toMatchObject({
      messages: [expect.objectContaining({ id: 'm-9' })],
      answers: [expect.objectContaining({ questionId: 'diploma-authentic', value: { kind: 'yesNo', value: true } })],
    });
  });
});

describe('the sync loop', () => {
  it('computes equal-jitter exponential delays capped at the maximum', () => {
    const options = { baseMs: 1000, maxMs: 8000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0, options))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(backoffDelay(3, () => 1, options)).toBe(4000);
  });

  it('backs off longer after each failure and resets after a success', async () => {
    const w = world();
    const hub = new InMemoryHub(w, () => NOW);
    let failuresLeft = 3;
    const flaky: HubSyncClient = {
      push: (req) => hub.clientFor('it-ca:handler').push(req),
      pull: async (req) => {
        if (failuresLeft > 0) { failuresLeft -= 1; throw new Error('ECONNREFUSED'); }
        return hub.clientFor('it-ca:handler').pull(req);
      },
    };
    const clock = new ManualClock();
    const desk = testDesk(w, 'it-ca:handler', { hub: flaky, clock });
    const seen: boolean[] = [];
    desk.engine.onStatus((s) => seen.push(s.online));
    desk.engine.start();
    for (let i = 0; i < 4; i++) {
      await vi.waitFor(() => expect(clock.waiting).toBe(1));
      clock.fire();
    }
    await vi.waitFor(() => expect(clock.delays).toHaveLength(5));
    // random() = 0.5 → 3/4 of 1 s, 2 s, 4 s; then the poll interval; then a new failure starts again at 750 ms.
    failuresLeft = 1;
    clock.fire();
    await vi.waitFor(() => expect(clock.delays).toHaveLength(6));
    expect(clock.delays).toEqual([750, 1500, 3000, 60_000, 60_000, 750]);
    expect(seen).toContain(true);
    desk.engine.reconnect();
    await vi.waitFor(() => expect(clock.delays).toHaveLength(7));
    expect(clock.delays.at(-1)).toBe(60_000);
    await desk.engine.stop();
  });
});
