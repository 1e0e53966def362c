// Test helpers for the desk in web mode: a desk service on a temporary data folder served over loopback,
// and a typed client that calls it as the renderer does (the secret in a header instead of the cookie).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTRPCClient, createWSClient, httpLink, splitLink, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import type { DeskRouter } from '../../../electron/desk/api/deskRouter';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from '../../../hub/demo/demoData';
import { charactersAt } from '../../../hub/testing/hubHarness.testkit';
import { createDeskService } from '../../../electron/desk/deskComposition';
import type { DeskServiceOptions } from '../../../electron/desk/deskComposition';
import type { DeskService } from '../../../electron/desk/deskService';
import { memorySettingsStore } from '../../../electron/desk/settings/settingsStore';
import { SECRET_HEADER } from '../../../electron/desk/web/webGuard';
import { startDeskWebServer, TRPC_PATH } from '../../../electron/desk/web/webServer';
import type { DeskWebServer } from '../../../electron/desk/web/webServer';

export interface WebDeskUnderTest {
  desk: DeskService;
  server: DeskWebServer;
  dataDir: string;
  client: ReturnType<typeof deskClient>['trpc'];
  close(): Promise<void>;
}

export function deskClient(server: Pick<DeskWebServer, 'origin' | 'secret'>) {
  const headers = { [SECRET_HEADER]: server.secret };
  const ws = createWSClient({
    url: `${server.origin.replace('http:', 'ws:')}${TRPC_PATH}`,
    lazy: { enabled: true, closeMs: 0 },
    WebSocket: class extends WebSocket { constructor(url: string | URL) { super(url, { headers }); } } as unknown as typeof globalThis.WebSocket,
  });
  const trpc = createTRPCClient<DeskRouter>({
    links: [splitLink({ condition: (op) => op.type === 'subscription', true: wsLink({ client: ws }), false: httpLink({ url: `${server.origin}${TRPC_PATH}`, headers }) })],
  });
  // The tRPC client is a proxy: extra members must live beside it.
  return { trpc, closeSocket: () => ws.close() };
}

/** A desk service in web mode against `hubUrl`, with cheap verifiers and a short poll so tests stay quick. */
export async function startWebDeskUnderTest(hubUrl: string, options: { dataDir?: string } & Pick<DeskServiceOptions, 'uploads' | 'now'> = {}): Promise<WebDeskUnderTest> {
  const dataDir = options.dataDir ?? await mkdtemp(path.join(os.tmpdir(), 'imi-desk-'));
  const desk = createDeskService({
    dataDir,
    settings: memorySettingsStore({ workstation: { hubUrl, proxy: { mode: 'system' } } }),
    verifierCost: { memoryCost: 64, timeCost: 1 },
    sync: { pollIntervalMs: 200, backoff: { baseMs: 50, maxMs: 200 } },
    ...(options.uploads ? { uploads: options.uploads } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = await startDeskWebServer({ desk, port: 0 });
  const { trpc: client, closeSocket } = deskClient(server);
  return {
    desk, server, dataDir, client,
    close: async () => {
      await closeSocket();
      await server.close();
      await desk.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type DeskClient = WebDeskUnderTest['client'];

/** Logs a demo user in through the desk's API (online), answering the three code positions the hub asks for. */
export async function logInDemoUser(client: DeskClient, username: string) {
  const challenge = await client.session.startLogin.mutate({ username });
  return client.session.completeLogin.mutate({
    challengeId: challenge.challengeId, username, password: DEMO_PASSWORD, codeCharacters: charactersAt(DEMO_SECURITY_CODE, challenge.positions),
  });
}

/** Until a whole sync round that ended after this call left nothing queued (bounded; usable in hooks, unlike expect.poll). */
export async function syncSettled(client: DeskClient, timeoutMs = 20_000): Promise<void> {
  const asked = new Date().toISOString();
  await client.sync.now.mutate();
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await client.sync.status.query();
    if (s.pendingCount === 0 && s.lastError === null && s.lastSyncAt !== null && s.lastSyncAt > asked) return;
    if (Date.now() > until) throw new Error(`sync did not settle: ${JSON.stringify(s)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
