// Serves `hubRouter` over HTTP (queries, mutations) and WebSocket (subscriptions) on one port, with body size limits.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import type { TRPCRequestInfo } from '@trpc/server/http';
import { WebSocketServer } from 'ws';
import type { HubDeps } from './deps';
import { PokeBus } from './pokes';
import { hubRouter } from './router';
import type { HubContext } from './trpc';

export interface RunningHub {
  url: string;
  wsUrl: string;
  pokes: PokeBus;
  close(): Promise<void>;
}

function bearerToken(req: http.IncomingMessage, info: TRPCRequestInfo): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  // Browsers' WebSocket cannot set headers: the desk passes the token as a connection parameter instead.
  const fromParams = info.connectionParams?.token;
  return typeof fromParams === 'string' && fromParams.length > 0 ? fromParams : null;
}

export async function startHubServer(deps: HubDeps, pokes: PokeBus = new PokeBus()): Promise<RunningHub> {
  const createContext = ({ req, info }: { req: http.IncomingMessage; info: TRPCRequestInfo }): HubContext => ({
    ...deps,
    pokes,
    token: bearerToken(req, info),
    remoteAddress: req.socket.remoteAddress ?? 'unknown',
  });
  const handler = createHTTPHandler({ router: hubRouter, createContext, maxBodySize: deps.config.maxBodyBytes });
  const server = http.createServer(handler);
  const wss = new WebSocketServer({ server, maxPayload: deps.config.maxBodyBytes });
  const wsHandler = applyWSSHandler({ wss, router: hubRouter, createContext, keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 } });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.config.port, deps.config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = deps.config.host.includes(':') ? `[${deps.config.host}]` : deps.config.host;
  return {
    url: `http://${host}:${port}`,
    wsUrl: `ws://${host}:${port}`,
    pokes,
    close: async () => {
      wsHandler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
