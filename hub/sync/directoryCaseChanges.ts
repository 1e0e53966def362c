// The cases a change of the authority directory touches (links between authorities, linked coordinators, an authority's
// status or access): who watches a request is read from the directory at pull time, so each touched case gets a change
// row whose audience is every authority related to it before or after — the newly related receive the view, the
// no-longer related a removal. Every service that changes authorities calls this in its own transaction.
import { inArray, or } from 'drizzle-orm';
import { authorities } from '../../db/hub/schema';
import { ALL_AUTHORITIES, cases } from '../../db/hub/syncSchema';
import type { Authority, AuthorityId } from '../../shared/authority/authority';
import type { HubExecutor } from '../db/openHubDatabase';
import type { HubDeps } from '../deps';
import { audienceOf } from '../requests/audience';
import { appendChange } from '../requests/caseStore';
import { directoryOf } from '../requests/directory';
import { EMPTY_REFERENCE } from '../requests/referenceLookup';

export interface AuthorityChange {
  before: Authority;
  after: Authority;
}

const symmetricDifference = (a: readonly string[], b: readonly string[]) => [...a.filter((x) => !b.includes(x)), ...b.filter((x) => !a.includes(x))];

/**
 * The authorities whose requests may be seen differently after the change: the changed ones themselves, and any
 * authority linked or unlinked by it (links count in both directions, see shared visibility).
 */
export function partiesTouched(changes: readonly AuthorityChange[]): AuthorityId[] {
  const ids = new Set<AuthorityId>();
  for (const { before, after } of changes) {
    ids.add(after.id);
    for (const id of symmetricDifference(before.linkedAuthorityIds, after.linkedAuthorityIds)) ids.add(id);
  }
  return [...ids].sort();
}

/**
 * Appends a change row for the authorities changed (audience: everyone, it is the public directory) and for every case
 * in which a touched authority is a party. Call it after the authorities were written, in the same transaction.
 * Returns the authorities to poke once the transaction commits.
 */
export async function recordDirectoryChange(tx: HubExecutor, deps: Pick<HubDeps, 'reference'>, changes: readonly AuthorityChange[], now: Date): Promise<string[]> {
  if (changes.length === 0) return [];
  const reference = deps.reference ?? EMPTY_REFERENCE;
  const current = (await tx.select({ data: authorities.data }).from(authorities)).map((r) => r.data);
  const replaced = (pick: (c: AuthorityChange) => Authority) => {
    const byId = new Map(changes.map((c) => [c.after.id, pick(c)]));
    return current.map((a) => byId.get(a.id) ?? a);
  };
  const beforeDirectory = directoryOf(replaced((c) => c.before), [], reference);
  const afterDirectory = directoryOf(replaced((c) => c.after), [], reference);

  // created_at = the row's updated_at: recordDirectoryChanges then knows this version of the authority is in the feed.
  for (const { after } of changes) await appendChange(tx, 'authority', after.id, [ALL_AUTHORITIES], now);

  const parties = partiesTouched(changes);
  const touched = await tx.select({ id: cases.id, data: cases.data }).from(cases)
    .where(or(inArray(cases.requestingAuthorityId, parties), inArray(cases.respondingAuthorityId, parties)))
    .orderBy(cases.id);
  for (const { id, data } of touched) {
    // The case itself did not change; its set of watchers did, and both sides of that set must hear of it.
    const audience = [...new Set([...audienceOf(data, undefined, beforeDirectory), ...audienceOf(data, undefined, afterDirectory)])].sort();
    await appendChange(tx, 'request', id, audience, now);
  }
  return [ALL_AUTHORITIES];
}
