// Which authorities a request concerns (SPEC §5.1): the change feed offers a change to each of them, and each user's
// level is then decided by `viewFor` at pull time. Erring wide is safe here; erring narrow would lose removals.
import { requestAccess } from '../../shared/authority/authority';
import type { AuthorityId } from '../../shared/authority/authority';
import type { RequestCase } from '../../shared/request/requestCase';
import type { Directory } from './directory';

export function relatedAuthorityIds(c: RequestCase, directory: Directory): AuthorityId[] {
  const ids = new Set<AuthorityId>([c.requestingAuthorityId, ...c.formerRespondingAuthorityIds]);
  for (const id of [c.respondingAuthorityId, c.requestingCoordinatorId, c.respondingCoordinatorId]) if (id !== null) ids.add(id);
  const parties = [c.requestingAuthorityId, c.respondingAuthorityId].filter((id): id is string => id !== null);
  for (const partyId of parties) {
    const party = directory.authority(partyId);
    if (!party) continue;
    for (const id of requestAccess(party, c.area)?.linkedCoordinatorIds ?? []) ids.add(id);
    for (const id of party.linkedAuthorityIds) ids.add(id);
  }
  // Links set from the watcher's side count too (see visibilityLevel).
  for (const a of directory.allAuthorities()) if (parties.some((p) => a.linkedAuthorityIds.includes(p))) ids.add(a.id);
  return [...ids].sort();
}

/** Every authority related before or after a change: those that lost the case must hear of it to remove it. */
export function audienceOf(before: RequestCase | undefined, after: RequestCase | undefined, directory: Directory): AuthorityId[] {
  const ids = new Set<AuthorityId>();
  for (const c of [before, after]) if (c) for (const id of relatedAuthorityIds(c, directory)) ids.add(id);
  return [...ids].sort();
}
