// Log-in of SPEC §4: a challenge of three security-code positions, then password + those characters;
// five failures block the account; the first log-in sets a new password and the security code.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { credentials, loginChallenges, users } from '../../db/hub/schema';
import type { Authority } from '../../shared/authority/authority';
import type { User } from '../../shared/user/user';
import { audit } from '../audit';
import { loadAuthority } from '../authorities/authorityStore';
import type { HubDeps } from '../deps';
import { ok, refusal, type Outcome } from '../errors';
import { findUserByUsername, normalizeUsername, updateCredential } from '../users/userStore';
import { hashPassword, passwordPolicyViolation, verifyPassword } from './passwords';
import { isLoginRateLimited, recordLoginAttempt } from './rateLimit';
import { chooseChallengePositions, hashSecurityCode, isValidSecurityCode, verifySecurityCodeCharacters } from './securityCode';
import { createSession, revokeUserSessions, type SessionUser } from './sessions';
import { DESK_LINK } from '../mail/renderMail';

export const MAX_FAILED_ATTEMPTS = 5;

export interface LoginChallenge {
  challengeId: string;
  positions: number[];
  /** ISO 8601: dates cross the wire as strings. */
  expiresAt: string;
}

/** Step 1. Unknown usernames get a challenge too, indistinguishable from a real one. */
export async function startLogin(deps: HubDeps, input: { username: string }, remoteAddress: string): Promise<Outcome<LoginChallenge>> {
  const now = deps.clock.now();
  if (await isLoginRateLimited(deps.db, deps.config.loginRateLimit, { username: null, remoteAddress }, now)) return refusal('RATE_LIMITED');
  const username = normalizeUsername(input.username);
  const found = await findUserByUsername(deps.db, username);
  const challenge = { challengeId: randomUUID(), positions: chooseChallengePositions(), expiresAt: new Date(now.getTime() + deps.config.loginChallengeTtlSeconds * 1000) };
  await deps.db.insert(loginChallenges).values({
    id: challenge.challengeId, username, userId: found?.user.id ?? null, positions: challenge.positions, createdAt: now, expiresAt: challenge.expiresAt,
  });
  return ok({ ...challenge, expiresAt: challenge.expiresAt.toISOString() });
}

export interface CompleteLoginInput {
  challengeId: string;
  username: string;
  password: string;
  /** The characters at the challenge's positions; ignored only while the user has no security code yet (first log-in). */
  codeCharacters?: string[] | undefined;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
  authority: Authority;
  mustChangePassword: boolean;
  mustSetSecurityCode: boolean;
  offlineLoginDays: number;
}

// Verified against when the username is unknown, so that a miss costs as long as a hit.
let decoyHash: Promise<string> | undefined;

/** Step 2. Every failure is recorded for rate limiting; the challenge is spent whatever happens. */
export async function completeLogin(deps: HubDeps, input: CompleteLoginInput, remoteAddress: string): Promise<Outcome<LoginResult>> {
  const { db, config, clock } = deps;
  const now = clock.now();
  const username = normalizeUsername(input.username);
  if (await isLoginRateLimited(db, config.loginRateLimit, { username, remoteAddress }, now)) return refusal('RATE_LIMITED');
  const fail = async (reason: 'LOGIN_FAILED' | 'CHALLENGE_INVALID' | 'ACCOUNT_BLOCKED' | 'ACCOUNT_DEACTIVATED' | 'TEMPORARY_PASSWORD_EXPIRED') => {
    await recordLoginAttempt(db, { username, remoteAddress, succeeded: false, at: now });
    return refusal(reason);
  };

  const [challenge] = await db
    .update(loginChallenges)
    .set({ usedAt: now })
    .where(sql`${loginChallenges.id} = ${input.challengeId} and ${loginChallenges.usedAt} is null`)
    .returning();
  if (!challenge || challenge.expiresAt.getTime() <= now.getTime() || challenge.username !== username) return fail('CHALLENGE_INVALID');

  const found = await findUserByUsername(db, username);
  if (!found) {
    decoyHash ??= hashPassword('decoy-password-1', config.argon2);
    await verifyPassword(await decoyHash, input.password);
    return fail('LOGIN_FAILED');
  }
  const { user, credential } = found;
  if (user.status === 'DEACTIVATED') return fail('ACCOUNT_DEACTIVATED');
  // A blocked account is refused before the password is checked, so it cannot serve as an oracle for guessing.
  if (user.status === 'BLOCKED' || credential.blockedAt !== null) return fail('ACCOUNT_BLOCKED');

  const passwordOk = await verifyPassword(credential.passwordHash, input.password);
  const codeOk = credential.securityCodeHashes === null
    || await verifySecurityCodeCharacters(credential.securityCodeHashes, challenge.positions, input.codeCharacters ?? []);
  if (!passwordOk || !codeOk) return registerFailure(deps, user, username, remoteAddress, now);

  if (credential.temporaryPasswordExpiresAt !== null && credential.temporaryPasswordExpiresAt.getTime() <= now.getTime()) {
    return fail('TEMPORARY_PASSWORD_EXPIRED');
  }
  const authority = await loadAuthority(db, user.authorityId);
  if (!authority) return refusal('INTERNAL');
  const session = await db.transaction(async (tx) => {
    await updateCredential(tx, user.id, { failedAttempts: 0 }, now);
    await recordLoginAttempt(tx, { username, remoteAddress, succeeded: true, at: now });
    await audit(tx, { at: now, actorUserId: user.id, action: 'LOGIN', authorityId: user.authorityId, targetUserId: user.id, details: { remoteAddress } });
    return createSession(tx, user.id, now, config.sessionTtlMinutes, remoteAddress);
  });
  return ok({
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    user,
    authority,
    mustChangePassword: credential.mustChangePassword,
    mustSetSecurityCode: credential.securityCodeHashes === null,
    offlineLoginDays: config.offlineLoginDays,
  });
}

