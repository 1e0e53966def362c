// The desk's end of tRPC over IPC, transport-free so tests run it in plain Node: calls a procedure of the
// router for each message, streams subscriptions, and formats errors with the router's own formatter.
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown } from '@trpc/server';
import type { AnyTRPCRouter } from '@trpc/server';
import { isIpcRequest } from '../../../shared/ipc/ipcProtocol';
import type { IpcProcedureType, IpcResponse } from '../../../shared/ipc/ipcProtocol';

export interface IpcHostOptions<TContext> {
  router: AnyTRPCRouter;
  createContext: () => TContext;
  send: (message: IpcResponse) => void;
}

export interface IpcHost {
  /** Handles one message from the renderer; malformed messages are ignored (they never come from our renderer). */
  handle(message: unknown): void;
  /** The window went away: stop every subscription and pending call. */
  closeAll(): void;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

export function createIpcHost<TContext>(options: IpcHostOptions<TContext>): IpcHost {
  const running = new Map<number, AbortController>();
  const config = options.router._def._config;

  const fail = (id: number, type: IpcProcedureType, path: string, input: unknown, ctx: TContext | undefined, cause: unknown) => {
    const error = getTRPCErrorFromUnknown(cause);
    const shape = getErrorShape({ config, error, type, path, input, ctx });
    options.send({ kind: 'error', id, error: { message: shape.message, code: shape.code, data: shape.data } });
  };

  async function call(id: number, type: IpcProcedureType, path: string, input: unknown): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    let ctx: TContext | undefined;
    try {
      ctx = options.createContext();
      const result: unknown = await callTRPCProcedure({
        router: options.router, ctx, path, type, input, getRawInput: async () => input, signal: controller.signal, batchIndex: 0,
      });
      if (type !== 'subscription') {
        if (!controller.signal.aborted) options.send({ kind: 'result', id, data: result });
        return;
      }
      if (!isAsyncIterable(result)) throw new Error(`subscription ${path} did not return an async iterable`);
      options.send({ kind: 'result', id, data: undefined });
      for await (const item of result) {
        if (controller.signal.aborted) break;
        options.send({ kind: 'data', id, data: item });
      }
      if (!controller.signal.aborted) options.send({ kind: 'stopped', id });
    } catch (cause) {
      if (!controller.signal.aborted) fail(id, type, path, input, ctx, cause);
    } finally {
      running.delete(id);
    }
  }

  return {
    handle(message) {
      if (!isIpcRequest(message)) return;
      if (message.kind === 'stop') {
        running.get(message.id)?.abort();
        running.delete(message.id);
        return;
      }
      if (running.has(message.id)) return;
      void call(message.id, message.type, message.path, message.input);
    },
    closeAll() {
      for (const controller of running.values()) controller.abort();
      running.clear();
    },
  };
}
