// An authority's own data as its users read it and its LDA changes it (SPEC §3.1, §4): one transaction holding the
// authority's row lock writes the authority, any ALLOCATOR rights switching allocation on grants, the audit entries and
// the change rows of every case whose watchers the change alters.
import { eq } from 'drizzle-orm';
import { authorities } from '../../db/hub/schema';
import type { Authority } from '../../shared/authority/authority';
import type { LegislativeArea } from '../../shared/reference/codes';
import { userInvariantViolations, type Violation } from '../../shared/user/invariants';
import type { User } from '../../shared/user/user';
import { audit } from '../audit';
import type { HubTx } from '../db/openHubDatabase';
import type { HubDeps } from '../deps';
import { ok, refusal, type Outcome, type Refusal } from '../errors';
import { listUsersOfAuthority, saveUser } from '../users/userStore';
import { commitAuthorityChange } from './authorityChange';
import { loadAuthority } from './authorityStore';
import { applyOwnAuthorityPatch, checkLinks, type OwnAuthorityPatch } from './ownAuthorityChange';

type Actor = Pick<User, 'id' | 'authorityId'>;

export async function loadOwnAuthority(deps: HubDeps, actor: Actor): Promise<Outcome<Authority>> {
  const authority = await loadAuthority(deps.db, actor.authorityId);
  return authority ? ok(authority) : refusal('AUTHORITY_NOT_FOUND');
}

/** Request areas in which the authority's users can hold ALLOCATOR (the access is not removed). */
function allocationAreas(authority: Authority): LegislativeArea[] {
  const gone = ['REMOVED', 'REMOVED_REACTIVATION_REQUESTED'];
  return authority.areas
    .filter((a) => !gone.includes(a.status) && a.workflows.some((w) => w.workflow === 'REQUEST' && !gone.includes(w.status)))
    .map((a) => a.area);
}

/** SPEC §4: LDAs are allocators by default, so switching allocation on makes every (not deactivated) LDA one. */
function grantAllocatorToLdas(authority: Authority, users: readonly User[]): User[] {
  const areas = allocationAreas(authority);
  return users.map((user) => {
    if (user.status === 'DEACTIVATED' || !user.generalRoles.includes('LDA')) return user;
    const rights = [...user.rights];
    for (const area of areas) {
      const index = rights.findIndex((r) => r.area === area && r.workflow === 'REQUEST');
      const current = rights[index];
      if (!current) rights.push({ area, workflow: 'REQUEST', roles: ['ALLOCATOR'] });
      else if (!current.roles.includes('ALLOCATOR')) rights[index] = { ...current, roles: [...current.roles, 'ALLOCATOR'] };
    }
    return rights.length === user.rights.length && rights.every((r, i) => r === user.rights[i]) ? user : { ...user, rights };
  });
}

const key = (v: Violation) => `${v.code}:${v.area ?? ''}`;

/** A rule of SPEC §4 the changed authority (with its users as they will be) would break and did not break before. */
function newViolation(before: Authority, usersBefore: readonly User[], after: Authority, usersAfter: readonly User[]): Refusal | null {
  const existing = new Set(userInvariantViolations(before, usersBefore).map(key));
  const introduced = userInvariantViolations(after, usersAfter).filter((v) => !existing.has(key(v)));
  const [first] = introduced;
  if (!first) return null;
  return refusal(first.code, { areas: introduced.filter((v) => v.code === first.code && v.area).map((v) => v.area as LegislativeArea) });
}

/** Runs `work` holding the authority's row lock; a refusal rolls back whatever it wrote. */
async function withAuthorityLocked<T>(deps: HubDeps, authorityId: string, work: (tx: HubTx, authority: Authority) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const rolledBack = new Error('refused');
  let refused: Refusal | undefined;
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx.select({ data: authorities.data }).from(authorities).where(eq(authorities.id, authorityId)).for('update');
      if (!row) return refusal('AUTHORITY_NOT_FOUND');
      const outcome = await work(tx, row.data);
      if (!outcome.ok) {
        refused = outcome;
        throw rolledBack;
      }
      return outcome;
    });
  } catch (error) {
    if (error === rolledBack && refused) return refused;
    throw error;
  }
}

/** Applies an LDA's change to their own authority. Nothing is written when it is refused or changes nothing. */
export async function updateOwnAuthority(deps: HubDeps, actor: Actor, patch: OwnAuthorityPatch): Promise<Outcome<Authority>> {
  return withAuthorityLocked(deps, actor.authorityId, async (tx, before) => {
    let linkedAuthorityIds = before.linkedAuthorityIds;
    if (patch.linkedAuthorityIds !== undefined) {
      const all = new Map((await tx.select({ data: authorities.data }).from(authorities)).map((r) => [r.data.id, r.data]));
      const checked = checkLinks(before, patch.linkedAuthorityIds, (id) => all.get(id));
      if (!checked.ok) return checked;
      linkedAuthorityIds = checked.value;
    }
    const applied = applyOwnAuthorityPatch(before, patch, linkedAuthorityIds);
    if (!applied.ok) return applied;
    const { after, changed } = applied.value;
    if (changed.length === 0) return ok(before);

    const usersBefore = await listUsersOfAuthority(tx, before.id);
    const switchingOn = !before.usesAllocation && after.usesAllocation;
    const usersAfter = switchingOn ? grantAllocatorToLdas(after, usersBefore) : usersBefore;
    const broken = newViolation(before, usersBefore, after, usersAfter);
    if (broken) return broken;

    const now = deps.clock.now();
    await commitAuthorityChange(tx, deps, before, after, now);
    const granted = usersAfter.filter((u, i) => u !== usersBefore[i]);
    for (const user of granted) {
      await saveUser(tx, user, now);
      await audit(tx, { at: now, actorUserId: actor.id, action: 'USER_RIGHTS_CHANGED', authorityId: before.id, targetUserId: user.id, details: { rights: user.rights, reason: 'ALLOCATOR granted to LDAs when allocation was switched on' } });
    }
    const details: Record<string, unknown> = Object.fromEntries(changed.map((field) => [field, { from: before[field], to: after[field] }]));
    if (switchingOn) details.allocatorGrantedTo = granted.map((u) => u.id);
    await audit(tx, { at: now, actorUserId: actor.id, action: 'AUTHORITY_UPDATED', authorityId: before.id, details });
    return ok(after);
  });
}
