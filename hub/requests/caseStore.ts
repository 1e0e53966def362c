// Reads and writes cases and appends change rows; callers hold the transaction (HubExecutor) so a command's effects,
// its change rows and the client's seq commit together.
import { eq, inArray, sql } from 'drizzle-orm';
import { cases, changes } from '../../db/hub/syncSchema';
import { RequestCase } from '../../shared/request/requestCase';
import type { EntityKind } from '../../shared/sync/protocol';
import type { HubExecutor } from '../db/openHubDatabase';

/** Loads cases and locks their rows until the transaction ends, so concurrent commands on one case serialise. */
export async function loadCasesForUpdate(tx: HubExecutor, ids: readonly string[]): Promise<Map<string, RequestCase>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: cases.id, data: cases.data }).from(cases).where(inArray(cases.id, [...ids])).orderBy(cases.id).for('update');
  return new Map(rows.map((r) => [r.id, r.data]));
}

export async function loadCase(db: HubExecutor, id: string): Promise<RequestCase | undefined> {
  const [row] = await db.select({ data: cases.data }).from(cases).where(eq(cases.id, id));
  return row?.data;
}

export async function nextEntryNumber(tx: HubExecutor): Promise<number> {
  // Both drivers answer execute() with `{ rows }`; bigint arrives as a string.
  const result = await tx.execute(sql`select nextval('entry_number_seq') as n`) as unknown as { rows: Array<{ n: string | number }> };
  const n = Number(result.rows[0]?.n);
  if (!Number.isSafeInteger(n)) throw new Error('entry number sequence returned no value');
  return n;
}

/** Writes the case as it is after a change: inserted, updated (version + 1) or, when it is gone, deleted. */
export async function saveCase(tx: HubExecutor, id: string, after: RequestCase | undefined, now: Date): Promise<void> {
  if (!after) {
    await tx.delete(cases).where(eq(cases.id, id));
    return;
  }
  const data = RequestCase.parse(after);
  const columns = {
    entryNumber: data.entryNumber,
    area: data.area,
    status: data.status,
    requestingAuthorityId: data.requestingAuthorityId,
    respondingAuthorityId: data.respondingAuthorityId,
    data,
    closedAt: data.closedAt === null ? null : new Date(data.closedAt),
    updatedAt: now,
  };
  await tx.insert(cases).values({ id, version: 1, ...columns })
    .onConflictDoUpdate({ target: cases.id, set: { ...columns, version: sql`${cases.version} + 1` } });
}

/**
 * Serialises writers of the feed until their commit. Positions come from a sequence, so without this a transaction
 * could commit position 10 after a reader already moved past 11, and desks would never see it.
 */
export async function lockFeed(tx: HubExecutor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK_KEY})`);
}
const FEED_LOCK_KEY = 7_340_001;

export async function appendChange(tx: HubExecutor, entity: EntityKind, entityId: string, audience: readonly string[], now: Date): Promise<number> {
  await lockFeed(tx);
  const [row] = await tx.insert(changes).values({ entity, entityId, audience: [...audience], createdAt: now }).returning({ position: changes.position });
  if (!row) throw new Error('change row not written');
  return row.position;
}
