// Issue #4: a desk whose users switch (A signs out, B signs in and out, A signs back in) keeps syncing for A.
// The stall: a round of A's first session failed with the hub's session refusal (its token was revoked at sign-out
// while the round ran); the replica kept that refusal as its last error, and A's next session took the stale error
// for its own and stopped its sync engine before its first round ended: commands stayed pending, "sync now" did nothing.
// Through web mode against a real hub (PGlite, demo data) on loopback.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedReferenceLookup } from '../../hub/requests/referenceLookup';
import { startHubServer } from '../../hub/server';
import type { RunningHub } from '../../hub/server';
import { hubBackends, openTestHub } from '../../hub/testing/hubHarness.testkit';
import type { TestHub } from '../../hub/testing/hubHarness.testkit';
import { logInDemoUser, startWebDeskUnderTest } from './support/webDeskClient';
import type { WebDeskUnderTest } from './support/webDeskClient';

type Client = WebDeskUnderTest['client'];

const logIn = logInDemoUser;

/** Waits for a round that ended after `since` (ISO time) without error. */
async function syncedSince(client: Client, since: string): Promise<void> {
  await expect.poll(async () => {
    const s = await client.sync.status.query();
    return s.lastSyncAt !== null && s.lastSyncAt > since && s.lastError === null;
  }, { timeout: 15_000 }).toBe(true);
}

function draftCommand() {
  return {
    type: 'createDraft' as const, caseId: randomUUID(), area: 'PQ' as const, questionSetId: 'pq-diploma-authenticity',
    form: {
      respondingAuthorityId: null, proposedDueDays: null,
      subject: { 'family-name': 'Dupont', 'first-names': 'Jeanne', 'date-of-birth': '1979-03-11', profession: 'Medical doctor' },
      questions: [{ questionId: 'awarded-by-competent-body' }],
    },
  };
}

describe('switching users on one desk (issue #4)', () => {
  let hub: TestHub;
  let server: RunningHub;
  beforeAll(async () => {
    const pglite = hubBackends().find((b) => b.name === 'pglite');
    if (!pglite) throw new Error('no PGlite backend');
    hub = await openTestHub(pglite);
    hub.deps.reference = await shippedReferenceLookup();
    server = await startHubServer(hub.deps);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await hub?.close();
  }, 60_000);

  it('keeps syncing for a user who signs back in after their last round met the hub\'s refusal of the old session', async () => {
    const web = await startWebDeskUnderTest(server.url);
    try {
      const start = new Date().toISOString();
      await expect(logIn(web.client, 'fr-cnom-handler')).resolves.toMatchObject({ state: 'signedIn', mode: 'online' });
      await syncedSince(web.client, start);

      // What sign-out does first (revoke the hub session), with a round running before the engine stops: the race of
      // the reported e2e run, made deterministic. The round meets the refusal and the replica keeps it as its last error.
      await web.desk.signedIn()?.hub?.trpc.auth.logout.mutate();
      await web.client.sync.now.mutate();
      await expect.poll(async () => (await web.client.session.status.query()), { timeout: 15_000 }).toMatchObject({ state: 'signedIn', hubSession: 'expired' });
      expect((await web.client.sync.status.query()).lastError).toBe('UNAUTHENTICATED');
      await web.client.session.logout.mutate();

      // Another user of the same authority works on this desk for a while.
      const other = new Date().toISOString();
      await expect(logIn(web.client, 'fr-nimic-lda')).resolves.toMatchObject({ state: 'signedIn', user: { username: 'fr-nimic-lda' } });
      await syncedSince(web.client, other);
      await web.client.session.logout.mutate();

      // The first user is back, with a new hub session: their sync runs, a queued command reaches the hub.
      const back = new Date().toISOString();
      await expect(logIn(web.client, 'fr-cnom-handler')).resolves.toMatchObject({ state: 'signedIn', mode: 'online', hubSession: 'active' });
      await syncedSince(web.client, back);
      const command = draftCommand();
      await expect(web.client.requests.command.mutate({ command })).resolves.toMatchObject({ ok: true });
      await expect.poll(async () => (await web.client.requests.get.query({ id: command.caseId })).view.case.entryNumber, { timeout: 15_000 }).toBeGreaterThan(0);
      expect((await web.client.requests.get.query({ id: command.caseId })).pending).toBe(false);
      const status = await web.client.sync.status.query();
      expect(status).toMatchObject({ pendingCount: 0, lastError: null, online: true });
      expect(await web.client.session.status.query()).toMatchObject({ state: 'signedIn', hubSession: 'active' });

      // And "sync now" still starts a round: a later round ends after the button was pressed.
      const pressed = new Date().toISOString();
      await web.client.sync.now.mutate();
      await syncedSince(web.client, pressed);
      await web.client.session.logout.mutate();
    } finally {
      await web.close();
    }
  }, 90_000);
});
