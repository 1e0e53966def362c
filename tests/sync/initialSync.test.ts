// A desk's first sync over many pages (DESIGN §6.4, §6.9): thousands of cases on a real hub (PGlite, loopback HTTP),
// a real desk with its replica file, small pages, and the user's own record changed after every case — what made the
// hub ask for a resync on page 2 and the desk loop. The sync completes without a resync, every page stays within the
// page size, the desk sends back the marker of its first page, a cut mid-snapshot resumes from the checkpoint (not
// from 0), and the replica ends equal to the hub's view for that user.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../db/replica/schema';
import { saveUser } from '../../hub/users/userStore';
import { readNumber, readState } from '../../electron/desk/replica/syncState';
import type { RequestCase } from '../../shared/request/requestCase';
import type { PullPage, PullRequest } from '../../shared/sync/protocol';
import { expectDeskEqualsHub } from './support/convergence';
import { seedCopies } from './support/seedCases';
import { completeDraft } from './support/shippedCases';
import { startSyncHub } from './support/syncHub';
import type { SyncHub } from './support/syncHub';
import { openTestDesk } from './support/testDesk';
import type { SyncTestDesk } from './support/testDesk';

const CASES = 3_000;
const PAGE_SIZE = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface PullRecord { request: PullRequest; page: PullPage | null; at: number }

/**
 * Records every pull the desk's real hub client makes from now on (the engine calls the client it was given, so
 * wrapping the method observes the wire without replacing it). The first pull of a log-in may precede the wrap.
 */
function recordPulls(desk: SyncTestDesk): PullRecord[] {
  const client = desk.signedIn().hub?.sync;
  if (!client) throw new Error('desk is not online');
  const records: PullRecord[] = [];
  const pull = client.pull.bind(client);
  client.pull = async (request) => {
    const record: PullRecord = { request, page: null, at: Date.now() };
    records.push(record);
    record.page = await pull(request);
    return record.page;
  };
  return records;
}

/** The number of cases in the replica after every applied page; a resync shows as a drop. */
function watchCounts(desk: SyncTestDesk): number[] {
  const { sync, replica } = desk.signedIn();
  const counts: number[] = [];
  sync.onStatus(() => { counts.push(replica.db.select({ id: requests.id }).from(requests).all().length); });
  return counts;
}

const dropsIn = (counts: readonly number[]) => counts.filter((n, i) => i > 0 && n < (counts[i - 1] ?? 0));

describe('a first sync that spans many pages', () => {
  let sync: SyncHub;
  const desks: SyncTestDesk[] = [];
  beforeAll(async () => {
    sync = await startSyncHub();
    // Three real cases as templates: sent to hu-enkk, accepted by it, and sent elsewhere (not hu-enkk's to see).
    const requester = await sync.api('it-salute-handler');
    const responder = await sync.api('hu-enkk-handler');
    const ids = { sent: `tpl-sent-${randomUUID()}`, accepted: `tpl-accepted-${randomUUID()}`, elsewhere: `tpl-elsewhere-${randomUUID()}` };
    await requester.ok(completeDraft(ids.sent));
    await requester.ok({ type: 'sendRequest', caseId: ids.sent });
    await requester.ok(completeDraft(ids.accepted));
    await requester.ok({ type: 'sendRequest', caseId: ids.accepted });
    await responder.ok({ type: 'acceptRequest', caseId: ids.accepted, days: 10 });
    await requester.ok(completeDraft(ids.elsewhere, 'it-omceo-roma'));
    await requester.ok({ type: 'sendRequest', caseId: ids.elsewhere });
    const templates = await Promise.all(Object.values(ids).map(async (id) => {
      const c = await sync.caseOnHub(id);
      if (!c) throw new Error(`no case ${id}`);
      return c;
    }));
    await seedCopies(sync, templates as RequestCase[], CASES, 'bulk', 500_000);
    // The users' own records change after every case: their change rows come last in the feed.
    for (const username of ['hu-enkk-handler', 'it-salute-handler']) await saveUser(sync.hub.database.db, await sync.userByName(username), new Date());
  }, 600_000);
  afterAll(async () => {
    for (const d of desks) await d.close();
    await sync?.close();
  }, 60_000);

  it(`completes over ${CASES.toLocaleString('en')} cases in pages of ${PAGE_SIZE} without a resync and equals the hub's view`, async () => {
    const desk = await openTestDesk(sync.url(), { pageSize: PAGE_SIZE, pollIntervalMs: 60_000 });
    desks.push(desk);
    await desk.logIn('hu-enkk-handler');
    const pulls = recordPulls(desk);
    const counts = watchCounts(desk);
    await desk.settle(500_000);

    const pages = pulls.flatMap((p) => (p.page ? [{ request: p.request, page: p.page }] : []));
    expect(pages.length).toBeGreaterThan(15);
    expect(pages.filter((p) => p.page.resyncRequired)).toEqual([]);
    expect(pages.filter((p) => p.page.changes.length > PAGE_SIZE)).toEqual([]);
    // Every page after the first carries the first page's marker (the head as of the start), and echoes it back.
    const marker = Number(readState(desk.signedIn().replica.db, 'rightsAsOf'));
    expect(marker).toBeGreaterThan(0);
    expect(pages.filter((p) => p.request.after > 0 && (p.request.rightsAsOf !== marker || p.page.rightsAsOf !== marker))).toEqual([]);
    expect(dropsIn(counts)).toEqual([]);
    const held = desk.signedIn().replica.db.select({ id: requests.id }).from(requests).all().length;
    expect(held).toBeGreaterThanOrEqual((CASES * 2) / 3);
    await expectDeskEqualsHub(desk, sync);
  }, 600_000);

  it('resumes an initial sync cut in the middle from its checkpoint and marker, not from 0', async () => {
    const proxy = await sync.proxy();
    const desk = await openTestDesk(proxy.url, { pageSize: PAGE_SIZE, pollIntervalMs: 60_000 });
    desks.push(desk);
    await desk.logIn('it-salute-handler');
    const pulls = recordPulls(desk);
    const counts = watchCounts(desk);
    const { replica, sync: engine } = desk.signedIn();
    const held = () => replica.db.select({ id: requests.id }).from(requests).all().length;

    // Let a third of the snapshot arrive, then cut the network mid-sync.
    const deadline = Date.now() + 300_000;
    while (held() < CASES / 3 && Date.now() < deadline) await sleep(5);
    await proxy.cut();
    const cutAt = Date.now();
    while (engine.status().online && Date.now() < deadline) await sleep(10);
    expect(engine.status().online).toBe(false);
    const checkpoint = readNumber(replica.db, 'lastPosition');
    const marker = readState(replica.db, 'rightsAsOf');
    const heldAtCut = held();
    expect(checkpoint).toBeGreaterThan(0);
    expect(heldAtCut).toBeLessThan(CASES);

    await proxy.restore();
    await desk.settle(500_000);
    const resumed = pulls.filter((p) => p.at >= cutAt);
    expect(resumed.length).toBeGreaterThan(1);
    expect(resumed[0]?.request).toMatchObject({ after: checkpoint, rightsAsOf: Number(marker) });
    expect(resumed.filter((p) => p.request.after < checkpoint || p.page?.resyncRequired)).toEqual([]);
    expect(dropsIn(counts)).toEqual([]);
    expect(held()).toBeGreaterThan(heldAtCut);
    await expectDeskEqualsHub(desk, sync);
  }, 600_000);
});
