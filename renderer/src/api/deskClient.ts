// The tRPC client of the renderer in web mode: queries and mutations over HTTP, subscriptions over a
// WebSocket, both to the desk that served the page (its session cookie authenticates both).
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import type { TRPCClient } from '@trpc/client';
import type { DeskRouter } from './trpc';

export function createDeskClient(origin: string = window.location.origin): TRPCClient<DeskRouter> {
  const wsOrigin = origin.replace(/^http/, 'ws');
  const wsClient = createWSClient({ url: `${wsOrigin}/trpc`, retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 10_000) });
  return createTRPCClient<DeskRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({ url: `${origin}/trpc`, fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) }),
      }),
    ],
  });
}
