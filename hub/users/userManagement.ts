// LDA user management (SPEC §4): register, change rights, change username, reset password, unblock, deactivate.
// Each change is checked against the shared invariants under a row lock on the authority, so that two LDAs
// acting at once cannot together remove the last holder of a required role.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { authorities } from '../../db/hub/schema';
import type { Authority } from '../../shared/authority/authority';
import type { LanguageCode, LegislativeArea } from '../../shared/reference/codes';
import { checkUserChange, type UserRights } from '../../shared/user/invariants';
import type { User } from '../../shared/user/user';
import { audit } from '../audit';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords';
import { revokeUserSessions } from '../auth/sessions';
import type { HubTx } from '../db/openHubDatabase';
import type { HubDeps } from '../deps';
import { DESK_LINK } from '../mail/renderMail';
import type { Mail } from '../mailer';
import { recordUserChange } from '../sync/userChanges';
import { ok, refusal, type Outcome, type Refusal } from '../errors';
import { normaliseRights, unavailableRights } from './rights';
import { generateUsername, isValidUsername } from './usernames';
import { emailExists, insertUser, listUsersOfAuthority, normalizeUsername, saveUser, updateCredential, usernameExists } from './userStore';

export interface NewUserInput extends UserRights {
  name: string;
  surname: string;
  email: string;
  preferredLanguage: LanguageCode;
  telephone?: string | undefined;
  /** Chosen by the LDA; generated when absent. */
  username?: string | undefined;
}

type Actor = Pick<User, 'id' | 'authorityId'>;

interface Locked {
  tx: HubTx;
  authority: Authority;
  users: User[];
}

