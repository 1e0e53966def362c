// The desk's sync loop (DESIGN §6): push the outbox in order, pull the change feed page by page, rebase
// pending commands, repeat on poke, on reconnect and on a timer; back off with jitter when the hub fails.
import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { asc, inArray } from 'drizzle-orm';
import { outbox } from '../../../db/replica/schema';
import type { RequestCommand } from '../../../shared/request/commands';
import { MAX_COMMANDS_PER_BATCH, PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import type { PullPage, PullRequest, PushRequest, PushResponse } from '../../../shared/sync/protocol';
import { replicaEnvironment } from '../commands/replicaEnvironment';
import type { ReferenceLookups } from '../commands/replicaEnvironment';
import type { DecisionParty } from '../commands/workingCopy';
import type { Replica } from '../replica/openReplica';
import { safeSegment } from '../replica/replicaPaths';
import { readNumber, readState, writeState } from '../replica/syncState';
import { applyPage, dropReplicatedData, purgeReplica } from './applyPage';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { BackoffOptions } from './backoff';
import { applyOutcomes, countOpenAttention, countOutbox } from './outcomes';

/** The stable reason of a hub refusal (the hub link's HubRefusalError carries one), if the error is one. */
function refusalReason(error: unknown): string | undefined {
  const reason = error instanceof Error ? (error as Error & { reason?: unknown }).reason : undefined;
  return typeof reason === 'string' ? reason : undefined;
}

/** What the desk needs of the hub; a transient failure (network, hub down) is a thrown error. */
export interface HubSyncClient {
  push(req: PushRequest): Promise<PushResponse>;
  pull(req: PullRequest): Promise<PullPage>;
}

export interface SyncClock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SyncClock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SyncStatus {
  online: boolean;
  pendingCount: number;
  lastSyncAt: string | null;
  lastError: string | null;
  attentionCount: number;
  /** Delay until the loop's next attempt (poll interval or backoff), null when the loop is not waiting. */
  retryInMs: number | null;
}

export interface SyncEngineOptions {
  replica: Replica;
  hub: HubSyncClient;
  clock?: SyncClock;
  random?: () => number;
  reference?: ReferenceLookups;
  pageSize?: number;
  /** Fallback polling when no poke arrives. */
  pollIntervalMs?: number;
  backoff?: BackoffOptions;
}

export interface SyncEngine {
  /** One full round: push everything queued, then pull until the feed is drained. Rejects on a transient failure. */
  syncOnce(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  /** The hub says something changed (data-free poke over the subscription). */
  poke(): void;
  /** The network is back: retry now and forget the backoff. */
  reconnect(): void;
  status(): SyncStatus;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Something the status counts changed outside a round (an attention item dismissed): tell the listeners. */
  notify(): void;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { replica, hub } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const pageSize = options.pageSize ?? 200;
  const pollIntervalMs = options.pollIntervalMs ?? 60_000;
  const party: DecisionParty = { actor: replica.user, env: replicaEnvironment(replica, options.reference) };
  const events = new EventEmitter();
  let online = false;
  let retryInMs: number | null = null;

  const status = (): SyncStatus => ({
    online,
    pendingCount: countOutbox(replica.db),
    lastSyncAt: readState(replica.db, 'lastSyncAt') ?? null,
    lastError: readState(replica.db, 'lastError') || null,
    attentionCount: countOpenAttention(replica.db),
    retryInMs,
  });
  const emit = () => events.emit('status', status());

  async function push(): Promise<void> {
    for (;;) {
      const rows = replica.db.select().from(outbox).orderBy(asc(outbox.seq)).limit(MAX_COMMANDS_PER_BATCH).all();
      if (rows.length === 0) return;
      const seqs = rows.map((r) => r.seq);
      replica.db.update(outbox).set({ state: 'sent' }).where(inArray(outbox.seq, seqs)).run();
      const response = await hub.push({
        protocolVersion: PROTOCOL_VERSION,
        commands: rows.map((r) => ({ clientId: replica.clientId, seq: r.seq, command: r.command as RequestCommand })),
      });
      const at = clock.now().toISOString();
      replica.db.transaction((tx) => applyOutcomes(tx, party, response.outcomes, at));
      const progressed = response.outcomes.some((o) => seqs.includes(o.seq));
      if (!progressed) throw new Error(`hub answered no command of seq ${seqs[0]}..${seqs.at(-1)} (its last seq: ${response.lastSeq})`);
      emit();
    }
  }

  async function removeCachedFiles(caseIds: readonly string[]): Promise<void> {
    await Promise.all(caseIds.map((id) => rm(join(replica.filesDir, safeSegment(id)), { recursive: true, force: true })));
  }

  async function pull(): Promise<void> {
    let resynced = false;
    for (;;) {
      // No marker yet (a replica synced before the hub gave one): the hub falls back to comparing with `after`.
      const rightsAsOf = readState(replica.db, 'rightsAsOf');
      const page = await hub.pull({
        protocolVersion: PROTOCOL_VERSION, after: readNumber(replica.db, 'lastPosition'), limit: pageSize,
        ...(rightsAsOf ? { rightsAsOf: Number(rightsAsOf) } : {}),
      });
      if (page.resyncRequired) {
        if (resynced) throw new Error('hub asked for a resync twice in one round');
        resynced = true;
        await removeCachedFiles(dropReplicatedData(replica.db));
        continue;
      }
      await removeCachedFiles(applyPage(replica.db, party, page));
      emit();
      if (!page.hasMore) return;
    }
  }

  /** A deactivated account may see nothing: empty the replica and its folders (the session manager stops the loop). */
  async function purge(): Promise<void> {
    purgeReplica(replica);
    await Promise.all([replica.filesDir, replica.uploadsDir, replica.reportsDir].map((dir) => rm(dir, { recursive: true, force: true })));
  }

  let running: Promise<void> | null = null;
  function syncOnce(): Promise<void> {
    // One round at a time: a poke during a round is served by that round's pull or the next one.
    running ??= (async () => {
      try {
        await push();
        await pull();
        online = true;
        writeState(replica.db, 'lastSyncAt', clock.now().toISOString());
        writeState(replica.db, 'lastError', '');
      } catch (error) {
        online = false;
        if (refusalReason(error) === 'ACCOUNT_DEACTIVATED') await purge();
        writeState(replica.db, 'lastError', error instanceof Error ? error.message : String(error));
        throw error;
      } finally {
        running = null;
        emit();
      }
    })();
    return running;
  }

  // The loop: one round, then wait for a poke, a reconnect, or the timer (poll interval or backoff).
  let started = false;
  let failures = 0;
  let wake: (() => void) | null = null;
  // A poke that arrives while a round runs may come after that round's push: it earns one more round, not the timer.
  let pokedDuringRound = false;
  let loopDone: Promise<void> = Promise.resolve();

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = clock.setTimeout(() => { wake = null; resolve(); }, ms);
      wake = () => { clock.clearTimeout(handle); wake = null; resolve(); };
    });
  }

  async function loop(): Promise<void> {
    while (started) {
      pokedDuringRound = false;
      try {
        await syncOnce();
        failures = 0;
        retryInMs = pollIntervalMs;
      } catch {
        failures += 1;
        retryInMs = backoffDelay(failures, random, options.backoff ?? DEFAULT_BACKOFF);
      }
      if (!started) break;
      emit();
      if (pokedDuringRound && failures === 0) continue;
      await sleep(retryInMs);
    }
    retryInMs = null;
  }

  return {
    syncOnce,
    start() {
      if (started) return;
      started = true;
      loopDone = loop();
    },
    async stop() {
      started = false;
      wake?.();
      await loopDone;
    },
    poke() {
      // While backing off, a poke does not cut the wait short: the hub may be reachable but failing.
      if (failures !== 0) return;
      if (wake) wake();
      else pokedDuringRound = true;
    },
    reconnect() {
      failures = 0;
      wake?.();
    },
    status,
    onStatus(listener) {
      events.on('status', listener);
      return () => events.off('status', listener);
    },
    notify: emit,
  };
}

