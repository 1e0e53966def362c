// `sync.*`: the sync status the UI shows (online/offline, pending, last sync, errors), live over a
// subscription, and "sync now".
import type { SyncStatus } from '../../sync/syncEngine';
import type { SignedInDesk } from '../../deskService';
import { listenerStream } from '../listenerStream';
import { router, signedInProcedure } from '../trpc';

export interface DeskSyncStatus extends SyncStatus {
  /** Offline log-in: nothing reaches the hub until the user logs in online again. */
  sessionMode: SignedInDesk['mode'];
}

const statusOf = (signedIn: SignedInDesk): DeskSyncStatus => ({ ...signedIn.sync.status(), sessionMode: signedIn.mode });

export const syncRouter = router({
  status: signedInProcedure.query(({ ctx }) => statusOf(ctx.signedIn)),

  /** Emits the current status, then every change until the client unsubscribes or the user signs out. */
  onStatus: signedInProcedure.subscription(({ ctx, signal }) => {
    const { signedIn } = ctx;
    return listenerStream(statusOf(signedIn), (listener) => signedIn.sync.onStatus(() => listener(statusOf(signedIn))), signal);
  }),

  /** Asks for a round now (after a reconnect, or from the UI's button); the status tells how it went. */
  now: signedInProcedure.mutation(({ ctx }) => {
    ctx.signedIn.sync.reconnect();
    return statusOf(ctx.signedIn);
  }),
});
