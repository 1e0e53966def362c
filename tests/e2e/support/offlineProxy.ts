// The network between desk-it2 and the hub, for the offline scenario (SPEC §15 scenario 7): globalSetup puts the
// shared TCP proxy of the desk tests in front of the hub and a tiny control endpoint on loopback beside it, because
// the tests run in worker processes and cannot call the proxy object; the spec cuts and restores through that URL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTcpProxy } from '../../desk/support/tcpProxy';

export interface OfflineProxy {
  /** The hub's URL through the proxy, for the desk that goes offline. */
  hubUrl: string;
  /** POST `${controlUrl}/cut` drops every connection and stops listening; POST `${controlUrl}/restore` listens again. */
  controlUrl: string;
  close(): Promise<void>;
}

export async function startOfflineProxy(hubUrl: string): Promise<OfflineProxy> {
  const hub = new URL(hubUrl);
  const proxy = await startTcpProxy({ host: hub.hostname, port: Number(hub.port) });
  const control = http.createServer((request, response) => {
    const action = request.method === 'POST' ? { '/cut': proxy.cut, '/restore': proxy.restore }[request.url ?? ''] : undefined;
    if (!action) {
      response.writeHead(404).end();
      return;
    }
    action().then(() => response.writeHead(204).end(), (error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve, reject) => {
    control.once('error', reject);
    control.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = control.address() as AddressInfo;
  return {
    hubUrl: `${proxy.url}${hub.pathname === '/' ? '' : hub.pathname}`,
    controlUrl: `http://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => control.close(() => resolve()));
      control.closeAllConnections();
      await closed;
      await proxy.close();
    },
  };
}

async function control(action: 'cut' | 'restore'): Promise<void> {
  const url = process.env.E2E_PROXY_CONTROL_URL;
  if (!url) throw new Error('E2E_PROXY_CONTROL_URL is not set: run through playwright.config.ts (globalSetup)');
  const response = await fetch(`${url}/${action}`, { method: 'POST' });
  if (!response.ok) throw new Error(`the proxy refused to ${action}: ${response.status} ${await response.text()}`);
}

/** Takes desk-it2's network away: every open connection to the hub is dropped and new ones are refused. */
export const cutHubConnection = () => control('cut');
/** Gives desk-it2 its network back (same address, so the desk needs no new settings). */
export const restoreHubConnection = () => control('restore');
