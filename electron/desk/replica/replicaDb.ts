// The drizzle types of the replica connection and of a transaction on it, shared by every desk module.
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../../../db/replica/schema';

export type ReplicaDb = BetterSQLite3Database<typeof schema>;
export type ReplicaTx = Parameters<Parameters<ReplicaDb['transaction']>[0]>[0];
/** Either the connection or a transaction: helpers that write take this so callers choose the transaction. */
export type ReplicaExecutor = ReplicaDb | ReplicaTx;
