// A desk of its own for a scenario that cuts the network: a TCP proxy in front of the e2e hub that the test can cut
// and restore (the desk keeps the same hub address, so its offline log-in verifiers still apply), and a web desk
// process started on a fresh data folder behind that proxy.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { DeskRouter } from '../../../electron/desk/api/deskRouter';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface CuttableProxy {
  url: string;
  cut: () => void;
  restore: () => void;
  close: () => Promise<void>;
}

/** Forwards TCP to `target` (HTTP and WebSocket alike); while cut, open connections are dropped and new ones refused. */
export async function startCuttableProxy(target: string): Promise<CuttableProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<net.Socket>();
  let isCut = false;
  const server = net.createServer((client) => {
    if (isCut) { client.destroy(); return; }
    const upstream = net.connect(Number(port), hostname);
    open.add(client); open.add(upstream);
    const drop = () => { client.destroy(); upstream.destroy(); open.delete(client); open.delete(upstream); };
    client.on('error', drop); upstream.on('error', drop); client.on('close', drop); upstream.on('close', drop);
    client.pipe(upstream); upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${own}`,
    cut: () => { isCut = true; for (const socket of open) socket.destroy(); open.clear(); },
    restore: () => { isCut = false; },
    close: () => { for (const socket of open) socket.destroy(); return new Promise((resolve) => server.close(() => resolve())); },
  };
}

export interface OwnDesk {
  url: string;
  api: ReturnType<typeof deskApiAt>;
  stop: () => Promise<void>;
}

/** The desk's tRPC API for whoever is signed in on it (the launch secret in a header). */
export function deskApiAt(launchUrl: string) {
  const url = new URL(launchUrl);
  return createTRPCClient<DeskRouter>({ links: [httpLink({ url: `${url.origin}/trpc`, headers: { 'x-imi-desk-secret': url.searchParams.get('secret') ?? '' } })] });
}

export async function startOwnDesk(hubUrl: string): Promise<OwnDesk> {
  const staticDir = process.env.E2E_RENDERER_DIR;
  if (!staticDir) throw new Error('E2E_RENDERER_DIR is not set: run through playwright.config.ts (globalSetup)');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'imi-e2e-own-desk-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/desk/web/webMain.ts'),
    '--port', '0', '--data-dir', dataDir, '--hub-url', hubUrl, '--static-dir', staticDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`desk did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /desk: open (http:\/\/\S+)/.exec(output);
      if (found?.[1]) { clearTimeout(timer); resolve(found[1]); }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`desk exited (${code}):\n${output}`)); });
  });
  return {
    url,
    api: deskApiAt(url),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
