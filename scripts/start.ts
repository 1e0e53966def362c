// `npm start`: the demo hub (a child process running hub/main.ts) and the desk in web mode pointed at it,
// printing the desk's one-time URL and the demo log-ins. Where Electron can run, `npm run desk:app` starts
// the app instead (see README "Desk"); this machine has no Electron binary, so web mode is the default.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from '../hub/demo/demoData';
import { readDeskWebConfig } from '../electron/desk/deskConfig';
import { startWebDesk } from '../electron/desk/web/startWebDesk';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HUB_READY = /hub: listening on (http:\/\/\S+)/;
const DEMO_USERS = ['it-salute-handler', 'hu-enkk-handler', 'it-limic-pq-referral', 'it-cciaa-milano-allocator', 'pl-nil-lda', 'pl-nfz-newcomer (first log-in)'];

/** Starts hub/main.ts with tsx in a child process and resolves with its URL once it listens. */
function startHub(args: readonly string[]): Promise<{ url: string; stop: () => void; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'hub', 'main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      process.stdout.write(chunk);
      buffered += chunk;
      const ready = HUB_READY.exec(buffered);
      if (ready?.[1]) {
        buffered = '';
        resolve({ url: ready[1], stop: () => child.kill('SIGTERM'), exited });
      }
    });
    void exited.then((code) => reject(new Error(`the hub exited (code ${code}) before listening`)));
  });
}

/** The newest modification time of the files under `dir` (the renderer's sources and catalogues). */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * A fresh clone has no renderer build (renderer/dist is not committed), and after a pull the build may be older
 * than the sources: build it then, or say why the page is bare.
 */
function ensureRendererBuild(): void {
  const built = path.join(ROOT, 'renderer', 'dist', 'index.html');
  if (!existsSync(path.join(ROOT, 'renderer', 'index.html'))) return;
  if (existsSync(built) && statSync(built).mtimeMs >= newestChange(path.join(ROOT, 'renderer'))) return;
  console.log('start: building the renderer (renderer/dist)…');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) console.warn('start: the renderer build failed; the desk API runs, but the page will only show a notice');
}

async function main(): Promise<void> {
  // Arguments after `--` go to the desk (e.g. --port); the hub keeps its defaults and environment.
  const deskConfig = readDeskWebConfig(process.argv.slice(2));
  ensureRendererBuild();
  const hub = await startHub([]);
  const web = await startWebDesk({ ...deskConfig, hubUrl: hub.url });
  console.log('');
  console.log(`desk (web mode): data in ${deskConfig.dataDir}, hub ${hub.url}`);
  console.log(`desk: open ${web.server.launchUrl}`);
  console.log(`demo log-ins: password "${DEMO_PASSWORD}", security code "${DEMO_SECURITY_CODE}"; users e.g. ${DEMO_USERS.join(', ')} (all in hub/demo/README.md)`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await web.close().catch(() => undefined);
    hub.stop();
    await hub.exited;
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  void hub.exited.then((code) => { if (!stopping) { console.error(`hub exited (code ${code})`); void stop(1); } });
}

main().catch((error: unknown) => {
  console.error('start: failed', error);
  process.exit(1);
});
