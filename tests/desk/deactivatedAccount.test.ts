// SPEC §4, §12: an account deactivated while its desk was away. At the next log-in the hub answers
// ACCOUNT_DEACTIVATED; the desk then forgets the offline log-in record and deletes that user's replica and files,
// so a later offline log-in (hub out of reach) cannot open what the person may no longer see.
// Through web mode against a real hub (PGlite, demo data) on loopback.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedReferenceLookup } from '../../hub/requests/referenceLookup';
import { startHubServer } from '../../hub/server';
import type { RunningHub } from '../../hub/server';
import { hubBackends, openTestHub } from '../../hub/testing/hubHarness.testkit';
import type { TestHub } from '../../hub/testing/hubHarness.testkit';
import { logInDemoUser, startWebDeskUnderTest } from './support/webDeskClient';

const logIn = logInDemoUser;

/** The desk's refusal reason of a call that must fail. */
async function refusal(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return (error as { data?: { reason?: string } }).data?.reason;
  }
  throw new Error('the call succeeded');
}

/** Every file under `dir` whose name mentions `part`. */
function filesNaming(dir: string, part: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes(part));
}

describe('an account deactivated while its desk was away', () => {
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
    await server?.close().catch(() => undefined); // the test stops it on purpose
    await hub?.close();
  }, 60_000);

  it('leaves no offline log-in and no replica of that user on the workstation once the hub refuses the log-in', async () => {
    const web = await startWebDeskUnderTest(server.url);
    try {
      const replicas = path.join(web.dataDir, 'replicas');
      const accounts = path.join(web.dataDir, 'accounts');
      // The handler works here once: an offline record and a replica exist.
      await expect(logIn(web.client, 'fr-cnom-handler')).resolves.toMatchObject({ state: 'signedIn', mode: 'online' });
      await expect.poll(async () => (await web.client.sync.status.query()).lastSyncAt, { timeout: 15_000 }).not.toBeNull();
      await web.client.session.logout.mutate();
      expect(filesNaming(replicas, 'fr-cnom-handler').length).toBeGreaterThan(0);
      expect(readdirSync(accounts).map((f) => readFileSync(path.join(accounts, f), 'utf8')).join('')).toContain('fr-cnom-handler');

      // Their LDA deactivates the account (on this desk, as it happens; any desk would do).
      await expect(logIn(web.client, 'fr-cnom-lda')).resolves.toMatchObject({ state: 'signedIn' });
      await web.client.users.deactivate.mutate({ userId: 'u-fr-cnom-handler' });
      await web.client.session.logout.mutate();

      // The handler comes back: refused with the reason, and the workstation forgets them.
      expect(await refusal(logIn(web.client, 'fr-cnom-handler'))).toBe('ACCOUNT_DEACTIVATED');
      expect(filesNaming(replicas, 'fr-cnom-handler')).toEqual([]);
      expect(readdirSync(accounts).map((f) => readFileSync(path.join(accounts, f), 'utf8')).join('')).not.toContain('fr-cnom-handler');
      // The LDA's own record and replica are untouched.
      expect(filesNaming(replicas, 'fr-cnom-lda').length).toBeGreaterThan(0);

      // With the hub out of reach, no offline log-in opens anything for them.
      await server.close();
      expect(await refusal(web.client.session.startLogin.mutate({ username: 'fr-cnom-handler' }))).toBe('OFFLINE_LOGIN_UNAVAILABLE');
    } finally {
      await web.close();
    }
  }, 120_000);
});
