// Fault injection between a desk and the hub (DESIGN §6.4, §6.12): the TCP proxy cut and restored again and again
// while the desk pulls many small pages and while it pushes a long queue, and the hub restarted during sync. Each
// ends with the desk equal to the hub's view for its user and every command applied once.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TcpProxy } from '../desk/support/tcpProxy';
import { expectDeskEqualsHub } from './support/convergence';
import { seededRandom } from './support/seededRandom';
import { completeDraft, text } from './support/shippedCases';
import { startSyncHub } from './support/syncHub';
import type { SyncHub } from './support/syncHub';
import { openTestDesk } from './support/testDesk';
import type { SyncTestDesk } from './support/testDesk';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Cuts and restores the proxy at seeded intervals until `done()` or `maxToggles`; always leaves it restored. */
async function flap(proxy: TcpProxy, seed: number, done: () => boolean, maxToggles = 40): Promise<number> {
  const random = seededRandom(seed);
  let toggles = 0;
  while (!done() && toggles < maxToggles) {
    await sleep(20 + random.int(120));
    await proxy.cut();
    await sleep(10 + random.int(60));
    await proxy.restore();
    toggles += 1;
  }
  await proxy.restore();
  return toggles;
}

describe('a desk under cut connections and a hub restart', () => {
  let sync: SyncHub;
  const dirs: string[] = [];
  const desks: SyncTestDesk[] = [];
  beforeAll(async () => { sync = await startSyncHub(); }, 120_000);
  afterAll(async () => {
    for (const d of desks) await d.close();
    await sync?.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }, 60_000);

  /**
   * A desk whose initial sync is done (with the default page), then opened again on the same folder with `pageSize`:
   * a desk that catches up a backlog. (Multi-page initial syncs have their own tests in initialSync.test.ts.)
   */
  async function syncedDesk(username: string, pageSize: number): Promise<{ desk: SyncTestDesk; proxy: TcpProxy }> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'imi-faults-'));
    dirs.push(dataDir);
    const proxy = await sync.proxy();
    const first = await openTestDesk(proxy.url, { dataDir });
    await first.logIn(username);
    await first.settle();
    await first.close();
    const desk = await openTestDesk(proxy.url, { dataDir, pageSize });
    desks.push(desk);
    await desk.logIn(username);
    return { desk, proxy };
  }

  /** `n` requests from it-salute to hu-enkk, sent. */
  async function backlog(n: number, label: string): Promise<string[]> {
    const requester = await sync.api('it-salute-handler');
    const ids = Array.from({ length: n }, (_, i) => `${label}-${i}-${randomUUID().slice(0, 8)}`);
    for (const id of ids) {
      await requester.ok(completeDraft(id));
      await requester.ok({ type: 'sendRequest', caseId: id });
    }
    return ids;
  }

  // Was a bug: the hub compared the caller's own user and authority changes with `after`, which on page 2 of any sync
  // from 0 is still behind them, so it asked for a resync on every page 2. Pages now carry the `rightsAsOf` marker.
  it('completes an initial sync that spans several pages', async () => {
    const desk = await openTestDesk(sync.url(), { pageSize: 5 });
    desks.push(desk);
    await desk.logIn('hu-enkk-lda');
    await desk.settle(10_000);
    await expectDeskEqualsHub(desk, sync);
  }, 30_000);

  it('catches up a backlog of small pages while the connection is cut and restored mid-page', async () => {
    const { desk, proxy } = await syncedDesk('hu-enkk-handler', 5);
    await backlog(60, 'pages');
    let settled = false;
    const settling = desk.settle(60_000).finally(() => { settled = true; });
    const toggles = await flap(proxy, 7, () => settled);
    await settling;
    expect(toggles).toBeGreaterThan(0);
    await expectDeskEqualsHub(desk, sync);
  }, 120_000);

  it('pushes a long queue exactly once while the connection is cut and restored mid-push', async () => {
    const { desk, proxy } = await syncedDesk('it-salute-handler', 5);
    const [caseId] = await backlog(1, 'push');
    if (!caseId) throw new Error('no case');
    await desk.settle();
    await proxy.cut();
    const messageIds = Array.from({ length: 150 }, (_, i) => `push-${i}-${randomUUID().slice(0, 8)}`);
    for (const messageId of messageIds) {
      expect(desk.command({ type: 'addMessage', caseId, messageId, messageType: 'OTHER', text: text(`note ${messageId}`) })).toMatchObject({ ok: true });
    }
    await proxy.restore();
    let settled = false;
    const settling = desk.settle(60_000).finally(() => { settled = true; });
    await flap(proxy, 13, () => settled);
    await settling;
    const outcomes = await sync.outcomesOf(desk.signedIn().replica.clientId);
    expect(outcomes.filter((o) => o.status !== 'applied')).toEqual([]);
    expect((await sync.caseOnHub(caseId))?.messages.map((m) => m.id).sort()).toEqual([...messageIds].sort());
    await expectDeskEqualsHub(desk, sync);
  }, 120_000);

  it('converges when the hub is restarted while the desk pushes and pulls', async () => {
    const { desk } = await syncedDesk('hu-enkk-handler', 5);
    const ids = await backlog(20, 'restart');
    await desk.settle();
    for (const caseId of ids) expect(desk.command({ type: 'addMessage', caseId, messageId: randomUUID(), messageType: 'OTHER', text: text('before restart') })).toMatchObject({ ok: true });
    await backlog(30, 'restart-more');
    const settling = desk.settle(60_000);
    await sleep(50);
    await sync.restart();
    await sleep(100);
    await sync.restart();
    await settling;
    await expectDeskEqualsHub(desk, sync);
  }, 120_000);
});
