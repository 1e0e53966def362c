// Preload of the desk window: exposes only the tRPC bridge (`window.imiDesk`) to the isolated renderer.
// A sandboxed preload can load nothing but `electron`, so the channel name is repeated here (keep it equal
// to IPC_CHANNEL in shared/ipc/ipcProtocol.ts); type imports vanish at build time.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { IpcBridge, IpcRequest, IpcResponse } from '../../shared/ipc/ipcProtocol';

const CHANNEL = 'imi-desk:trpc';

const bridge: IpcBridge = {
  send: (message: IpcRequest) => ipcRenderer.send(CHANNEL, message),
  onMessage: (listener: (message: IpcResponse) => void) => {
    // The Electron event (with its sender) never reaches the page: only the message does.
    const handler = (_event: IpcRendererEvent, message: IpcResponse) => listener(message);
    ipcRenderer.on(CHANNEL, handler);
    return () => { ipcRenderer.off(CHANNEL, handler); };
  },
};

contextBridge.exposeInMainWorld('imiDesk', bridge);
