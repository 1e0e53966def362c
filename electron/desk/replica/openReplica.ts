// Opens (creating and migrating if needed) the SQLite replica of one user against one hub.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../../../db/replica/schema';
import type { User } from '../../../shared/user/user';
import { replicaLocation } from './replicaPaths';
import { ensureClientId } from './syncState';

import type { ReplicaDb } from './replicaDb';

export type { ReplicaDb } from './replicaDb';

export interface Replica {
  /** drizzle over the connection; every write of the desk goes through one `db.transaction`. */
  readonly db: ReplicaDb;
  /** The raw connection, for what drizzle cannot express (FTS5). */
  readonly sqlite: Database.Database;
  /** The signed-in user this replica belongs to: the actor of every local decision. */
  readonly user: User;
  readonly hubHost: string;
  readonly file: string;
  readonly filesDir: string;
  readonly uploadsDir: string;
  readonly reportsDir: string;
  /** This replica's identity towards the hub (DESIGN §6: commands are (clientId, seq)). */
  readonly clientId: string;
  close(): void;
}

export interface OpenReplicaOptions {
  dataDir: string;
  hubHost: string;
  user: User;
  /** Packaged apps ship migrations as resources; defaults to db/replica/migrations in the source tree. */
  migrationsFolder?: string;
  /** For tests: an in-memory database instead of the file. */
  inMemory?: boolean;
}

const DEFAULT_MIGRATIONS = fileURLToPath(new URL('../../../db/replica/migrations', import.meta.url));

export class ReplicaMigrationError extends Error {
  readonly code = 'REPLICA_FOREIGN_KEY_VIOLATION';
}

/**
 * Migrations run with foreign keys off (a table rebuild would otherwise cascade-delete rows, DESIGN §8),
 * and `foreign_key_check` after: a violation aborts the open rather than leaving a half-broken replica.
 * The pragma cannot change inside a transaction, and drizzle's migrator runs in one, so it is set around it.
 */
function runMigrations(sqlite: Database.Database, db: ReplicaDb, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder });
  const violations = sqlite.pragma('foreign_key_check') as unknown[];
  if (violations.length > 0) throw new ReplicaMigrationError(`foreign key violations after migration: ${JSON.stringify(violations.slice(0, 5))}`);
  sqlite.pragma('foreign_keys = ON');
}

export function openReplica(options: OpenReplicaOptions): Replica {
  const { file, filesDir, uploadsDir, reportsDir } = replicaLocation(options.dataDir, options.hubHost, options.user.id);
  if (!options.inMemory) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(options.inMemory ? ':memory:' : file);
  try {
    sqlite.pragma('journal_mode = WAL');
    // WAL + NORMAL is durable across process crashes (only an OS crash may lose the last commits).
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    // What the desk deletes or overwrites is zeroed in the file, not left in free space: data purged by retention
    // (SPEC §12) or dropped with a loss of access must not stay readable from the disk.
    sqlite.pragma('secure_delete = ON');
    const db = drizzle({ client: sqlite, schema });
    runMigrations(sqlite, db, options.migrationsFolder ?? DEFAULT_MIGRATIONS);
    // The same for the search index: without it, FTS5 keeps a deleted text's terms until its segments merge.
    sqlite.prepare("INSERT INTO request_search(request_search, rank) VALUES('secure-delete', 1)").run();
    const clientId = ensureClientId(db);
    return {
      db, sqlite, user: options.user, hubHost: options.hubHost, file, filesDir, uploadsDir, reportsDir, clientId,
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
