// The renderer's end of tRPC over IPC: a tRPC 11 link over the preload's `window.imiDesk` bridge. It uses
// only @trpc/client and the bridge interface, so it lives in shared/ where the renderer may import it.
import { TRPCClientError } from '@trpc/client';
import type { TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import type { IpcBridge, IpcResponse } from './ipcProtocol';

export function ipcLink<TRouter extends AnyTRPCRouter>(bridge: IpcBridge): TRPCLink<TRouter> {
  let nextId = 1;
  const listeners = new Map<number, (message: IpcResponse) => void>();
  bridge.onMessage((message) => listeners.get(message.id)?.(message));

  return () => ({ op }) => observable((observer) => {
    const id = nextId++;
    const subscription = op.type === 'subscription';
    listeners.set(id, (message) => {
      switch (message.kind) {
        case 'result':
          if (subscription) return;
          observer.next({ result: { type: 'data', data: message.data } } as never);
          observer.complete();
          listeners.delete(id);
          return;
        case 'data':
          observer.next({ result: { type: 'data', data: message.data } } as never);
          return;
        case 'error':
          observer.error(TRPCClientError.from({ error: message.error } as never));
          listeners.delete(id);
          return;
        case 'stopped':
          observer.complete();
          listeners.delete(id);
      }
    });
    bridge.send({ kind: 'call', id, type: op.type, path: op.path, input: op.input });
    return () => {
      if (listeners.delete(id)) bridge.send({ kind: 'stop', id });
    };
  });
}
