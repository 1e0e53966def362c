// The desk's typed connection to the hub: tRPC 11 over HTTP for queries and mutations and over WebSocket for
// the poke subscription, with the session token in the Authorization header / connection parameters.
// Implements the sync engine's HubSyncClient: typed refusals become HubRefusalError, anything else is transient.
import { createTRPCClient, createWSClient, httpLink, isTRPCClientError, splitLink, wsLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import WebSocket from 'ws';
import type { HubRouter } from '../../../hub/router';
import type { PullPage } from '../../../shared/sync/protocol';
import type { HubSyncClient } from '../sync/syncEngine';

export type HubTrpcClient = TRPCClient<HubRouter>;

/** A refusal with a stable reason from the hub (as opposed to a network failure or a hub crash). */
export class HubRefusalError extends Error {
  constructor(readonly reason: string, readonly httpStatus: number | undefined, readonly details?: Record<string, unknown>) {
    super(reason);
    this.name = 'HubRefusalError';
  }
}

/** Reasons that mean "this session is no good": sync should stop retrying and the user log in again. */
export const SESSION_REASONS: readonly string[] = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FIRST_LOGIN_REQUIRED', 'ACCOUNT_BLOCKED', 'ACCOUNT_DEACTIVATED'];

/**
 * A typed refusal as a HubRefusalError; a transport failure (no connection, timeout, 5xx without a reason)
 * stays as it is, so callers can tell "the hub said no" from "the hub could not be asked".
 */
export function classifyHubError(error: unknown): unknown {
  if (!isTRPCClientError<HubRouter>(error)) return error;
  const data = error.data as { reason?: unknown; httpStatus?: number; details?: Record<string, unknown> } | undefined;
  if (typeof data?.reason !== 'string' || data.reason === 'INTERNAL') return error;
  return new HubRefusalError(data.reason, data.httpStatus, data.details);
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw classifyHubError(error);
  }
}

export interface HubConnectionOptions {
  /** http(s)://host:port of the hub; the WebSocket URL is derived from it. */
  url: string;
  /** The session token, read at every call (it is replaced on each log-in). */
  token: () => string | null;
  /** Aborts a plain HTTP call that hangs; sync treats it as a transient failure. */
  timeoutMs?: number;
}

export interface HubConnection {
  readonly trpc: HubTrpcClient;
  readonly sync: HubSyncClient;
  /** Subscribes to the hub's data-free pokes; `onConnected` fires on each (re)connection, so sync can catch up. */
  subscribePokes(handlers: { onPoke: () => void; onConnected?: () => void; onError?: (error: unknown) => void }): () => void;
  close(): Promise<void>;
}

export function wsUrlOf(url: string): string {
  const u = new URL(url);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString().replace(/\/$/, '');
}

export function createHubConnection(options: HubConnectionOptions): HubConnection {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers = (): Record<string, string> => {
    const token = options.token();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  // The socket opens lazily, on the first subscription, and reconnects by itself with tRPC's backoff.
  const wsClient = createWSClient({
    url: wsUrlOf(options.url),
    lazy: { enabled: true, closeMs: 0 },
    connectionParams: () => ({ token: options.token() ?? '' }),
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const trpc = createTRPCClient<HubRouter>({
    links: [splitLink({
      condition: (op) => op.type === 'subscription',
      true: wsLink({ client: wsClient }),
      false: httpLink({
        url: options.url,
        headers,
        fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) } as RequestInit),
      }),
    })],
  });

  return {
    trpc,
    sync: {
      push: (req) => call(() => trpc.sync.push.mutate(req)),
      // The wire type marks `data` optional (zod's unknown); the hub always sends it with an upsert.
      pull: (req) => call(async () => (await trpc.sync.pull.query(req)) as PullPage),
    },
    subscribePokes({ onPoke, onConnected, onError }) {
      const subscription = trpc.sync.onPoke.subscribe(undefined, {
        onStarted: () => onConnected?.(),
        onData: () => onPoke(),
        onError: (error) => onError?.(classifyHubError(error)),
      });
      return () => subscription.unsubscribe();
    },
    async close() {
      await wsClient.close();
    },
  };
}
