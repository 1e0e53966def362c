// `npm run bench` (DESIGN §7): measures, in one run on this machine, the replica's apply rate against raw
// better-sqlite3 inserts, an end-to-end initial sync from a real hub, hub write → visible on another desk, command
// round trip, draining 10,000 offline commands, list and search queries over 100,000 cases, desk cold start, and the
// report benchmark. Prints figures; never fails on a timing.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { referenceLookups, replicaEnvironment } from '../../electron/desk/commands/replicaEnvironment';
import { openReplica } from '../../electron/desk/replica/openReplica';
import { actionList, searchRequests } from '../../electron/desk/search/requestLists';
import { applyPage } from '../../electron/desk/sync/applyPage';
import { loadReferenceData } from '../../shared/reference/referenceData';
import type { RequestView } from '../../shared/request/visibility';
import type { FeedChange } from '../../shared/sync/protocol';
import { seedCopies } from '../sync/support/seedCases';
import { completeDraft, text } from '../sync/support/shippedCases';
import { startSyncHub } from '../sync/support/syncHub';
import type { SyncHub } from '../sync/support/syncHub';
import { openTestDesk } from '../sync/support/testDesk';

/** Cases in the replica the queries run over. */
const REPLICA_CASES = Number(process.env.BENCH_REPLICA_CASES ?? 100_000);
/** Cases applied through the desk's real applyPage (at ~500 rows/s today, all 100,000 would take minutes). */
const APPLIED_CASES = Math.min(REPLICA_CASES, Number(process.env.BENCH_APPLIED_CASES ?? 10_000));
const E2E_CASES = Number(process.env.BENCH_E2E_CASES ?? 5_000);
/** Issue 4's target; drains linearly since outcomes are applied per batch (electron/desk/sync/outcomes.ts). */
const DRAIN_COMMANDS = Number(process.env.BENCH_DRAIN_COMMANDS ?? 10_000);
const LATENCY_SAMPLES = 60;
const PAGE = 500;

const results: Array<[string, string]> = [];
const report = (name: string, value: string) => { results.push([name, value]); console.log(`${name.padEnd(58)} ${value}`); };
const ms = (n: number) => `${n.toFixed(1)} ms`;
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en')} rows/s`;
const percentile = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN; };
const sleep = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

/** Polls `check` every millisecond, up to `timeoutMs`; resolves with the elapsed time. */
async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(1);
  }
  return performance.now() - start;
}

function cloneView(template: RequestView, i: number): RequestView {
  return { ...template, case: { ...template.case, id: `bench-${i}`, entryNumber: 100_000 + i } } as RequestView;
}

