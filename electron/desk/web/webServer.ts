// Web mode of the desk: the deskRouter over HTTP (/trpc) and WebSocket on 127.0.0.1 only, plus the renderer's
// built files, behind the per-launch secret and Host/Origin checks of webGuard.ts.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import { deskRouter } from '../api/deskRouter';
import type { DeskContext } from '../api/trpc';
import type { DeskService } from '../deskService';
import { createGuard, SECRET_QUERY } from './webGuard';
import { serveStatic } from './staticFiles';

export const TRPC_PATH = '/trpc';
/**
 * The largest body (or WebSocket message) read: a few 1 MiB pieces in base64 (~1.4 MB each) in one batch, and nothing
 * near what would let a caller make the desk hold large buffers; beyond it the answer is PAYLOAD_TOO_LARGE.
 */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface DeskWebServerOptions {
  desk: DeskService;
  /** 0 picks a free port. */
  port?: number;
  /** The renderer build (renderer/dist); null or missing serves a short notice instead. */
  staticDir?: string | null;
  /** For tests: a fixed secret. */
  secret?: string;
  /** Origins besides our own allowed to call (the renderer's dev server); loopback ones only. */
  extraOrigins?: readonly string[];
}

export interface DeskWebServer {
  /** Open this once in the browser: it carries the secret, which then lives in a cookie. */
  launchUrl: string;
  origin: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

function refuse(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function refuseUpgrade(socket: Socket, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startDeskWebServer(options: DeskWebServerOptions): Promise<DeskWebServer> {
  let port = 0;
  const extraOrigins = (options.extraOrigins ?? []).filter((o) => /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(o));
  const guard = createGuard(() => port, options.secret, extraOrigins);
  const createContext = (): DeskContext => ({ desk: options.desk });
  const trpc = createHTTPHandler({ router: deskRouter, createContext, basePath: `${TRPC_PATH}/`, maxBodySize: MAX_BODY_BYTES });

  const server = http.createServer((req, res) => {
    if (!guard.hostAllowed(req)) return refuse(res, 421, 'unknown host');
    if (!guard.originAllowed(req)) return refuse(res, 403, 'cross-origin request refused');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (guard.secretInQuery(url)) {
      // Trade the secret in the URL for a cookie, and drop it from the address bar and history.
      url.searchParams.delete(SECRET_QUERY);
      res.writeHead(303, { 'set-cookie': guard.setCookieHeader(), location: `${url.pathname}${url.search}`, 'cache-control': 'no-store' });
      return res.end();
    }
    if (!guard.authenticated(req)) return refuse(res, 401, 'IMI Desk: open the address the desk printed when it started.');
    if (url.pathname === TRPC_PATH || url.pathname.startsWith(`${TRPC_PATH}/`)) return trpc(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    if (!serveStatic(options.staticDir ?? null, url.pathname, res)) {
      refuse(res, 200, `IMI Desk is running; its API is at ${TRPC_PATH}. Build the renderer (renderer/dist) to use it in this browser.`);
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const wsHandler = applyWSSHandler({ wss, router: deskRouter, createContext, keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 } });
  server.on('upgrade', (req, socket: Socket, head) => {
    if (!guard.hostAllowed(req)) return refuseUpgrade(socket, '421 Misdirected Request');
    if (!guard.originAllowed(req)) return refuseUpgrade(socket, '403 Forbidden');
    if (!guard.authenticated(req)) return refuseUpgrade(socket, '401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    launchUrl: `${origin}/?${SECRET_QUERY}=${guard.secret}`,
    origin,
    port,
    secret: guard.secret,
    close: async () => {
      wsHandler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