/** Runs `work` in a transaction holding the authority's row lock, with the authority and all its users loaded. */
async function withAuthorityLocked<T>(deps: HubDeps, authorityId: string, work: (locked: Locked) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const rolledBack = new Error('refused');
  let refused: Refusal | undefined;
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx.select({ data: authorities.data }).from(authorities).where(eq(authorities.id, authorityId)).for('update');
      if (!row) return refusal('NOT_YOUR_AUTHORITY');
      const outcome = await work({ tx, authority: row.data, users: await listUsersOfAuthority(tx, authorityId) });
      if (!outcome.ok) {
        // A refusal must leave nothing behind: roll back whatever the step wrote before it refused.
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

function invariantRefusal(authority: Authority, before: User[], after: User[]): Refusal | null {
  const [first, ...rest] = checkUserChange(authority, before, after);
  if (!first) return null;
  return refusal(first.code, { areas: [first, ...rest].filter((v) => v.code === first.code && v.area).map((v) => v.area as LegislativeArea) });
}

function findTarget(locked: Locked, userId: string): Outcome<User> {
  const user = locked.users.find((u) => u.id === userId);
  if (!user) return refusal('USER_NOT_FOUND');
  return ok(user);
}

/** Checks and writes one changed user, with its audit entry. */
async function commitUserChange(deps: HubDeps, locked: Locked, actor: Actor, before: User, after: User, action: string, details: Record<string, unknown> = {}): Promise<Outcome<User>> {
  // Only newly asked rights must be on offer: a right left over from access since removed does not block a reset.
  const leftOver = new Set(unavailableRights(locked.authority, before));
  const missing = unavailableRights(locked.authority, after).filter((r) => !leftOver.has(r));
  if (missing.length > 0) return refusal('RIGHTS_NOT_AVAILABLE', { rights: missing });
  const broken = invariantRefusal(locked.authority, locked.users, locked.users.map((u) => (u.id === after.id ? after : u)));
  if (broken) return broken;
  const now = deps.clock.now();
  await saveUser(locked.tx, after, now);
  await recordUserChange(locked.tx, after, now);
  await audit(locked.tx, { at: now, actorUserId: actor.id, action, authorityId: before.authorityId, targetUserId: before.id, details });
  return ok(after);
}

/** The temporary-password mail (SPEC §4): the password and its expiry only, never the username. */
function temporaryPasswordMail(user: User, temporary: { password: string; expiresAt: Date }): Mail {
  return {
    to: user.email,
    language: user.preferredLanguage,
    template: 'temporaryPassword',
    params: { temporaryPassword: temporary.password, expiresAt: temporary.expiresAt.toISOString(), link: DESK_LINK },
  };
}

async function issueTemporaryPassword(deps: HubDeps, now: Date): Promise<{ password: string; hash: string; expiresAt: Date }> {
  const password = generateTemporaryPassword();
  return { password, hash: await hashPassword(password, deps.config.argon2), expiresAt: new Date(now.getTime() + deps.config.temporaryPasswordDays * 86_400_000) };
}

export function listUsers(deps: HubDeps, actor: Actor): Promise<User[]> {
  return listUsersOfAuthority(deps.db, actor.authorityId);
}

/** Registers a user of the actor's authority; the temporary password is e-mailed, the username is returned to the LDA only. */
export async function registerUser(deps: HubDeps, actor: Actor, input: NewUserInput): Promise<Outcome<User>> {
  const now = deps.clock.now();
  let mail: Mail | undefined;
  const outcome = await withAuthorityLocked(deps, actor.authorityId, async (locked) => {
    if (await emailExists(locked.tx, input.email)) return refusal('EMAIL_TAKEN');
    let username: string;
    if (input.username !== undefined) {
      username = normalizeUsername(input.username);
      if (!isValidUsername(username)) return refusal('USERNAME_INVALID');
      if (await usernameExists(locked.tx, username)) return refusal('USERNAME_TAKEN');
    } else {
      username = await generateUsername(input.name, input.surname, (candidate) => usernameExists(locked.tx, candidate));
    }
    const user = normaliseRights(locked.authority, {
      id: randomUUID(), authorityId: actor.authorityId, username, name: input.name, surname: input.surname,
      preferredLanguage: input.preferredLanguage, email: input.email, telephone: input.telephone ?? '', status: 'ACTIVE',
      generalRoles: input.generalRoles, dataAdministratorAreas: input.dataAdministratorAreas, rights: input.rights,
    });
    const missing = unavailableRights(locked.authority, user);
    if (missing.length > 0) return refusal('RIGHTS_NOT_AVAILABLE', { rights: missing });
    const temporary = await issueTemporaryPassword(deps, now);
    await insertUser(locked.tx, user, { passwordHash: temporary.hash, mustChangePassword: true, temporaryPasswordExpiresAt: temporary.expiresAt, securityCodeHashes: null }, now);
    await recordUserChange(locked.tx, user, now);
    await audit(locked.tx, { at: now, actorUserId: actor.id, action: 'USER_REGISTERED', authorityId: actor.authorityId, targetUserId: user.id, details: { rights: user.rights } });
    mail = temporaryPasswordMail(user, temporary);
    return ok(user);
  });
  // Mailed only once the user exists for sure; a lost mail is mended by a password reset.
  if (outcome.ok && mail) await deps.mailer.send(mail);
  return outcome;
}

export function changeRights(deps: HubDeps, actor: Actor, input: { userId: string } & UserRights): Promise<Outcome<User>> {
  return withAuthorityLocked(deps, actor.authorityId, async (locked) => {
    const target = findTarget(locked, input.userId);
    if (!target.ok) return target;
    if (target.value.status === 'DEACTIVATED') return refusal('USER_DEACTIVATED');
    const after = normaliseRights(locked.authority, { ...target.value, generalRoles: input.generalRoles, dataAdministratorAreas: input.dataAdministratorAreas, rights: input.rights });
    return commitUserChange(deps, locked, actor, target.value, after, 'USER_RIGHTS_CHANGED', { rights: after.rights, generalRoles: after.generalRoles });
  });
}

export function changeUsername(deps: HubDeps, actor: Actor, input: { userId: string; username: string }): Promise<Outcome<User>> {
  return withAuthorityLocked(deps, actor.authorityId, async (locked) => {
    const target = findTarget(locked, input.userId);
    if (!target.ok) return target;
    const username = normalizeUsername(input.username);
    if (!isValidUsername(username)) return refusal('USERNAME_INVALID');
    if (username === target.value.username) return ok(target.value);
    if (await usernameExists(locked.tx, username)) return refusal('USERNAME_TAKEN');
    return commitUserChange(deps, locked, actor, target.value, { ...target.value, username }, 'USERNAME_CHANGED', { from: target.value.username, to: username });
  });
}

/** A new temporary password, e-mailed; it also lifts a block (SPEC §4) and ends the user's sessions. */
export async function resetPassword(deps: HubDeps, actor: Actor, input: { userId: string }): Promise<Outcome<User>> {
  const now = deps.clock.now();
  let mail: Mail | undefined;
  const outcome = await withAuthorityLocked(deps, actor.authorityId, async (locked) => {
    const target = findTarget(locked, input.userId);
    if (!target.ok) return target;
    if (target.value.status === 'DEACTIVATED') return refusal('USER_DEACTIVATED');
    const temporary = await issueTemporaryPassword(deps, now);
    await updateCredential(locked.tx, target.value.id, { passwordHash: temporary.hash, mustChangePassword: true, temporaryPasswordExpiresAt: temporary.expiresAt, failedAttempts: 0, blockedAt: null }, now);
    await revokeUserSessions(locked.tx, target.value.id, now);
    const after: User = { ...target.value, status: 'ACTIVE' };
    mail = temporaryPasswordMail(after, temporary);
    return commitUserChange(deps, locked, actor, target.value, after, 'PASSWORD_RESET');
  });
  if (outcome.ok && mail) await deps.mailer.send(mail);
  return outcome;
}

/** Lifts a block without a new password (the user keeps the one they know). */
export function unblockUser(deps: HubDeps, actor: Actor, input: { userId: string }): Promise<Outcome<User>> {
  return withAuthorityLocked(deps, actor.authorityId, async (locked) => {
    const target = findTarget(locked, input.userId);
    if (!target.ok) return target;
    if (target.value.status !== 'BLOCKED') return refusal('USER_NOT_BLOCKED');
    await updateCredential(locked.tx, target.value.id, { failedAttempts: 0, blockedAt: null }, deps.clock.now());
    return commitUserChange(deps, locked, actor, target.value, { ...target.value, status: 'ACTIVE' }, 'USER_UNBLOCKED');
  });
}

export function deactivateUser(deps: HubDeps, actor: Actor, input: { userId: string }): Promise<Outcome<User>> {
  return withAuthorityLocked(deps, actor.authorityId, async (locked) => {
    const target = findTarget(locked, input.userId);
    if (!target.ok) return target;
    if (target.value.status === 'DEACTIVATED') return refusal('USER_DEACTIVATED');
    const outcome = await commitUserChange(deps, locked, actor, target.value, { ...target.value, status: 'DEACTIVATED' }, 'USER_DEACTIVATED');
    if (outcome.ok) await revokeUserSessions(locked.tx, target.value.id, deps.clock.now());
    return outcome;
  });
}