async function replicaApply(sync: SyncHub, template: RequestView, dir: string): Promise<string> {
  const user = await sync.userByName('hu-enkk-handler');
  const replica = openReplica({ dataDir: dir, hubHost: 'bench', user });
  const party = { actor: user, env: replicaEnvironment(replica, referenceLookups(loadReferenceData())) };
  const views = Array.from({ length: APPLIED_CASES }, (_, i) => cloneView(template, i));
  let start = performance.now();
  for (let from = 0; from < views.length; from += PAGE) {
    const changes: FeedChange[] = views.slice(from, from + PAGE).map((v, k) => ({ op: 'upsert', position: from + k + 1, entity: 'request', id: v.case.id, data: v }));
    applyPage(replica.db, party, { changes, nextAfter: from + PAGE, hasMore: from + PAGE < views.length, resyncRequired: false });
  }
  const applySeconds = (performance.now() - start) / 1000;
  report(`replica apply (applyPage, pages of ${PAGE}), first ${APPLIED_CASES.toLocaleString('en')} cases of an initial sync`, rate(APPLIED_CASES, applySeconds));

  // Baseline: the same rows (list columns + JSON, twice as the replica keeps server and working copy) in raw batched inserts.
  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('create table requests (id text primary key, entry_number integer, status text, due_date text, server_data text, data text)');
  const insert = raw.prepare('insert into requests values (?, ?, ?, ?, ?, ?)');
  const batch = raw.transaction((rows: RequestView[]) => { for (const v of rows) { const json = JSON.stringify(v); insert.run(v.case.id, v.case.entryNumber, v.case.status, v.case.dueDate, json, json); } });
  start = performance.now();
  for (let from = 0; from < views.length; from += PAGE) batch(views.slice(from, from + PAGE));
  const rawSeconds = (performance.now() - start) / 1000;
  raw.close();
  report('raw better-sqlite3 batched inserts of the same rows', rate(APPLIED_CASES, rawSeconds));
  fillReplica(replica.sqlite, template, APPLIED_CASES, REPLICA_CASES);
  report('ratio replica apply / raw inserts', `${(rawSeconds / applySeconds).toFixed(2)} (1.00 = as fast as raw)`);

  const timed = (name: string, fn: () => unknown) => { const t = performance.now(); fn(); report(name, ms(performance.now() - t)); };
  const today = new Date().toISOString().slice(0, 10);
  const over = `over ${REPLICA_CASES.toLocaleString('en')} cases (first 50)`;
  timed(`action list "toBeAnswered" ${over}`, () => actionList(replica.db, 'toBeAnswered', user, today, { limit: 50 }));
  timed(`action list "overdue" ${over}`, () => actionList(replica.db, 'overdue', user, today, { limit: 50 }));
  timed(`full-text search "rossi" (every case matches) ${over}`, () => searchRequests(replica.db, 'rossi', { limit: 50 }));
  timed(`full-text search with no match ${over}`, () => searchRequests(replica.db, 'nomatchatall', { limit: 50 }));
  const file = replica.file;
  replica.close();
  const t = performance.now();
  const reopened = openReplica({ dataDir: dir, hubHost: 'bench', user });
  actionList(reopened.db, 'toBeAnswered', user, today, { limit: 50 });
  report(`cold open of a ${REPLICA_CASES.toLocaleString('en')}-case replica + first action list`, ms(performance.now() - t));
  reopened.close();
  return file;
}

/**
 * Brings the replica to `to` cases with raw inserts copying the rows applyPage wrote for the first case (row and
 * search entry), so the queries run over a full-size replica without minutes of applying.
 */
