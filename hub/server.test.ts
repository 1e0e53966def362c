// The hub over real HTTP on loopback: a typed client logs in and manages users; malformed, invalid,
// oversized and unauthenticated calls are refused with typed errors carrying a stable reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, createWSClient, httpLink, isTRPCClientError, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from './demo/demoData';
import type { HubRouter } from './router';
import { startHubServer, type RunningHub } from './server';
import { charactersAt, hubBackends, openTestHub, type TestHub } from './testing/hubHarness.testkit';

const MAX_BODY = 16 * 1024;

function clientFor(url: string, token?: string) {
  return createTRPCClient<HubRouter>({ links: [httpLink({ url, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) })] });
}

async function reasonOf(call: Promise<unknown>): Promise<{ reason: unknown; httpStatus: unknown }> {
  try {
    await call;
  } catch (error) {
    if (isTRPCClientError<HubRouter>(error)) return { reason: error.data?.reason, httpStatus: error.data?.httpStatus };
    throw error;
  }
  throw new Error('the call succeeded');
}

describe.each(hubBackends())('hub over HTTP on $name', (backend) => {
  let hub: TestHub;
  let server: RunningHub;
  beforeAll(async () => {
    hub = await openTestHub(backend, { maxBodyBytes: MAX_BODY });
    server = await startHubServer(hub.deps);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await hub?.close();
  }, 60_000);

  async function logInOverHttp(username: string): Promise<string> {
    const anonymous = clientFor(server.url);
    const challenge = await anonymous.auth.startLogin.mutate({ username });
    const result = await anonymous.auth.completeLogin.mutate({
      challengeId: challenge.challengeId, username, password: DEMO_PASSWORD, codeCharacters: charactersAt(DEMO_SECURITY_CODE, challenge.positions),
    });
    return result.token;
  }

  it('listens on loopback and answers health', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(clientFor(server.url).system.health.query()).resolves.toMatchObject({ status: 'ok', protocolVersion: 1 });
  });

  it('logs in with a typed client and lets an LDA list their users', async () => {
    const token = await logInOverHttp('pl-nil-lda');
    const users = await clientFor(server.url, token).users.list.query();
    expect(users.map((u) => u.username).sort()).toEqual(['pl-nil-handler', 'pl-nil-lda']);
    await expect(clientFor(server.url, token).auth.me.query()).resolves.toMatchObject({ user: { username: 'pl-nil-lda' }, authority: { id: 'pl-nil' } });
  });

  it('refuses user management to a user who is not an LDA', async () => {
    const token = await logInOverHttp('pl-nil-handler');
    await expect(reasonOf(clientFor(server.url, token).users.list.query())).resolves.toEqual({ reason: 'ROLE_REQUIRED', httpStatus: 403 });
  });

  it('refuses calls without a session, and after log-out', async () => {
    await expect(reasonOf(clientFor(server.url).users.list.query())).resolves.toEqual({ reason: 'UNAUTHENTICATED', httpStatus: 401 });
    const token = await logInOverHttp('fr-cnom-lda');
    await clientFor(server.url, token).auth.logout.mutate();
    await expect(reasonOf(clientFor(server.url, token).auth.me.query())).resolves.toEqual({ reason: 'UNAUTHENTICATED', httpStatus: 401 });
  });

  it('lets a first log-in session do nothing but finish the first log-in', async () => {
    const anonymous = clientFor(server.url);
    const challenge = await anonymous.auth.startLogin.mutate({ username: 'pl-nfz-newcomer' });
    const { token, mustChangePassword } = await anonymous.auth.completeLogin.mutate({ challengeId: challenge.challengeId, username: 'pl-nfz-newcomer', password: DEMO_PASSWORD });
    expect(mustChangePassword).toBe(true);
    await expect(reasonOf(clientFor(server.url, token).auth.ping.query())).resolves.toEqual({ reason: 'FIRST_LOGIN_REQUIRED', httpStatus: 403 });
    await clientFor(server.url, token).auth.completeFirstLogin.mutate({ newPassword: 'Nowehaslo2025', securityCode: 'Qw3$rty!Uio0' });
    await expect(clientFor(server.url, token).auth.ping.query()).resolves.toEqual({ ok: true });
  });

  it('refuses input that breaks the schema with INVALID_INPUT and the failing fields', async () => {
    const error = await clientFor(server.url).auth.completeLogin.mutate({ challengeId: 'not-a-uuid', username: 'x', password: 'y' }).catch((e: unknown) => e);
    expect(isTRPCClientError<HubRouter>(error)).toBe(true);
    if (!isTRPCClientError<HubRouter>(error)) return;
    expect(error.data?.reason).toBe('INVALID_INPUT');
    expect(JSON.stringify(error.data)).toContain('challengeId');
  });

  it('refuses a malformed JSON body with MALFORMED_REQUEST', async () => {
    const response = await fetch(`${server.url}/auth.startLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(response.status).toBe(400);
    const body = await response.json() as { error: { data: { reason: string } } };
    expect(body.error.data.reason).toBe('MALFORMED_REQUEST');
  });

  it('refuses an oversized body with PAYLOAD_TOO_LARGE', async () => {
    const response = await fetch(`${server.url}/auth.startLogin`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x'.repeat(MAX_BODY * 2) }),
    });
    expect(response.status).toBe(413);
    const body = await response.json() as { error: { data: { reason: string } } };
    expect(body.error.data.reason).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown procedure with PROCEDURE_NOT_FOUND', async () => {
    const response = await fetch(`${server.url}/auth.nothingHere`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(404);
    const body = await response.json() as { error: { data: { reason: string; stack?: string } } };
    expect(body.error.data.reason).toBe('PROCEDURE_NOT_FOUND');
    expect(body.error.data.stack).toBeUndefined();
  });

  it('delivers a data-free poke over WebSocket to the signed-in user it is meant for', async () => {
    const token = await logInOverHttp('fr-cnam-lda');
    const wsClient = createWSClient({ url: server.wsUrl, connectionParams: () => ({ token }), WebSocket: WebSocket as unknown as typeof globalThis.WebSocket });
    const client = createTRPCClient<HubRouter>({ links: [wsLink({ client: wsClient })] });
    const received: unknown[] = [];
    const started = new Promise<void>((resolve) => {
      const subscription = client.system.poke.subscribe(undefined, {
        onStarted: () => resolve(),
        onData: (data) => { received.push(data); subscription.unsubscribe(); },
      });
    });
    await started;
    server.pokes.pokeUser('u-someone-else');
    server.pokes.pokeUser('u-fr-cnam-lda');
    await expect.poll(() => received.length).toBe(1);
    expect(received).toEqual([{}]);
    await wsClient.close();
  });
});
