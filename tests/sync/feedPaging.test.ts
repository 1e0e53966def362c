// The hub's change feed paged from 0 (hub/sync/feedService.ts), called as the sync router calls it, on a real PGlite
// hub: pages stay within their limit, a page from 0 hands out the head of its snapshot as the `rightsAsOf` marker,
// and only a change of the caller's own rights AFTER that marker asks for a resync — one before it (already in the
// views) does not. Views are computed with the rights in the page's own snapshot, whatever the session carried.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChanges } from '../../hub/sync/feedService';
import { changeRights } from '../../hub/users/userManagement';
import { saveUser } from '../../hub/users/userStore';
import type { RequestView } from '../../shared/request/visibility';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { PullPage, PullRequest } from '../../shared/sync/protocol';
import type { User } from '../../shared/user/user';
import { seedCopies } from './support/seedCases';
import { completeDraft } from './support/shippedCases';
import { startSyncHub } from './support/syncHub';
import type { SyncHub } from './support/syncHub';

const CASES = 300;
const LIMIT = 25;

describe('paging the feed from 0', () => {
  let sync: SyncHub;
  beforeAll(async () => {
    sync = await startSyncHub();
    const requester = await sync.api('it-salute-handler');
    const responder = await sync.api('hu-enkk-handler');
    const id = `tpl-${randomUUID()}`;
    await requester.ok(completeDraft(id));
    await requester.ok({ type: 'sendRequest', caseId: id });
    await responder.ok({ type: 'acceptRequest', caseId: id, days: 10 });
    const template = await sync.caseOnHub(id);
    if (!template) throw new Error('no template');
    await seedCopies(sync, [template], CASES, 'page', 600_000);
    // The caller's own record changes after every case: its change row is the newest of the feed.
    await saveUser(sync.hub.database.db, await sync.userByName('hu-enkk-handler'), new Date());
  }, 120_000);
  afterAll(async () => { await sync?.close(); }, 60_000);

  async function pull(viewer: User, request: Omit<PullRequest, 'protocolVersion' | 'limit'>): Promise<PullPage> {
    const outcome = await pullChanges(sync.hub.deps, viewer, { protocolVersion: PROTOCOL_VERSION, limit: LIMIT, ...request });
    if (!outcome.ok) throw new Error(`pull refused: ${outcome.reason}`);
    return outcome.value;
  }

  /** Pages from 0 to the end as a desk does, sending back the marker; every page it saw. */
  async function pageThrough(viewer: User): Promise<PullPage[]> {
    const pages: PullPage[] = [];
    let after = 0;
    let rightsAsOf: number | undefined;
    for (;;) {
      const page = await pull(viewer, { after, ...(rightsAsOf === undefined ? {} : { rightsAsOf }) });
      pages.push(page);
      if (page.resyncRequired || !page.hasMore) return pages;
      after = page.nextAfter;
      rightsAsOf = page.rightsAsOf;
    }
  }

  const caseViews = (pages: readonly PullPage[]) => pages.flatMap((p) => p.changes).flatMap((c) => (c.entity === 'request' && c.op === 'upsert' ? [c.data as RequestView] : []));

  it('stays within the limit, keeps the first page\'s marker, and reaches the head without a resync', async () => {
    const viewer = await sync.userByName('hu-enkk-handler');
    const pages = await pageThrough(viewer);
    expect(pages.length).toBeGreaterThan(CASES / LIMIT);
    expect(pages.filter((p) => p.resyncRequired)).toEqual([]);
    expect(pages.filter((p) => p.changes.length > LIMIT)).toEqual([]);
    const [first] = pages;
    expect(new Set(pages.map((p) => p.rightsAsOf))).toEqual(new Set([first?.rightsAsOf]));
    expect(pages.at(-1)?.nextAfter).toBeGreaterThanOrEqual(first?.rightsAsOf ?? Infinity);
    const onHub = await sync.viewsFor(viewer);
    expect(new Set(caseViews(pages).map((v) => v.case.id))).toEqual(new Set(onHub.keys()));
    expect(pages.flatMap((p) => p.changes).filter((c) => c.entity === 'user' && c.id === viewer.id)).toHaveLength(1);
  });

  it('without a marker (a desk of the first protocol) an own change after `after` still means a resync', async () => {
    const viewer = await sync.userByName('hu-enkk-handler');
    const first = await pull(viewer, { after: 0 });
    expect(first.hasMore).toBe(true);
    expect(await pull(viewer, { after: first.nextAfter })).toMatchObject({ resyncRequired: true, changes: [] });
    expect(await pull(viewer, { after: first.nextAfter, rightsAsOf: first.rightsAsOf ?? 0 })).toMatchObject({ resyncRequired: false });
  });

  it('asks for a resync when the caller\'s rights change after the marker, and pages again with the new rights', async () => {
    const stale = await sync.userByName('hu-enkk-handler');
    const lda = await sync.userByName('hu-enkk-lda');
    const first = await pull(stale, { after: 0 });
    const marker = first.rightsAsOf ?? 0;
    const second = await pull(stale, { after: first.nextAfter, rightsAsOf: marker });
    expect(second.resyncRequired).toBe(false);
    expect(caseViews([first, second]).every((v) => v.level === 'FULL')).toBe(true);

    const changed = await changeRights(sync.hub.deps, lda, { userId: stale.id, generalRoles: ['BASIC_USER'], dataAdministratorAreas: [], rights: [{ area: 'PQ', workflow: 'REQUEST', roles: ['ALLOCATOR'] }] });
    expect(changed.ok).toBe(true);
    expect(await pull(stale, { after: second.nextAfter, rightsAsOf: marker })).toMatchObject({ resyncRequired: true, changes: [] });

    // From 0 again, with the session's stale copy of the user: the page reads the rights of its own snapshot.
    const again = await pageThrough(stale);
    expect(again.filter((p) => p.resyncRequired)).toEqual([]);
    expect((again[0]?.rightsAsOf ?? 0)).toBeGreaterThan(marker);
    const levels = new Set(caseViews(again).map((v) => v.level));
    expect(levels).toEqual(new Set(['FULL_NO_PD']));
  });
});
