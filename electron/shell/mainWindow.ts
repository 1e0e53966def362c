// The desk window: context isolation, sandbox, no Node in the page, no navigation away from app://desk,
// no new windows (links open in the browser), and its size and position remembered.
import { BrowserWindow, shell } from 'electron';
import { APP_ORIGIN } from './appProtocol';
import type { ShellStore } from './electronSettingsStore';

export function createMainWindow(store: ShellStore, preloadPath: string): BrowserWindow {
  const state = store.readWindow();
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'IMI Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => { if (new URL(url).origin !== APP_ORIGIN) event.preventDefault(); });
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));

  const remember = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    store.writeWindow({ ...bounds, maximized: window.isMaximized() });
  };
  window.on('close', remember);
  return window;
}
