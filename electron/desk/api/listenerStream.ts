// Turns a listener API (`onX(listener) → unsubscribe`) into the async generator a tRPC 11 subscription
// returns: the current value first, then every change, until the client unsubscribes (the signal aborts).
export async function* listenerStream<T>(first: T, subscribe: (listener: (value: T) => void) => () => void, signal: AbortSignal | undefined): AsyncGenerator<T> {
  const queue: T[] = [first];
  let wake: (() => void) | null = null;
  const off = subscribe((value) => { queue.push(value); wake?.(); });
  const stop = () => wake?.();
  signal?.addEventListener('abort', stop);
  try {
    while (!signal?.aborted) {
      const next = queue.shift();
      if (next !== undefined) { yield next; continue; }
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = null;
    }
  } finally {
    off();
    signal?.removeEventListener('abort', stop);
  }
}
