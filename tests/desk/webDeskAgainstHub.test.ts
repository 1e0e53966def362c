// The desk in web mode against a real hub (PGlite, demo data, shipped reference data) on loopback, the
// network between them going through a TCP proxy the test can cut: log-in, initial sync, a draft queued
// while the hub is unreachable gets its entry number after reconnection; offline log-in and its lock-out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from '../../hub/demo/demoData';
import { shippedReferenceLookup } from '../../hub/requests/referenceLookup';
import { startHubServer } from '../../hub/server';
import type { RunningHub } from '../../hub/server';
import { charactersAt, hubBackends, openTestHub } from '../../hub/testing/hubHarness.testkit';
import type { TestHub } from '../../hub/testing/hubHarness.testkit';
import { startTcpProxy } from './support/tcpProxy';
import type { TcpProxy } from './support/tcpProxy';
import { startWebDeskUnderTest } from './support/webDeskClient';
import type { WebDeskUnderTest } from './support/webDeskClient';

type Client = WebDeskUnderTest['client'];

async function logIn(client: Client, username: string, password = DEMO_PASSWORD) {
  const challenge = await client.session.startLogin.mutate({ username });
  return { challenge, result: await client.session.completeLogin.mutate({ challengeId: challenge.challengeId, username, password, codeCharacters: charactersAt(DEMO_SECURITY_CODE, challenge.positions) }) };
}

async function synced(client: Client): Promise<void> {
  await expect.poll(async () => (await client.sync.status.query()).lastSyncAt, { timeout: 15_000 }).not.toBeNull();
}

function draftCommand() {
  return {
    type: 'createDraft' as const, caseId: randomUUID(), area: 'PQ' as const, questionSetId: 'pq-diploma-authenticity',
    form: {
      respondingAuthorityId: null, proposedDueDays: null,
      subject: { 'family-name': 'Rossi', 'first-names': 'Maria', 'date-of-birth': '1980-04-02', profession: 'Medical doctor' },
      questions: [{ questionId: 'awarded-by-competent-body' }],
    },
  };
}

