// A hub on loopback for cross-cutting tests: demo data, the fixture question sets of shared/testkit, a recording mailer,
// a settable clock, the LISTEN/NOTIFY poke bridge; and desk-like API clients that log in as demo users, push commands
// with their own client id and seq, and pull the feed.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTRPCClient, createWSClient, httpLink, isTRPCClientError, wsLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import WebSocket from 'ws';
import type { HubRouter } from '../../../hub/router';
import { startHubServer, type RunningHub } from '../../../hub/server';
import { PokeBus } from '../../../hub/pokes';
import { logInOk, openTestHub, type Backend, type TestHub } from '../../../hub/testing/hubHarness.testkit';
import { referenceLookupOf } from '../../../hub/requests/referenceLookup';
import { startChangeListener } from '../../../hub/sync/changeNotifier';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBlobStore } from '../../../hub/blobs/blobStore';
import { createUploadSessions } from '../../../hub/blobs/uploadSessions';
import type { CommandInput } from '../../../shared/testkit/world.testkit';
import { pqStandard, sdDerogation, subjectSections } from '../../../shared/testkit/world.testkit';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import type { CommandOutcome, FeedChange, PullPage } from '../../../shared/sync/protocol';
import type { HubConfigInput } from '../../../hub/config';

export const FIXTURE_REFERENCE = referenceLookupOf({ questionSets: [pqStandard, sdDerogation], subjectSections: [subjectSections.PQ, subjectSections.SD] });

export interface ApiHub {
  hub: TestHub;
  server: RunningHub;
  pokes: PokeBus;
  /** A desk client logged in as this demo user (a fresh client id each time). */
  desk(username: string): Promise<Desk>;
}


const SYNC_TABLES = ['command_outcomes', 'client_sequences', 'changes', 'cases', 'upload_owners'];

export function useApiHub(backend: Backend, overrides: Partial<HubConfigInput> = {}): () => ApiHub {
  let api: ApiHub | undefined;
  let stopListener: (() => Promise<void>) | undefined;
  const desks: Desk[] = [];
  beforeAll(async () => {
    const hub = await openTestHub(backend, overrides);
    hub.deps.reference = FIXTURE_REFERENCE;
    const blobDir = await mkdtemp(path.join(os.tmpdir(), 'imi-hub-blobs-'));
    const store = createBlobStore(path.join(blobDir, 'store'));
    hub.deps.attachments = { store, uploads: createUploadSessions(store, path.join(blobDir, 'uploads'), { now: () => hub.clock.now() }) };
    const pokes = new PokeBus();
    const server = await startHubServer(hub.deps, pokes);
    stopListener = await startChangeListener(hub.database.db, pokes);
    api = {
      hub, server, pokes,
      desk: async (username) => {
        const { token } = await logInOk(hub.deps, username);
        const desk = new Desk(username, server, token);
        desks.push(desk);
        return desk;
      },
    };
  }, 120_000);
  beforeEach(async () => {
    if (!api) throw new Error('api hub failed to open');
    await api.hub.database.db.execute(sql.raw(`TRUNCATE ${SYNC_TABLES.join(', ')} RESTART IDENTITY CASCADE`));
    await api.hub.database.db.execute(sql`select setval('entry_number_seq', 63000, false)`);
    api.hub.mailer.sent.length = 0;
  });
  afterAll(async () => {
    for (const d of desks) d.close();
    await stopListener?.();
    await api?.server.close();
    await api?.hub.close();
  }, 60_000);
  return () => {
    if (!api) throw new Error('api hub not open');
    return api;
  };
}

export class Desk {
  readonly clientId = randomUUID();
  private seq = 0;
  readonly trpc: TRPCClient<HubRouter>;
  private ws: ReturnType<typeof createWSClient> | undefined;

  constructor(readonly username: string, private readonly server: RunningHub, readonly token: string) {
    this.trpc = createTRPCClient<HubRouter>({ links: [httpLink({ url: server.url, headers: () => ({ authorization: `Bearer ${token}` }) })] });
  }

  /** Pushes one command with the next seq and returns its outcome. */
  async run(command: CommandInput): Promise<CommandOutcome> {
    this.seq += 1;
    const response = await this.trpc.sync.push.mutate({ protocolVersion: PROTOCOL_VERSION, commands: [{ clientId: this.clientId, seq: this.seq, command }] } as never);
    const outcome = response.outcomes[0];
    if (!outcome) throw new Error('no outcome');
    return outcome;
  }

  /** Runs a command that must apply; fails with the hub's reason otherwise. */
  async ok(command: CommandInput): Promise<CommandOutcome & { status: 'applied' }> {
    const outcome = await this.run(command);
    if (outcome.status !== 'applied') throw new Error(`${command.type} by ${this.username} rejected: ${outcome.reason} ${JSON.stringify(outcome.details ?? {})}`);
    return outcome;
  }

  async pull(after: number, limit = 200): Promise<PullPage> {
    return (await this.trpc.sync.pull.query({ protocolVersion: PROTOCOL_VERSION, after, limit })) as PullPage;
  }

  /** The whole feed from 0 as a replica would hold it: entity key → latest upsert (removals drop it). */
  async replicaFromZero(limit = 500): Promise<{ entries: Map<string, FeedChange & { op: 'upsert' }>; changes: FeedChange[] }> {
    const entries = new Map<string, FeedChange & { op: 'upsert' }>();
    const changes: FeedChange[] = [];
    let after = 0;
    for (;;) {
      const page = await this.pull(after, limit);
      for (const change of page.changes) {
        changes.push(change);
        const key = `${change.entity}:${change.id}`;
        if (change.op === 'upsert') entries.set(key, change);
        else entries.delete(key);
      }
      after = page.nextAfter;
      if (!page.hasMore) return { entries, changes };
    }
  }

  /** The request as this user currently receives it, or undefined when it does not exist for them. */
  async requestView(caseId: string): Promise<unknown> {
    const { entries } = await this.replicaFromZero();
    return entries.get(`request:${caseId}`)?.data;
  }

  onPoke(listener: () => void): () => void {
    this.ws ??= createWSClient({ url: this.server.wsUrl, connectionParams: { token: this.token }, WebSocket: WebSocket as unknown as typeof globalThis.WebSocket });
    const client = createTRPCClient<HubRouter>({ links: [wsLink({ client: this.ws })] });
    const subscription = client.sync.onPoke.subscribe(undefined, { onData: () => listener() });
    return () => subscription.unsubscribe();
  }

  close(): void {
    void this.ws?.close();
  }
}

/** The hub's stable reason of a refused call. */
export async function reasonOf(call: Promise<unknown>): Promise<{ reason: unknown; details?: unknown }> {
  try {
    await call;
  } catch (error) {
    if (isTRPCClientError<HubRouter>(error)) {
      const data = error.data as { reason?: unknown; details?: unknown } | undefined;
      return { reason: data?.reason, details: data?.details };
    }
    throw error;
  }
  throw new Error('the call succeeded');
}
