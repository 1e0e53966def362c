// `sync.*`: the sync status the UI shows (online/offline, pending, last sync, errors), live over a
// subscription, and "sync now".
import type { SyncStatus } from '../../sync/syncEngine';
import type { SignedInDesk } from '../../deskService';
import { router, signedInProcedure } from '../trpc';

export interface DeskSyncStatus extends SyncStatus {
  /** Offline log-in: nothing reaches the hub until the user logs in online again. */
  sessionMode: SignedInDesk['mode'];
}

const statusOf = (signedIn: SignedInDesk): DeskSyncStatus => ({ ...signedIn.sync.status(), sessionMode: signedIn.mode });

export const syncRouter = router({
  status: signedInProcedure.query(({ ctx }) => statusOf(ctx.signedIn)),

  /** Emits the current status, then every change until the client unsubscribes or the user signs out. */
  onStatus: signedInProcedure.subscription(async function* ({ ctx, signal }) {
    const { signedIn } = ctx;
    const queue: DeskSyncStatus[] = [statusOf(signedIn)];
    let wake: (() => void) | null = null;
    const off = signedIn.sync.onStatus((status) => {
      queue.push({ ...status, sessionMode: signedIn.mode });
      wake?.();
    });
    const stop = () => wake?.();
    signal?.addEventListener('abort', stop);
    try {
      while (!signal?.aborted) {
        const next = queue.shift();
        if (next) { yield next; continue; }
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = null;
      }
    } finally {
      off();
      signal?.removeEventListener('abort', stop);
    }
  }),

  /** Asks for a round now (after a reconnect, or from the UI's button); the status tells how it went. */
  now: signedInProcedure.mutation(({ ctx }) => {
    ctx.signedIn.sync.reconnect();
    return statusOf(ctx.signedIn);
  }),
});