function fillReplica(sqlite: Database.Database, template: RequestView, from: number, to: number): void {
  const row = sqlite.prepare('select * from requests where id = ?').get('bench-0') as Record<string, unknown>;
  const search = sqlite.prepare('select authorities, texts from request_search where case_id = ?').get('bench-0') as { authorities: string; texts: string };
  const columns = Object.keys(row);
  const insert = sqlite.prepare(`insert into requests (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
  const index = sqlite.prepare('insert into request_search (case_id, entry_number, authorities, texts) values (?, ?, ?, ?)');
  const fill = sqlite.transaction((start: number, end: number) => {
    for (let i = start; i < end; i += 1) {
      const view = JSON.stringify(cloneView(template, i));
      insert.run({ ...row, id: `bench-${i}`, entry_number: 100_000 + i, server_data: view, data: view, updated_position: i + 1 });
      index.run(`bench-${i}`, String(100_000 + i), search.authorities, search.texts);
    }
  });
  for (let start = from; start < to; start += 10_000) fill(start, Math.min(to, start + 10_000));
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'imi-bench-'));
  const coldStart = performance.now();
  const sync = await startSyncHub();
  report('hub start (PGlite, demo data)', ms(performance.now() - coldStart));
  try {
    // One real request, answered, as the template of every synthetic case.
    const requester = await sync.api('it-salute-handler');
    const responderApi = await sync.api('hu-enkk-handler');
    await requester.ok(completeDraft('bench-template'));
    await requester.ok({ type: 'sendRequest', caseId: 'bench-template' });
    await responderApi.ok({ type: 'acceptRequest', caseId: 'bench-template', days: 10 });
    const hubCase = await sync.caseOnHub('bench-template');
    const template = (await sync.viewsFor(await sync.userByName('hu-enkk-handler'))).get('bench-template');
    if (!hubCase || !template) throw new Error('no template case');

    // End to end: the hub serves E2E_CASES to a fresh desk over HTTP.
    await seedCopies(sync, [hubCase], E2E_CASES, 'e2e', 200_000);
    let t = performance.now();
    const fresh = await openTestDesk(sync.url(), { dataDir: path.join(dir, 'e2e') });
    await fresh.logIn('hu-enkk-handler');
    report('desk service cold start to signed in (online log-in)', ms(performance.now() - t));
    t = performance.now();
    await fresh.settle(240_000);
    report(`end-to-end initial sync from the hub (${E2E_CASES.toLocaleString('en')} cases, pages of 200)`, rate(E2E_CASES, (performance.now() - t) / 1000));

    // Hub write → visible on another desk (poke-driven; the fallback poll is 60 s, so a poke must do it).
    const watcher = await openTestDesk(sync.url(), { pollIntervalMs: 60_000 });
    await watcher.logIn('it-salute-handler');
    await watcher.settle(120_000);
    const lags: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      const messageId = `lag-${i}`;
      const start = performance.now();
      await responderApi.ok({ type: 'addMessage', caseId: 'bench-template', messageId, messageType: 'OTHER', text: text(`lag ${i}`) });
      await until(() => { const c = watcher.view('bench-template')?.case; return !!c && 'messages' in c && c.messages.some((m) => m.id === messageId); }, 10_000);
      lags.push(performance.now() - start);
    }
    report('hub write → visible on another desk, p50', ms(percentile(lags, 50)));
    report('hub write → visible on another desk, p99', ms(percentile(lags, 99)));

    // Command round trip: queued on a desk until the hub's outcome is applied to it.
    const trips: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      const start = performance.now();
      const queued = fresh.command({ type: 'addMessage', caseId: 'bench-template', messageId: `trip-${i}`, messageType: 'OTHER', text: text(`trip ${i}`) });
      if (!queued.ok) throw new Error(`round trip command refused: ${queued.rejection.reason}`);
      await until(() => fresh.signedIn().sync.status().pendingCount === 0, 10_000);
      trips.push(performance.now() - start);
    }
    report('command round trip (queue → hub outcome applied), p50', ms(percentile(trips, 50)));

    // Draining 10,000 commands queued offline (the desk's queue is written while the hub is unreachable). The other
    // desks close first: the watcher would pull every new draft in this same process and bill it to the drain.
    await Promise.all([fresh.close(), watcher.close()]);
    const proxy = await sync.proxy();
    const drainer = await openTestDesk(proxy.url, { pollIntervalMs: 60_000 });
    await drainer.logIn('it-salute-lda');
    await drainer.settle(120_000);
    await proxy.cut();
    t = performance.now();
    for (let i = 0; i < DRAIN_COMMANDS; i += 1) {
      const queued = drainer.command(completeDraft(`drain-${i}`));
      if (!queued.ok) throw new Error(`drain command refused: ${queued.rejection.reason}`);
    }
    report(`queueing ${DRAIN_COMMANDS.toLocaleString('en')} commands offline (local decide + outbox)`, ms(performance.now() - t));
    await proxy.restore();
    t = performance.now();
    await drainer.settle(1_800_000);
    report(`draining ${DRAIN_COMMANDS.toLocaleString('en')} queued offline commands (push + pull)`, ms(performance.now() - t));
    await drainer.close();
    // Last: it blocks this process (and so the hub in it) for a while.
    await replicaApply(sync, template, dir);
  } finally {
    await sync.close();
    await rm(dir, { recursive: true, force: true });
  }

  console.log('\nreport benchmark (tests/reports/reportBench.ts):');
  const reportOut = execFileSync(process.execPath, ['--import', 'tsx', path.join('tests', 'reports', 'reportBench.ts')], { encoding: 'utf8' });
  process.stdout.write(reportOut);
  for (const line of reportOut.split('\n').filter((l) => /\d/.test(l))) results.push(['report', line.trim()]);
  console.log(`\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
