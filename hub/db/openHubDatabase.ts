// Opens the hub database — PGlite (on disk or in memory) or a PostgreSQL server — runs the migrations and hands back one typed handle.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../../db/hub/schema';

export type HubSchema = typeof schema;
/** The one database type the hub codes against: the PgDatabase API shared by the PGlite and node-postgres drivers. */
export type HubDb = PgDatabase<PgQueryResultHKT, HubSchema>;
export type HubTx = PgTransaction<PgQueryResultHKT, HubSchema, ExtractTablesWithRelations<HubSchema>>;
/** Either the database or an open transaction: store functions accept both so callers decide the transaction boundary. */
export type HubExecutor = HubDb | HubTx;

export interface HubDatabase {
  db: HubDb;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type HubDatabaseLocation =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string };

const migrationsFolder = fileURLToPath(new URL('../../db/hub/migrations', import.meta.url));

export async function openHubDatabase(location: HubDatabaseLocation): Promise<HubDatabase> {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    const db = drizzleNodePg({ client: pool, schema });
    try {
      await migrateNodePg(db, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db: db as unknown as HubDb, kind: 'postgres', close: () => pool.end() };
  }
  // PGlite creates only the last folder of the path; a fresh user data folder may lack the parents.
  if (location.dataDir !== null) await mkdir(location.dataDir, { recursive: true });
  const client = location.dataDir === null ? new PGlite() : new PGlite(location.dataDir);
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db: db as unknown as HubDb, kind: 'pglite', close: () => client.close() };
}

/** Where the configuration says the database is: a server URL wins over the PGlite directory. */
export function databaseLocation(config: { databaseUrl: string | null; dataDir: string | null }): HubDatabaseLocation {
  return config.databaseUrl !== null ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
}
