// Sessions: a random 32-byte bearer token whose SHA-256 alone is stored; expiry from the clock, revocation by setting revoked_at.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { credentials, sessions, users } from '../../db/hub/schema';
import type { User } from '../../shared/user/user';
import type { HubExecutor } from '../db/openHubDatabase';
import { ok, refusal, type Outcome } from '../errors';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(db: HubExecutor, userId: string, now: Date, ttlMinutes: number, remoteAddress: string): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt, remoteAddress });
  return { token, expiresAt };
}

/** The signed-in user behind a token, with what the first log-in still has to do. */
export interface SessionUser {
  tokenHash: string;
  expiresAt: Date;
  user: User;
  mustChangePassword: boolean;
  mustSetSecurityCode: boolean;
}

export async function resolveSession(db: HubExecutor, token: string, now: Date): Promise<Outcome<SessionUser>> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users.data, status: users.status, credential: credentials })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(credentials, eq(credentials.userId, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return refusal('UNAUTHENTICATED');
  // Before the revocation check: deactivation revokes every session, and the desk must still learn why, to purge its replica.
  if (row.status === 'DEACTIVATED') return refusal('ACCOUNT_DEACTIVATED');
  if (row.session.revokedAt !== null) return refusal('UNAUTHENTICATED');
  if (row.session.expiresAt.getTime() <= now.getTime()) return refusal('SESSION_EXPIRED');
  if (row.status === 'BLOCKED' || row.credential.blockedAt !== null) return refusal('ACCOUNT_BLOCKED');
  return ok({
    tokenHash,
    expiresAt: row.session.expiresAt,
    user: row.user,
    mustChangePassword: row.credential.mustChangePassword,
    mustSetSecurityCode: row.credential.securityCodeHashes === null,
  });
}

export async function revokeSession(db: HubExecutor, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Ends every open session of a user: on blocking, deactivation and password reset. */
export async function revokeUserSessions(db: HubExecutor, userId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
