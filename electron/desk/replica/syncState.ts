// Typed access to the replica's sync_state key/value table (client id, sequence and feed positions, errors).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { syncState } from '../../../db/replica/schema';
import type { ReplicaExecutor as Db } from './replicaDb';

export type SyncKey = 'clientId' | 'lastSeq' | 'lastPosition' | 'rightsAsOf' | 'lastSyncAt' | 'lastError';

export function readState(db: Db, key: SyncKey): string | undefined {
  return db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, key)).get()?.value;
}

export function writeState(db: Db, key: SyncKey, value: string): void {
  const updatedAt = new Date().toISOString();
  db.insert(syncState).values({ key, value, updatedAt }).onConflictDoUpdate({ target: syncState.key, set: { value, updatedAt } }).run();
}

export function readNumber(db: Db, key: 'lastSeq' | 'lastPosition'): number {
  return Number(readState(db, key) ?? '0');
}

/** The client id is made once per replica; a new replica (new user, new workstation) is a new client. */
export function ensureClientId(db: Db): string {
  const existing = readState(db, 'clientId');
  if (existing) return existing;
  const id = randomUUID();
  writeState(db, 'clientId', id);
  return id;
}
