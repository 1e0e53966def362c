// Test helpers: a desk (in-memory replica + sync engine) for one user of the shared fixture world, and a manual clock.
import { openReplica } from '../../../electron/desk/replica/openReplica';
import type { Replica } from '../../../electron/desk/replica/openReplica';
import { writeAuthority } from '../../../electron/desk/replica/directoryStore';
import { replicaEnvironment } from '../../../electron/desk/commands/replicaEnvironment';
import type { ReferenceLookups } from '../../../electron/desk/commands/replicaEnvironment';
import { queueCommand } from '../../../electron/desk/commands/commandQueue';
import type { QueueResult } from '../../../electron/desk/commands/commandQueue';
import { createSyncEngine } from '../../../electron/desk/sync/syncEngine';
import type { HubSyncClient, SyncClock, SyncEngine } from '../../../electron/desk/sync/syncEngine';
import { RequestCommand } from '../../../shared/request/commands';
import type { RequestEnvironment } from '../../../shared/request/environment';
import type { CommandInput, World } from '../../../shared/testkit/world.testkit';
import { T0 } from '../../../shared/testkit/world.testkit';

export function reference(w: World): ReferenceLookups {
  return { questionSet: (id) => w.env.questionSet(id), subjectSection: (area) => w.env.subjectSection(area) };
}

export interface TestDesk {
  replica: Replica;
  env: RequestEnvironment;
  engine: SyncEngine;
  /** Queues a command as the desk's user, at `at`. */
  queue(command: CommandInput, at?: string): QueueResult;
}

export interface TestDeskOptions {
  hub: HubSyncClient;
  clock?: SyncClock;
  random?: () => number;
  /** Where cached files go; the SQLite database itself stays in memory. */
  dataDir?: string;
  /** Fill the directory table first, as an initial sync would (default true). */
  withDirectory?: boolean;
  pageSize?: number;
}

export function testDesk(w: World, userId: string, options: TestDeskOptions): TestDesk {
  const user = w.users.get(userId);
  if (!user) throw new Error(`no user ${userId}`);
  const replica = openReplica({ dataDir: options.dataDir ?? '/nonexistent', hubHost: 'hub.test', user, inMemory: true });
  if (options.withDirectory ?? true) for (const a of w.authorities.values()) writeAuthority(replica.db, a, 0);
  const env = replicaEnvironment(replica, reference(w));
  const engine = createSyncEngine({
    replica, hub: options.hub, reference: reference(w), random: options.random ?? (() => 0.5),
    clock: options.clock ?? new ManualClock(), ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  return {
    replica, env, engine,
    queue: (command, at = T0) => queueCommand(replica, w.actor(userId), RequestCommand.parse(command), at, env),
  };
}

/** A clock whose timers fire only when the test says so; records every delay asked for. */
export class ManualClock implements SyncClock {
  readonly delays: number[] = [];
  private timers: { fn: () => void; handle: number }[] = [];
  private nextHandle = 1;
  constructor(private current = new Date(T0)) {}
  now(): Date { return this.current; }
  setTimeout(fn: () => void, ms: number): unknown {
    this.delays.push(ms);
    const handle = this.nextHandle++;
    this.timers.push({ fn, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void { this.timers = this.timers.filter((t) => t.handle !== handle); }
  /** Fires every pending timer. */
  fire(): void {
    const due = this.timers;
    this.timers = [];
    for (const t of due) t.fn();
  }
  get waiting(): number { return this.timers.length; }
}
