// Test harness for the hub: the database backends every hub test runs on (PGlite always, PostgreSQL when
// HUB_TEST_DATABASE_URL is set), a hub with demo data, a settable clock and a recording mailer, and log-in helpers.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { settableClock, type SettableClock } from '../clock';
import { testHubConfig, type HubConfigInput } from '../config';
import { openHubDatabase, type HubDatabase } from '../db/openHubDatabase';
import type { HubDeps } from '../deps';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from '../demo/demoData';
import { loadDemoDataIfEmpty } from '../demo/loadDemoData';
import { recordingMailer, type RecordingMailer } from '../mailer';
import { completeLogin, startLogin, type LoginResult } from '../auth/login';
import type { Outcome } from '../errors';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<HubDatabase>;
}

const pgliteBackend: Backend = { name: 'pglite', open: () => openHubDatabase({ kind: 'pglite', dataDir: null }) };

/** A fresh database on the server per call, dropped again on close. */
function postgresBackend(adminUrl: string): Backend {
  return {
    name: 'postgres',
    open: async () => {
      const name = `imi_hub_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try { await admin.query(`CREATE DATABASE ${name}`); } finally { await admin.end(); }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await openHubDatabase({ kind: 'postgres', url: url.toString() });
      return {
        ...database,
        close: async () => {
          await database.close();
          const dropper = new pg.Client({ connectionString: adminUrl });
          await dropper.connect();
          try { await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } finally { await dropper.end(); }
        },
      };
    },
  };
}

let skipNoticePrinted = false;

/** The backends to run on. In CI a missing PostgreSQL is an error, not a skip. */
export function hubBackends(env: NodeJS.ProcessEnv = process.env): Backend[] {
  const url = env.HUB_TEST_DATABASE_URL;
  if (url) return [pgliteBackend, postgresBackend(url)];
  if (env.CI === 'true') throw new Error('CI=true but HUB_TEST_DATABASE_URL is not set: the hub tests must also run on PostgreSQL in CI (see .ci/run)');
  if (!skipNoticePrinted) {
    skipNoticePrinted = true;
    console.warn('[hub tests] HUB_TEST_DATABASE_URL is not set: running on PGlite only, SKIPPING the PostgreSQL run. Set it (e.g. postgres://imi:imi@127.0.0.1:5432/postgres) to include it.');
  }
  return [pgliteBackend];
}

export interface TestHub {
  deps: HubDeps;
  clock: SettableClock;
  mailer: RecordingMailer;
  database: HubDatabase;
  close(): Promise<void>;
}

/** A hub with the demo data loaded, a settable clock and a recording mailer. */
export async function openTestHub(backend: Backend, overrides: Partial<HubConfigInput> = {}): Promise<TestHub> {
  const database = await backend.open();
  const config = testHubConfig(overrides);
  const clock = settableClock();
  const mailer = recordingMailer();
  await loadDemoDataIfEmpty(database.db, config.argon2, clock.now());
  return { deps: { db: database.db, config, clock, mailer }, clock, mailer, database, close: () => database.close() };
}

/** Empties every table of the hub schema (whoever added it) and loads the demo data again: much cheaper than a new database per test. */
async function resetTestHub(hub: TestHub): Promise<void> {
  const tables = (await hub.database.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows: Array<{ table_name: string }> };
  const names = tables.rows.map((r) => `"${r.table_name}"`).join(', ');
  if (names) await hub.database.db.execute(sql.raw(`TRUNCATE ${names} RESTART IDENTITY CASCADE`));
  hub.clock.set(settableClock().now());
  hub.mailer.sent.length = 0;
  await loadDemoDataIfEmpty(hub.database.db, hub.deps.config.argon2, hub.clock.now());
}

/**
 * Registers vitest hooks for a describe block: one database for the block, reset to the demo data before each test.
 * Returns a getter for the current hub.
 */
export function useTestHub(backend: Backend, overrides: Partial<HubConfigInput> = {}): () => TestHub {
  let hub: TestHub | undefined;
  let fresh = false;
  beforeAll(async () => { hub = await openTestHub(backend, overrides); fresh = true; }, 120_000);
  afterAll(async () => { await hub?.close(); }, 60_000);
  beforeEach(async () => {
    if (!hub) throw new Error('test hub failed to open');
    if (!fresh) await resetTestHub(hub);
    fresh = false;
  }, 60_000);
  return () => {
    if (!hub) throw new Error('test hub not open');
    return hub;
  };
}

/** The characters of `code` at the 1-based positions asked. */
export function charactersAt(code: string, positions: readonly number[]): string[] {
  return positions.map((p) => code[p - 1] ?? '');
}

export interface Credentials {
  password?: string;
  securityCode?: string | null;
  remoteAddress?: string;
}

/** Both log-in steps as a desk would do them; the demo credentials unless told otherwise. */
export async function logIn(deps: HubDeps, username: string, credentials: Credentials = {}): Promise<Outcome<LoginResult>> {
  const remoteAddress = credentials.remoteAddress ?? '127.0.0.1';
  const challenge = await startLogin(deps, { username }, remoteAddress);
  if (!challenge.ok) return challenge;
  const code = credentials.securityCode === undefined ? DEMO_SECURITY_CODE : credentials.securityCode;
  return completeLogin(deps, {
    challengeId: challenge.value.challengeId,
    username,
    password: credentials.password ?? DEMO_PASSWORD,
    codeCharacters: code === null ? undefined : charactersAt(code, challenge.value.positions),
  }, remoteAddress);
}

/** Logs in and returns the result, failing the test with the reason if refused. */
export async function logInOk(deps: HubDeps, username: string, credentials: Credentials = {}): Promise<LoginResult> {
  const outcome = await logIn(deps, username, credentials);
  if (!outcome.ok) throw new Error(`log-in of ${username} refused: ${outcome.reason}`);
  return outcome.value;
}

/** A password that is wrong for every demo user. */
export const WRONG_PASSWORD = 'NotTheDemo2025';
