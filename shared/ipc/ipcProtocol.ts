// The messages of tRPC 11 over Electron IPC (DESIGN §8: electron-trpc 0.7 does not support tRPC 11), one
// channel each way. Plain structured-clone values: the desk router uses no data transformer.
export const IPC_CHANNEL = 'imi-desk:trpc';

export type IpcProcedureType = 'query' | 'mutation' | 'subscription';

export type IpcRequest =
  | { kind: 'call'; id: number; type: IpcProcedureType; path: string; input: unknown }
  /** Ends a subscription (or abandons a call) the renderer no longer wants. */
  | { kind: 'stop'; id: number };

export type IpcResponse =
  | { kind: 'result'; id: number; data: unknown }
  | { kind: 'data'; id: number; data: unknown }
  | { kind: 'error'; id: number; error: { message: string; code: number; data: unknown } }
  /** A subscription ended on the desk's side (sign-out, end of stream). */
  | { kind: 'stopped'; id: number };

/** What the preload exposes as `window.imiDesk`, and all it exposes. */
export interface IpcBridge {
  send(message: IpcRequest): void;
  onMessage(listener: (message: IpcResponse) => void): () => void;
}

export function isIpcRequest(value: unknown): value is IpcRequest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) return false;
  if (m.kind === 'stop') return true;
  return m.kind === 'call' && typeof m.path === 'string' && m.path.length <= 200 && (m.type === 'query' || m.type === 'mutation' || m.type === 'subscription');
}
