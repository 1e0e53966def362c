// A changed user row enters the change feed in the transaction that writes it, with a poke once it commits: colleagues'
// desks update their directory, and the user's own desk resyncs (the feed answers `resyncRequired` for a change of
// the caller's own record), since new rights, fewer rights or a lost role change what it may see of every case.
import type { User } from '../../shared/user/user';
import type { HubExecutor } from '../db/openHubDatabase';
import { appendChange } from '../requests/caseStore';
import { notifyChange } from './changeNotifier';

/**
 * Call it right after the user row was written with `updatedAt = now`: the change row carries the same time, which
 * tells recordDirectoryChanges that this version of the user is already in the feed.
 */
export async function recordUserChange(tx: HubExecutor, user: Pick<User, 'id' | 'authorityId'>, now: Date): Promise<void> {
  await appendChange(tx, 'user', user.id, [user.authorityId], now);
  await notifyChange(tx, [user.authorityId]);
}
