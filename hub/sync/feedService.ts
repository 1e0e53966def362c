// The change feed a desk pulls (DESIGN §6): after a position, the next page of changes offered to the caller's
// authority, one entry per entity at its latest state, each as the caller may see it — a `viewFor` view, the public
// authority directory, colleagues — or a removal when the caller may no longer see it.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { authorities, users } from '../../db/hub/schema';
import { ALL_AUTHORITIES, cases } from '../../db/hub/syncSchema';
import type { Authority } from '../../shared/authority/authority';
import { viewFor } from '../../shared/request/visibility';
import type { User } from '../../shared/user/user';
import { MAX_PAGE_SIZE, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { EntityKind, FeedChange, PullPage, PullRequest } from '../../shared/sync/protocol';
import type { HubExecutor } from '../db/openHubDatabase';
import type { HubDeps } from '../deps';
import { ok, refusal, type Outcome } from '../errors';
import { MIN_PROTOCOL_VERSION } from '../requests/commandService';
import { directoryOf } from '../requests/directory';
import { EMPTY_REFERENCE } from '../requests/referenceLookup';
import { recordDirectoryChanges } from './directoryChanges';

interface ChangedEntity { entity: EntityKind; entityId: string; position: number }

/** What a colleague may know of another user: no username (it is handed over outside the system, SPEC §4). */
export function colleagueView(user: User, viewer: User): Omit<User, 'username'> & { username?: string } {
  if (user.id === viewer.id) return user;
  const { username: _username, ...rest } = user;
  return rest;
}

export async function pullChanges(deps: HubDeps, viewer: User, request: PullRequest): Promise<Outcome<PullPage>> {
  if (request.protocolVersion < MIN_PROTOCOL_VERSION || request.protocolVersion > PROTOCOL_VERSION) {
    return refusal('UPDATE_REQUIRED', { minProtocolVersion: MIN_PROTOCOL_VERSION, protocolVersion: PROTOCOL_VERSION });
  }
  await deps.db.transaction((tx) => recordDirectoryChanges(tx));
  const limit = Math.min(request.limit, MAX_PAGE_SIZE);
  // A desk that sends no marker (older protocol) gets the old rule: any own change after `after` means a resync.
  const rightsAsOf = request.rightsAsOf ?? request.after;
  // One snapshot for the page, the viewer's rights and the high-water mark, so nextAfter never skips a change the page
  // did not see and the marker of a page from 0 says exactly which rights its views were computed with.
  const page = await deps.db.transaction(async (tx) => readPage(tx, deps, viewer, request.after, rightsAsOf, limit), { isolationLevel: 'repeatable read' });
  return ok(page);
}

async function feedHead(tx: HubExecutor): Promise<number> {
  const head = await tx.execute(sql`select coalesce(max(position), 0)::bigint as head from changes`) as unknown as { rows: Array<{ head: string | number }> };
  return Number(head.rows[0]?.head ?? 0);
}

/** The caller as the page's snapshot has them: the session's copy may predate a change of their rights. */
async function currentViewer(tx: HubExecutor, viewer: User): Promise<User> {
  const [row] = await tx.select({ data: users.data }).from(users).where(eq(users.id, viewer.id));
  return row?.data ?? viewer;
}

/**
 * One page of the feed after `after`. A change to the caller's own rights or authority can change what they see of every
 * case, so one that came after `rightsAsOf` (the position as of which the desk's replica reflects those rights) makes
 * the desk start again from 0. A page from 0 answers with the head of its snapshot as the new marker: the pages that
 * follow (an initial sync of any length, resumed after any cut) compare own changes with it, not with `after`, which
 * during an initial sync is still behind changes that page 1 already took into account.
 */
async function readPage(tx: HubExecutor, deps: HubDeps, sessionViewer: User, after: number, rightsAsOf: number, limit: number): Promise<PullPage> {
  const viewer = await currentViewer(tx, sessionViewer);
  const audience = [viewer.authorityId, ALL_AUTHORITIES];
  let marker = rightsAsOf;
  if (after === 0) {
    marker = await feedHead(tx);
  } else {
    const own = await tx.execute(sql`
      select 1 from changes where position > ${rightsAsOf}
        and ((entity = 'user' and entity_id = ${viewer.id}) or (entity = 'authority' and entity_id = ${viewer.authorityId})) limit 1`) as unknown as { rows: unknown[] };
    if (own.rows.length > 0) return { changes: [], nextAfter: 0, hasMore: true, resyncRequired: true, rightsAsOf: 0 };
  }
  const result = await tx.execute(sql`
    select entity, entity_id as "entityId", max(position)::bigint as position from changes
    where position > ${after} and audience && array[${sql.join(audience.map((a) => sql`${a}`), sql`, `)}]::text[]
    group by entity, entity_id order by max(position) limit ${limit + 1}`) as unknown as { rows: Array<{ entity: EntityKind; entityId: string; position: string | number }> };
  const rows: ChangedEntity[] = result.rows.map((r) => ({ entity: r.entity, entityId: r.entityId, position: Number(r.position) }));
  const hasMore = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  let nextAfter = pageRows.at(-1)?.position ?? after;
  // Nothing more for this caller: skip past changes meant for others so the next pull starts at the head.
  if (!hasMore) nextAfter = Math.max(nextAfter, await feedHead(tx));
  return { changes: await viewsOf(tx, deps, viewer, pageRows), nextAfter, hasMore, resyncRequired: false, rightsAsOf: marker };
}

async function viewsOf(tx: HubExecutor, deps: HubDeps, viewer: User, rows: readonly ChangedEntity[]): Promise<FeedChange[]> {
  const idsOf = (entity: EntityKind) => rows.filter((r) => r.entity === entity).map((r) => r.entityId);
  const caseIds = idsOf('request');
  const userIds = idsOf('user');
  const [allAuthorities, caseRows, userRows] = await Promise.all([
    tx.select({ data: authorities.data }).from(authorities),
    caseIds.length ? tx.select({ id: cases.id, data: cases.data }).from(cases).where(inArray(cases.id, caseIds)) : Promise.resolve([]),
    userIds.length ? tx.select({ data: users.data }).from(users).where(and(inArray(users.id, userIds), sql`${users.authorityId} = ${viewer.authorityId}`)) : Promise.resolve([]),
  ]);
  const authorityById = new Map<string, Authority>(allAuthorities.map((a) => [a.data.id, a.data]));
  const caseById = new Map(caseRows.map((r) => [r.id, r.data]));
  const userById = new Map(userRows.map((r) => [r.data.id, r.data]));
  const directory = directoryOf([...authorityById.values()], [viewer], deps.reference ?? EMPTY_REFERENCE);

  return rows.map((row): FeedChange => {
    const remove: FeedChange = { op: 'remove', position: row.position, entity: row.entity, id: row.entityId };
    const upsert = (data: unknown): FeedChange => ({ op: 'upsert', position: row.position, entity: row.entity, id: row.entityId, data });
    switch (row.entity) {
      case 'request': {
        const c = caseById.get(row.entityId);
        const view = c ? viewFor(c, viewer, directory) : null;
        return view ? upsert(view) : remove;
      }
      case 'authority': {
        const authority = authorityById.get(row.entityId);
        return authority && authority.status === 'ACTIVE' ? upsert(authority) : remove;
      }
      case 'user': {
        const user = userById.get(row.entityId);
        return user ? upsert(colleagueView(user, viewer)) : remove;
      }
    }
  });
}
