// Migrations apply on every backend, and an on-disk PGlite keeps its data across a restart (migrations run again harmlessly).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hasAuthorities } from '../authorities/authorityStore';
import { loadDemoDataIfEmpty } from '../demo/loadDemoData';
import { hubBackends } from '../testing/hubHarness.testkit';
import { openHubDatabase } from './openHubDatabase';

const TABLES = ['audit_log', 'authorities', 'credentials', 'login_attempts', 'login_challenges', 'sessions', 'users'];
const cheap = { memoryCost: 64, timeCost: 1 };

describe.each(hubBackends())('hub database on $name', (backend) => {
  it('applies the migrations and creates the tables of log-in and user management', async () => {
    const database = await backend.open();
    try {
      // Both drivers answer raw SQL with `{ rows }`; the shared PgDatabase type leaves the result unknown.
      const result = (await database.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`)) as unknown as { rows: Array<{ table_name: string }> };
      expect(result.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      await database.close();
    }
  }, 120_000);
});

describe('PGlite on disk', () => {
  it('keeps the demo data across a restart and does not load it twice', async () => {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'imi-hub-')), 'nested', 'pgdata');
    try {
      const first = await openHubDatabase({ kind: 'pglite', dataDir });
      expect(await loadDemoDataIfEmpty(first.db, cheap, new Date())).not.toBeNull();
      await first.close();
      const again = await openHubDatabase({ kind: 'pglite', dataDir });
      expect(await hasAuthorities(again.db)).toBe(true);
      expect(await loadDemoDataIfEmpty(again.db, cheap, new Date())).toBeNull();
      await again.close();
    } finally {
      await rm(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
    }
  }, 120_000);
});
