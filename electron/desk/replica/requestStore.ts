// Reads and writes request rows of the replica: the server state and the working copy kept apart, the search index in step.
import { eq } from 'drizzle-orm';
import { requests } from '../../../db/replica/schema';
import type { RequestView } from '../../../shared/request/visibility';
import { indexRequest } from '../search/searchIndex';
import type { ReplicaExecutor } from './replicaDb';

export interface StoredRequest {
  id: string;
  serverData: RequestView | null;
  data: RequestView | null;
  updatedPosition: number;
  pending: boolean;
}

export function readRequest(db: ReplicaExecutor, id: string): StoredRequest | undefined {
  const row = db.select({
    id: requests.id, serverData: requests.serverData, data: requests.data, updatedPosition: requests.updatedPosition, pending: requests.pending,
  }).from(requests).where(eq(requests.id, id)).get();
  if (!row) return undefined;
  return { ...row, serverData: row.serverData as RequestView | null, data: row.data as RequestView | null };
}

/** Columns the lists filter and sort on, taken from the working copy (all null while it is hidden). */
function listColumns(view: RequestView | null) {
  const c = view?.case;
  return {
    level: view?.level ?? null,
    entryNumber: c?.entryNumber ?? null,
    area: c?.area ?? null,
    status: c?.status ?? null,
    dueDate: c?.dueDate ?? null,
    requestingAuthorityId: c?.requestingAuthorityId ?? null,
    respondingAuthorityId: c?.respondingAuthorityId ?? null,
    createdByUserId: c && 'createdByUserId' in c ? c.createdByUserId : null,
    sentAt: c?.sentAt ?? null,
  };
}

/**
 * Sets the working copy of a case. A row with neither server state nor working copy (a local draft
 * deleted before the hub heard of it) is removed entirely.
 */
export function writeWorkingCopy(db: ReplicaExecutor, id: string, view: RequestView | null, pending: boolean): void {
  const existing = readRequest(db, id);
  if (!existing?.serverData && !view) {
    removeRequest(db, id);
    return;
  }
  const values = { ...listColumns(view), data: view, pending };
  if (existing) db.update(requests).set(values).where(eq(requests.id, id)).run();
  else db.insert(requests).values({ id, ...values, serverData: null, updatedPosition: 0 }).run();
  indexRequest(db, id, view);
}

/** Stores the case as the hub sent it; the working copy equals it until pending commands are re-applied. */
export function writeServerState(db: ReplicaExecutor, id: string, view: RequestView, position: number): void {
  const values = { ...listColumns(view), serverData: view, data: view, updatedPosition: position, pending: false };
  db.insert(requests).values({ id, ...values }).onConflictDoUpdate({ target: requests.id, set: values }).run();
  indexRequest(db, id, view);
}

/** Records an entry number the hub assigned in a push outcome, before the pull brings the whole case. */
export function recordEntryNumber(db: ReplicaExecutor, id: string, entryNumber: number): void {
  const existing = readRequest(db, id);
  if (!existing) return;
  const withNumber = (v: RequestView | null): RequestView | null => (v ? ({ ...v, case: { ...v.case, entryNumber } } as RequestView) : null);
  const data = withNumber(existing.data);
  db.update(requests).set({ entryNumber, data, serverData: withNumber(existing.serverData) }).where(eq(requests.id, id)).run();
  indexRequest(db, id, data);
}

/** Hard delete: the row and its index entry (cached files are removed by the caller after commit). */
export function removeRequest(db: ReplicaExecutor, id: string): void {
  db.delete(requests).where(eq(requests.id, id)).run();
  indexRequest(db, id, null);
}
