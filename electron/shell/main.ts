// Composition root of the Electron app: single instance, settings (electron-store), the desk service on the
// per-user data folder, the app:// renderer, the IPC bridge, menu, notifications and auto-update.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createDeskService } from '../desk/deskComposition';
import type { DeskService } from '../desk/deskService';
import { installMenu } from './appMenu';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './appProtocol';
import { startAutoUpdate } from './autoUpdate';
import { electronShellStore } from './electronSettingsStore';
import { bridgeWindow } from './ipcMainBridge';
import { createMainWindow } from './mainWindow';
import { watchNewItems } from './newItemNotifier';

// Bundled to out/shell/main.mjs next to preload.cjs (build/bundleShell.ts); the renderer build is renderer/dist.
const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.join(here, '..', '..');
const HELP_URL = 'https://github.com/imi-desk/imi-desk#desk';

function focus(window: BrowserWindow | null): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // Two desk processes on one replica would race each other's sync: the second hands over to the first.
    app.quit();
    return;
  }
  registerAppScheme();
  await app.whenReady();

  const store = electronShellStore();
  const desk: DeskService = createDeskService({
    dataDir: app.getPath('userData'),
    settings: store.settings,
    // The bundle cannot find the migrations relative to its own source file: name the folder explicitly.
    migrationsFolder: app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(appRoot, 'db', 'replica', 'migrations'),
  });
  serveRenderer(path.join(appRoot, 'renderer', 'dist'));

  let window: BrowserWindow | null = null;
  const open = () => {
    window = createMainWindow(store, path.join(here, 'preload.cjs'));
    bridgeWindow(window, desk);
    window.on('closed', () => { window = null; });
    void window.loadURL(`${APP_ORIGIN}/`);
  };
  app.on('second-instance', () => focus(window));
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) open(); });

  installMenu(desk, HELP_URL);
  watchNewItems(desk, () => focus(window));
  startAutoUpdate({ packaged: app.isPackaged, url: process.env.IMI_UPDATE_URL, log: (line) => console.warn(`desk: ${line}`) });
  open();

  app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    // Sign-out closes the replica and stops sync cleanly before the process ends.
    event.preventDefault();
    closing = true;
    void desk.close().finally(() => app.quit());
  });
}

main().catch((error: unknown) => {
  console.error('desk: failed to start', error);
  app.exit(1);
});
