// A real desk service in this process (no web server in between) for the sync tests: its own data folder, online
// log-in as a demo user, commands queued as the `requests.command` procedure queues them, and waits that are
// bounded in time. The renderer's path over HTTP is covered by tests/desk/webDeskAgainstHub.test.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from '../../../hub/demo/demoData';
import { charactersAt } from '../../../hub/testing/hubHarness.testkit';
import { RequestCommand } from '../../../shared/request/commands';
import type { RequestView } from '../../../shared/request/visibility';
import type { QueueResult } from '../../../electron/desk/commands/commandQueue';
import { queueCommand } from '../../../electron/desk/commands/commandQueue';
import { createDeskService } from '../../../electron/desk/deskComposition';
import type { DeskService, SignedInDesk } from '../../../electron/desk/deskService';
import { readRequest } from '../../../electron/desk/replica/requestStore';
import { memorySettingsStore } from '../../../electron/desk/settings/settingsStore';
import { openAttention } from '../../../electron/desk/sync/attentionList';
import type { AttentionItem } from '../../../electron/desk/sync/attentionList';
import type { CommandInput } from './shippedCases';

export interface TestDeskOptions {
  dataDir?: string;
  /** Small pages make a pull span many requests, so a cut lands mid-page. */
  pageSize?: number;
  pollIntervalMs?: number;
}

export interface SyncTestDesk {
  service: DeskService;
  dataDir: string;
  username: string | null;
  logIn(username: string): Promise<void>;
  signedIn(): SignedInDesk;
  command(command: CommandInput): QueueResult;
  /** The working copy the UI shows, or null when the desk does not hold the case. */
  view(id: string): RequestView | null;
  attention(): AttentionItem[];
  /** Until a full round (push all, pull to the head) succeeds with nothing left queued; bounded by `timeoutMs`. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Seconds of a loop iteration guard: every wait here is bounded. */
const STEP_MS = 50;

export async function openTestDesk(hubUrl: string, options: TestDeskOptions = {}): Promise<SyncTestDesk> {
  const dataDir = options.dataDir ?? await mkdtemp(path.join(os.tmpdir(), 'imi-sync-desk-'));
  const service = createDeskService({
    dataDir,
    settings: memorySettingsStore({ workstation: { hubUrl, proxy: { mode: 'system' } } }),
    verifierCost: { memoryCost: 64, timeCost: 1 },
    sync: { pollIntervalMs: options.pollIntervalMs ?? 500, backoff: { baseMs: 50, maxMs: 250 }, ...(options.pageSize ? { pageSize: options.pageSize } : {}) },
  });
  const desk: SyncTestDesk = {
    service, dataDir, username: null,
    async logIn(username) {
      const challenge = await service.session.startLogin(username);
      if (!challenge.ok) throw new Error(`log-in of ${username} refused: ${challenge.reason}`);
      const done = await service.session.completeLogin({
        challengeId: challenge.value.challengeId, username, password: DEMO_PASSWORD, codeCharacters: charactersAt(DEMO_SECURITY_CODE, challenge.value.positions),
      });
      if (!done.ok || done.value.state !== 'signedIn') throw new Error(`log-in of ${username} did not finish: ${JSON.stringify(done)}`);
      desk.username = username;
    },
    signedIn() {
      const s = service.signedIn();
      if (!s) throw new Error('desk not signed in');
      return s;
    },
    command(command) {
      const { replica, user, env, sync } = desk.signedIn();
      const result = queueCommand(replica, user, RequestCommand.parse(command), service.now().toISOString(), env);
      if (result.ok) sync.poke();
      return result;
    },
    view(id) {
      return readRequest(desk.signedIn().replica.db, id)?.data ?? null;
    },
    attention: () => openAttention(desk.signedIn().replica.db),
    async settle(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      let last: unknown = null;
      while (Date.now() < deadline) {
        const { sync } = desk.signedIn();
        try {
          await sync.syncOnce();
          if (sync.status().pendingCount === 0) {
            // A round that was already running when we asked may have started before our last command: one more.
            await sync.syncOnce();
            if (sync.status().pendingCount === 0) return;
          }
        } catch (error) {
          last = error;
        }
        await new Promise((resolve) => setTimeout(resolve, STEP_MS));
      }
      throw new Error(`desk of ${desk.username} did not settle in ${timeoutMs} ms: ${String(last)}`);
    },
    async close() {
      await service.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return desk;
}

/** The replica file opened read-only, as a forensic look at what is on disk (not through the desk's code). */
export function readReplicaFile(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}