async function registerFailure(deps: HubDeps, user: User, username: string, remoteAddress: string, now: Date): Promise<Outcome<never>> {
  const outcome = await countFailure(deps, user, username, remoteAddress, now);
  // Told after the commit: the block stands even when the mail cannot be sent.
  if (!outcome.ok && outcome.reason === 'ACCOUNT_BLOCKED') {
    await deps.mailer.send({ to: user.email, language: user.preferredLanguage, template: 'accountBlocked', params: { link: DESK_LINK } }).catch((error: unknown) => {
      console.error('hub: account-blocked mail failed', error);
    });
  }
  return outcome;
}

async function countFailure(deps: HubDeps, user: User, username: string, remoteAddress: string, now: Date): Promise<Outcome<never>> {
  return deps.db.transaction(async (tx) => {
    await recordLoginAttempt(tx, { username, remoteAddress, succeeded: false, at: now });
    // Incremented in SQL so that concurrent wrong attempts cannot both read 4 and write 5 only once.
    const [counted] = await tx
      .update(credentials)
      .set({ failedAttempts: sql`${credentials.failedAttempts} + 1`, updatedAt: now })
      .where(eq(credentials.userId, user.id))
      .returning({ failedAttempts: credentials.failedAttempts });
    if ((counted?.failedAttempts ?? 0) < MAX_FAILED_ATTEMPTS) return refusal('LOGIN_FAILED');
    await tx.update(credentials).set({ blockedAt: now }).where(eq(credentials.userId, user.id));
    await tx.update(users).set({ status: 'BLOCKED', data: { ...user, status: 'BLOCKED' }, updatedAt: now }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, now);
    await audit(tx, { at: now, actorUserId: null, action: 'ACCOUNT_BLOCKED', authorityId: user.authorityId, targetUserId: user.id, details: { failedAttempts: MAX_FAILED_ATTEMPTS } });
    return refusal('ACCOUNT_BLOCKED');
  });
}

/** The first log-in (or one after a reset): the temporary password is replaced and, if not yet set, the security code is set. */
export async function completeFirstLogin(deps: HubDeps, session: SessionUser, input: { newPassword: string; securityCode?: string | undefined }): Promise<Outcome<{ mustChangePassword: false; mustSetSecurityCode: false }>> {
  const { db, config, clock } = deps;
  const now = clock.now();
  if (!session.mustChangePassword && !session.mustSetSecurityCode) return refusal('NOT_FIRST_LOGIN');
  const weakness = passwordPolicyViolation(input.newPassword);
  if (weakness) return refusal('PASSWORD_TOO_WEAK', { rule: weakness });
  const found = await findUserByUsername(db, session.user.username);
  if (!found) return refusal('UNAUTHENTICATED');
  if (await verifyPassword(found.credential.passwordHash, input.newPassword)) return refusal('PASSWORD_TOO_WEAK', { rule: 'different from the temporary password' });
  if (session.mustSetSecurityCode && (input.securityCode === undefined || !isValidSecurityCode(input.securityCode))) {
    return refusal('SECURITY_CODE_INVALID', { rule: '12 characters: letters, digits, symbols' });
  }
  const passwordHash = await hashPassword(input.newPassword, config.argon2);
  // After a password reset the code is kept: the user only chooses a new password.
  const securityCodeHashes = session.mustSetSecurityCode && input.securityCode !== undefined
    ? await hashSecurityCode(input.securityCode, config.argon2)
    : found.credential.securityCodeHashes;
  await db.transaction(async (tx) => {
    await updateCredential(tx, session.user.id, { passwordHash, mustChangePassword: false, temporaryPasswordExpiresAt: null, securityCodeHashes }, now);
    await audit(tx, { at: now, actorUserId: session.user.id, action: 'FIRST_LOGIN_COMPLETED', authorityId: session.user.authorityId, targetUserId: session.user.id });
  });
  return ok({ mustChangePassword: false, mustSetSecurityCode: false });
}
