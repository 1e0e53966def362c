// Starts the system the browser tests drive: builds the renderer, starts a local SMTP inbox, the demo hub (PGlite in
// a fresh folder) and three desks in web mode (desk-it2 reaches the hub through a TCP proxy the tests cut and restore),
// each on a free port; their one-time URLs go to the tests by environment.
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSmtpInbox } from './smtpInbox';
import { startOfflineProxy } from './offlineProxy';
import type { OfflineProxy } from './offlineProxy';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs a TypeScript entry point with tsx and resolves with the first match of `ready` in its output. */
function startProcess(entry: string, args: string[], ready: RegExp, name: string): Promise<{ child: ChildProcess; match: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start in time:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = ready.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve({ child, match: found[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}):\n${output}`)); });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Built under dist/ (ignored by git and the linter), not renderer/dist, so a test run leaves no lintable bundle behind.
  // One folder per run, so two runs at once (e.g. two developers' spec files) do not rebuild each other's bundle.
  const staticDir = process.env.E2E_STATIC_DIR ?? path.join(ROOT, 'dist', `e2e-renderer-${process.pid}`);
  if (!process.env.E2E_STATIC_DIR) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', staticDir], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'imi-e2e-'));
  const children: ChildProcess[] = [];
  let offline: OfflineProxy | undefined;
  // The hub sends its e-mails (temporary passwords…) through a real SMTP server; tests read them from this folder.
  const inbox = await startSmtpInbox(path.join(dataDir, 'inbox'));
  process.env.SMTP_URL = inbox.url;
  process.env.E2E_MAIL_INBOX = inbox.directory;
  try {
    const hub = await startProcess('hub/main.ts', ['--port', '0', '--data-dir', path.join(dataDir, 'hub')], /hub: listening on (http:\/\/\S+)/, 'hub');
    children.push(hub.child);
    const desk = async (name: string, hubUrl: string = hub.match) => {
      const started = await startProcess('electron/desk/web/webMain.ts',
        ['--port', '0', '--data-dir', path.join(dataDir, name), '--hub-url', hubUrl, '--static-dir', staticDir], /desk: open (http:\/\/\S+)/, name);
      children.push(started.child);
      return started.match;
    };
    process.env.E2E_HUB_URL = hub.match;
    // For scenarios that start a desk of their own (e.g. behind a proxy they cut): the same renderer build.
    process.env.E2E_RENDERER_DIR = staticDir;
    process.env.E2E_DESK_IT_URL = await desk('desk-it');
    process.env.E2E_DESK_HU_URL = await desk('desk-hu');
    // desk-it2 reaches the hub through a TCP proxy the offline scenario cuts and restores (workflow-offline.spec.ts).
    offline = await startOfflineProxy(hub.match);
    process.env.E2E_PROXY_CONTROL_URL = offline.controlUrl;
    process.env.E2E_DESK_IT2_URL = await desk('desk-it2', offline.hubUrl);
  } catch (error) {
    for (const child of children) child.kill('SIGTERM');
    await offline?.close();
    await inbox.close();
    throw error;
  }
  return async () => {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await offline?.close();
    await inbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.E2E_STATIC_DIR) rmSync(staticDir, { recursive: true, force: true });
  };
}
