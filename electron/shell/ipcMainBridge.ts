// Joins the desk's IPC host to one window: messages are accepted only from that window's main frame at our
// own app:// origin (not from an iframe, another window, or a page navigated elsewhere).
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainEvent } from 'electron';
import { deskRouter } from '../desk/api/deskRouter';
import type { DeskService } from '../desk/deskService';
import { createIpcHost } from '../desk/ipc/ipcHost';
import { IPC_CHANNEL } from '../../shared/ipc/ipcProtocol';
import { APP_ORIGIN } from './appProtocol';

export function bridgeWindow(window: BrowserWindow, desk: DeskService): () => void {
  const contents = window.webContents;
  const host = createIpcHost({
    router: deskRouter,
    createContext: () => ({ desk }),
    send: (message) => { if (!contents.isDestroyed()) contents.send(IPC_CHANNEL, message); },
  });
  const listener = (event: IpcMainEvent, message: unknown) => {
    const frame = event.senderFrame;
    if (event.sender !== contents || !frame || frame !== contents.mainFrame) return;
    if (new URL(frame.url).origin !== APP_ORIGIN) return;
    host.handle(message);
  };
  ipcMain.on(IPC_CHANNEL, listener);
  // A reload starts a new page: its predecessor's subscriptions must not keep streaming into it.
  contents.on('did-start-navigation', (details) => { if (details.isMainFrame && !details.isSameDocument) host.closeAll(); });
  const dispose = () => {
    host.closeAll();
    ipcMain.off(IPC_CHANNEL, listener);
  };
  window.once('closed', dispose);
  return dispose;
}
