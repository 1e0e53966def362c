// A snapshot of the authority and user directory read from the database, serving the synchronous lookups that the
// shared `decide`, `viewFor` and the mail recipient rules need (they may not do I/O mid-decision).
import { inArray } from 'drizzle-orm';
import { authorities, users } from '../../db/hub/schema';
import type { Authority, AuthorityId } from '../../shared/authority/authority';
import type { RequestEnvironment } from '../../shared/request/environment';
import type { User } from '../../shared/user/user';
import type { HubExecutor } from '../db/openHubDatabase';
import type { ReferenceLookup } from './referenceLookup';

export interface Directory extends RequestEnvironment {
  allAuthorities(): readonly Authority[];
  usersOf(authorityId: AuthorityId): User[];
}

/**
 * Every authority (the directory is small and every rule may consult any of them: addressees, coordinators, linked
 * authorities), and the users of `userAuthorityIds` only.
 */
export async function loadDirectory(db: HubExecutor, reference: ReferenceLookup, userAuthorityIds: readonly string[]): Promise<Directory> {
  const authorityRows = await db.select({ data: authorities.data }).from(authorities);
  const ids = [...new Set(userAuthorityIds)];
  const userRows = ids.length === 0 ? [] : await db.select({ data: users.data }).from(users).where(inArray(users.authorityId, ids));
  return directoryOf(authorityRows.map((r) => r.data), userRows.map((r) => r.data), reference);
}

export function directoryOf(authorityList: readonly Authority[], userList: readonly User[], reference: ReferenceLookup): Directory {
  const byId = new Map(authorityList.map((a) => [a.id, a]));
  const usersById = new Map(userList.map((u) => [u.id, u]));
  return {
    authority: (id) => byId.get(id),
    user: (id) => usersById.get(id),
    questionSet: (id) => reference.questionSet(id),
    subjectSection: (area) => reference.subjectSection(area),
    allAuthorities: () => authorityList,
    usersOf: (authorityId) => userList.filter((u) => u.authorityId === authorityId),
  };
}
