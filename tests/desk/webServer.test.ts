// Web mode's gate: loopback only, the per-launch secret (URL once → cookie, or header) required for every
// tRPC call and WebSocket upgrade, and Host/Origin checks against DNS rebinding.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SECRET_COOKIE, SECRET_HEADER } from '../../electron/desk/web/webGuard';
import { TRPC_PATH } from '../../electron/desk/web/webServer';
import { startWebDeskUnderTest } from './support/webDeskClient';
import type { WebDeskUnderTest } from './support/webDeskClient';

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function upgrade(port: number, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${TRPC_PATH}`, { headers });
    ws.on('open', () => { ws.close(); resolve('open'); });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('desk web mode', () => {
  let web: WebDeskUnderTest;
  // No hub is needed to test the gate: the address points nowhere.
  beforeAll(async () => { web = await startWebDeskUnderTest('http://127.0.0.1:9'); });
  afterAll(async () => { await web.close(); });

  const statusPath = `${TRPC_PATH}/session.status`;

  it('listens on the loopback address only', () => {
    expect(web.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(web.server.launchUrl).toContain(`?secret=${web.server.secret}`);
    expect(Buffer.from(web.server.secret, 'base64url')).toHaveLength(32);
  });

  it('refuses a tRPC call without the secret', async () => {
    const answer = await get(web.server.port, statusPath);
    expect(answer.status).toBe(401);
    expect(answer.body).not.toContain('signedOut');
  });

  it('refuses a wrong secret in the header or cookie', async () => {
    expect((await get(web.server.port, statusPath, { [SECRET_HEADER]: 'x'.repeat(43) })).status).toBe(401);
    expect((await get(web.server.port, statusPath, { cookie: `${SECRET_COOKIE}=nope` })).status).toBe(401);
  });

  it('trades the secret in the launch URL for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const answer = await get(web.server.port, `/requests?secret=${web.server.secret}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/requests');
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toContain(`${SECRET_COOKIE}=${web.server.secret}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('answers a tRPC call that carries the cookie or the header', async () => {
    const withCookie = await get(web.server.port, statusPath, { cookie: `${SECRET_COOKIE}=${web.server.secret}` });
    expect(withCookie.status).toBe(200);
    expect(withCookie.body).toContain('signedOut');
    await expect(web.client.session.status.query()).resolves.toEqual({ state: 'signedOut' });
  });

  it('refuses a request naming another host (DNS rebinding) even with the secret', async () => {
    const answer = await get(web.server.port, statusPath, { host: `evil.example:${web.server.port}`, [SECRET_HEADER]: web.server.secret });
    expect(answer.status).toBe(421);
  });

  it('refuses a cross-origin request even with the cookie', async () => {
    const answer = await get(web.server.port, statusPath, { origin: 'http://evil.example', cookie: `${SECRET_COOKIE}=${web.server.secret}` });
    expect(answer.status).toBe(403);
  });

  it('refuses a WebSocket upgrade without the secret and accepts one with it', async () => {
    await expect(upgrade(web.server.port, {})).resolves.toBe(401);
    await expect(upgrade(web.server.port, { origin: 'http://evil.example', [SECRET_HEADER]: web.server.secret })).resolves.toBe(403);
    await expect(upgrade(web.server.port, { [SECRET_HEADER]: web.server.secret })).resolves.toBe('open');
  });

  it('refuses signed-in procedures with NOT_SIGNED_IN before any log-in', async () => {
    await expect(web.client.requests.actionLists.query()).rejects.toMatchObject({ data: { reason: 'NOT_SIGNED_IN', httpStatus: 401 } });
  });
});
