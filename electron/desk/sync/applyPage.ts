// Applies one page of the hub's change feed to the replica: the changes, the checkpoint and the rebase in ONE transaction.
import { sql } from 'drizzle-orm';
import { attention, authorities, outbox, requests, users } from '../../../db/replica/schema';
import { Authority } from '../../../shared/authority/authority';
import { RequestView } from '../../../shared/request/visibility';
import { User } from '../../../shared/user/user';
import type { PullPage } from '../../../shared/sync/protocol';
import { rebase } from '../commands/workingCopy';
import type { DecisionParty } from '../commands/workingCopy';
import { removeAuthority, removeUser, writeAuthority, writeUser } from '../replica/directoryStore';
import type { Replica } from '../replica/openReplica';
import type { ReplicaDb } from '../replica/replicaDb';
import { removeRequest, writeServerState } from '../replica/requestStore';
import { writeState } from '../replica/syncState';

/** Colleagues arrive without a username (handed over outside the system, SPEC §4): stored as empty. */
const FeedUser = User.partial({ username: true });
function feedUser(data: unknown): User {
  const user = FeedUser.parse(data);
  return { ...user, username: user.username ?? '' };
}

/** Applies the page; returns the ids of removed cases, whose cached files the caller deletes once committed. */
export function applyPage(db: ReplicaDb, party: DecisionParty, page: PullPage): string[] {
  return db.transaction((tx) => {
    const removed: string[] = [];
    const changedCases: string[] = [];
    for (const change of page.changes) {
      if (change.op === 'remove') {
        if (change.entity === 'request') { removeRequest(tx, change.id); removed.push(change.id); changedCases.push(change.id); }
        else if (change.entity === 'authority') removeAuthority(tx, change.id);
        else removeUser(tx, change.id);
        continue;
      }
      // The hub is trusted but the wire is a boundary: a malformed page throws and nothing of it is applied.
      if (change.entity === 'request') { writeServerState(tx, change.id, RequestView.parse(change.data), change.position); changedCases.push(change.id); }
      else if (change.entity === 'authority') writeAuthority(tx, Authority.parse(change.data), change.position);
      else writeUser(tx, feedUser(change.data), change.position);
    }
    writeState(tx, 'lastPosition', String(page.nextAfter));
    // The marker travels with the checkpoint: a cut between two pages of an initial sync resumes, it does not restart.
    if (page.rightsAsOf !== undefined) writeState(tx, 'rightsAsOf', String(page.rightsAsOf));
    rebase(tx, party, changedCases);
    return removed;
  });
}

/** The cursor expired on the hub: drop everything replicated (not the outbox or attention list) and start from 0. */
export function dropReplicatedData(db: ReplicaDb): string[] {
  return db.transaction((tx) => {
    const ids = tx.select({ id: requests.id }).from(requests).all().map((r) => r.id);
    tx.delete(requests).run();
    tx.delete(authorities).run();
    tx.delete(users).run();
    tx.run(sql`DELETE FROM request_search`);
    writeState(tx, 'lastPosition', '0');
    writeState(tx, 'rightsAsOf', '');
    return ids;
  });
}

/**
 * The hub says the account is deactivated: its user may see nothing any more (SPEC §5.1), so everything the replica
 * holds goes — replicated rows, the search index, queued and refused commands — and the freed pages are overwritten
 * (VACUUM, then a WAL checkpoint) so that no deleted row stays readable in the file. The caller removes the folders.
 */
export function purgeReplica(replica: Pick<Replica, 'db' | 'sqlite'>): void {
  dropReplicatedData(replica.db);
  replica.db.transaction((tx) => {
    tx.delete(outbox).run();
    tx.delete(attention).run();
  });
  replica.sqlite.exec('VACUUM');
  replica.sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
