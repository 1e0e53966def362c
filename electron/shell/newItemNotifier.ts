// OS notifications for new items: after each sync round, when the count of requests waiting for this user
// (to accept, to allocate, awaiting their decision) or of refused commands grows, one notification says so.
import { Notification } from 'electron';
import type { DeskService, SignedInDesk } from '../desk/deskService';
import { actionList } from '../desk/search/requestLists';
import type { ActionList } from '../desk/search/requestLists';

const WATCHED: ActionList[] = ['toBeAccepted', 'toBeAllocated', 'awaitingMyDecision'];

function waiting(signedIn: SignedInDesk, now: Date): number {
  const today = now.toISOString().slice(0, 10);
  return WATCHED.reduce((sum, list) => sum + actionList(signedIn.replica.db, list, signedIn.user, today, { limit: 0 }).total, 0);
}

/** Notifications carry counts only, never request content: the screen may be shared or locked. */
export function watchNewItems(desk: DeskService, onClick: () => void): () => void {
  let stopSync: (() => void) | null = null;
  const follow = () => {
    stopSync?.();
    stopSync = null;
    const signedIn = desk.signedIn();
    if (!signedIn) return;
    let lastWaiting = waiting(signedIn, desk.now());
    let lastAttention = signedIn.sync.status().attentionCount;
    stopSync = signedIn.sync.onStatus((status) => {
      const nowWaiting = waiting(signedIn, desk.now());
      const lines: string[] = [];
      if (nowWaiting > lastWaiting) lines.push(`${nowWaiting - lastWaiting} new request(s) waiting for you`);
      if (status.attentionCount > lastAttention) lines.push(`${status.attentionCount - lastAttention} action(s) refused by the hub need your attention`);
      lastWaiting = nowWaiting;
      lastAttention = status.attentionCount;
      if (lines.length > 0 && Notification.isSupported()) {
        const notification = new Notification({ title: 'IMI Desk', body: lines.join('\n') });
        notification.on('click', onClick);
        notification.show();
      }
    });
  };
  const stopSession = desk.session.onStatus(follow);
  follow();
  return () => { stopSession(); stopSync?.(); };
}