describe('desk web mode against a real hub', () => {
  let hub: TestHub;
  let server: RunningHub;
  let proxy: TcpProxy;
  beforeAll(async () => {
    // The desk is what is under test here: the hub on PGlite is enough (hub tests cover PostgreSQL).
    const pglite = hubBackends().find((b) => b.name === 'pglite');
    if (!pglite) throw new Error('no PGlite backend');
    hub = await openTestHub(pglite);
    hub.deps.reference = await shippedReferenceLookup();
    server = await startHubServer(hub.deps);
    const { hostname, port } = new URL(server.url);
    proxy = await startTcpProxy({ host: hostname, port: Number(port) });
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    await hub?.close();
  }, 60_000);

  it('logs in online, syncs the directory, and gives a draft queued while the network was cut its entry number on reconnection', async () => {
    const web = await startWebDeskUnderTest(proxy.url);
    try {
      const { challenge, result } = await logIn(web.client, 'it-salute-handler');
      expect(challenge.mode).toBe('online');
      expect(result).toMatchObject({ state: 'signedIn', mode: 'online', user: { username: 'it-salute-handler' } });
      await synced(web.client);
      const found = await web.client.directory.search.query({ area: 'PQ', country: 'HU', name: 'egeszsegugyi' });
      expect(found.items.map((a) => a.id)).toContain('hu-enkk');

      await proxy.cut();
      const command = draftCommand();
      const queued = await web.client.requests.command.mutate({ command });
      expect(queued, JSON.stringify(queued)).toMatchObject({ ok: true });
      const offline = await web.client.requests.get.query({ id: command.caseId });
      expect(offline).toMatchObject({ pending: true, view: { case: { entryNumber: null, status: 'DRAFT' } } });
      expect(offline.commands.map((c) => c.type)).toContain('sendRequest');
      await expect.poll(async () => (await web.client.sync.status.query()).online, { timeout: 10_000 }).toBe(false);

      await proxy.restore();
      await web.client.sync.now.mutate();
      await expect.poll(async () => (await web.client.requests.get.query({ id: command.caseId })).view.case.entryNumber, { timeout: 15_000 }).toBeGreaterThan(0);
      const after = await web.client.requests.get.query({ id: command.caseId });
      expect(after.pending).toBe(false);
      const drafts = await web.client.requests.actionList.query({ list: 'myDrafts' });
      expect(drafts.items.map((i) => i.id)).toContain(command.caseId);
    } finally {
      await proxy.restore();
      await web.close();
    }
  }, 60_000);

  it('logs in offline after an online log-in on this workstation, with the code positions it can verify', async () => {
    const first = await startWebDeskUnderTest(proxy.url);
    try {
      const online = await logIn(first.client, 'hu-enkk-handler');
      await synced(first.client);
      await first.client.session.logout.mutate();
      await expect(first.client.session.status.query()).resolves.toEqual({ state: 'signedOut' });

      await proxy.cut();
      const offline = await logIn(first.client, 'hu-enkk-handler');
      expect(offline.challenge).toMatchObject({ mode: 'offline', positions: online.challenge.positions });
      expect(offline.result).toMatchObject({ state: 'signedIn', mode: 'offline', user: { username: 'hu-enkk-handler' } });
      // The replica of the earlier online session is there to read.
      const found = await first.client.directory.search.query({ area: 'PQ', country: 'IT', name: 'salute' });
      expect(found.items.map((a) => a.id)).toContain('it-salute');
      await expect(first.client.users.list.query()).rejects.toMatchObject({ data: { reason: 'OFFLINE' } });
      await first.client.session.logout.mutate();
    } finally {
      await proxy.restore();
      await first.close();
    }
  }, 60_000);

  it('refuses an offline log-in for a user who never logged in online here, and locks offline log-in after five failures', async () => {
    const web = await startWebDeskUnderTest(proxy.url);
    try {
      await logIn(web.client, 'fr-cnom-handler');
      await web.client.session.logout.mutate();
      await proxy.cut();
      await expect(web.client.session.startLogin.mutate({ username: 'pl-nil-handler' })).rejects.toMatchObject({ data: { reason: 'OFFLINE_LOGIN_UNAVAILABLE' } });
      const reasons: unknown[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await logIn(web.client, 'fr-cnom-handler', 'WrongPassword1').catch((error: { data?: { reason?: string } }) => reasons.push(error.data?.reason));
      }
      expect(reasons).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_FAILED', 'OFFLINE_LOGIN_LOCKED']);
      // Even the right password no longer opens the replica offline.
      await expect(web.client.session.startLogin.mutate({ username: 'fr-cnom-handler' })).rejects.toMatchObject({ data: { reason: 'OFFLINE_LOGIN_LOCKED' } });
    } finally {
      await proxy.restore();
      await web.close();
    }
  }, 60_000);

  it('takes a new user through the first log-in, then lets them log in offline with the code they chose', async () => {
    const web = await startWebDeskUnderTest(proxy.url);
    try {
      const challenge = await web.client.session.startLogin.mutate({ username: 'pl-nfz-newcomer' });
      const first = await web.client.session.completeLogin.mutate({ challengeId: challenge.challengeId, username: 'pl-nfz-newcomer', password: DEMO_PASSWORD });
      expect(first).toMatchObject({ state: 'firstLoginRequired', mustChangePassword: true, mustSetSecurityCode: true });
      await expect(web.client.requests.actionLists.query()).rejects.toMatchObject({ data: { reason: 'NOT_SIGNED_IN' } });
      const code = 'Qw3$rty!Uio0';
      await expect(web.client.session.completeFirstLogin.mutate({ newPassword: 'Nowehaslo2025', securityCode: code })).resolves.toMatchObject({ state: 'signedIn', mode: 'online' });
      await web.client.session.logout.mutate();

      await proxy.cut();
      const offline = await web.client.session.startLogin.mutate({ username: 'pl-nfz-newcomer' });
      expect(offline.mode).toBe('offline');
      await expect(web.client.session.completeLogin.mutate({
        challengeId: offline.challengeId, username: 'pl-nfz-newcomer', password: 'Nowehaslo2025', codeCharacters: charactersAt(code, offline.positions),
      })).resolves.toMatchObject({ state: 'signedIn', mode: 'offline' });
    } finally {
      await proxy.restore();
      await web.close();
    }
  }, 60_000);

  it('gives each user of the workstation their own replica, and streams the sync status', async () => {
    const web = await startWebDeskUnderTest(proxy.url);
    const sessionStates: string[] = [];
    const sessionSubscription = web.client.session.onStatus.subscribe(undefined, { onData: (s) => sessionStates.push(s.state) });
    try {
      await expect.poll(() => sessionStates).toEqual(['signedOut']);
      await logIn(web.client, 'it-salute-handler');
      await synced(web.client);
      const command = draftCommand();
      await web.client.requests.command.mutate({ command });
      // Drafts of earlier tests by the same user are on the hub too: look for this one among them.
      const found = await web.client.requests.search.query({ text: 'rossi', statuses: ['DRAFT'] });
      expect(found.items.map((i) => i.id)).toContain(command.caseId);
      await expect(web.client.requests.search.query({ text: 'nobody-has-this-name' })).resolves.toMatchObject({ total: 0 });
      const statuses: unknown[] = [];
      const subscription = web.client.sync.onStatus.subscribe(undefined, { onData: (s) => statuses.push(s) });
      await expect.poll(() => statuses.length).toBeGreaterThan(0);
      subscription.unsubscribe();
      expect(statuses[0]).toMatchObject({ sessionMode: 'online' });
      const handlerReplica = web.desk.signedIn()?.replica.file;
      await web.client.session.logout.mutate();
      // Sign-out closes the replica: nothing of the handler's stays open for the next user.
      expect(web.desk.signedIn()).toBeNull();
      // A user of another authority on the same workstation: a replica of their own, without the Italian draft.
      await logIn(web.client, 'fr-cnom-handler');
      await synced(web.client);
      expect(web.desk.signedIn()?.replica.file).not.toBe(handlerReplica);
      expect(sessionStates).toEqual(['signedOut', 'signedIn', 'signedOut', 'signedIn']);
      const lists = await web.client.requests.actionLists.query();
      expect(lists.find((l) => l.list === 'myDrafts')?.total).toBe(0);
      await expect(web.client.requests.get.query({ id: command.caseId })).rejects.toMatchObject({ data: { reason: 'CASE_NOT_FOUND' } });
    } finally {
      sessionSubscription.unsubscribe();
      await web.close();
    }
  }, 60_000);

  it('stops syncing when the hub no longer accepts the session, and keeps the replica readable', async () => {
    const web = await startWebDeskUnderTest(proxy.url);
    const thirteenHours = 13 * 3_600_000;
    try {
      await logIn(web.client, 'de-aek-berlin-handler');
      await synced(web.client);
      hub.clock.advance(thirteenHours);
      await web.client.sync.now.mutate();
      await expect.poll(async () => {
        const status = await web.client.session.status.query();
        return status.state === 'signedIn' ? status.hubSession : status.state;
      }, { timeout: 10_000 }).toBe('expired');
      await expect(web.client.requests.actionLists.query()).resolves.toBeInstanceOf(Array);
      await expect(web.client.requests.command.mutate({ command: draftCommand() })).resolves.toMatchObject({ ok: true });
    } finally {
      hub.clock.advance(-thirteenHours);
      await web.close();
    }
  }, 60_000);
});
