// The one way a hub service writes a changed authority (its data, links, status, area or workflow access): the row,
// then the change feed — the authority's own row (its users resync: their view of every case may differ) and every case
// whose watchers the change alters — and a poke once the transaction commits.
import type { Authority } from '../../shared/authority/authority';
import type { HubExecutor } from '../db/openHubDatabase';
import type { HubDeps } from '../deps';
import { notifyChange } from '../sync/changeNotifier';
import { recordDirectoryChange } from '../sync/directoryCaseChanges';
import { saveAuthority } from './authorityStore';

export async function commitAuthorityChange(tx: HubExecutor, deps: Pick<HubDeps, 'reference'>, before: Authority, after: Authority, now: Date): Promise<void> {
  await saveAuthority(tx, after, now);
  await notifyChange(tx, await recordDirectoryChange(tx, deps, [{ before, after }], now));
}
