// Reads and writes users and their credentials; every User written is parsed with the shared schema first.
import { asc, eq, sql } from 'drizzle-orm';
import { credentials, users } from '../../db/hub/schema';
import { User } from '../../shared/user/user';
import type { HubExecutor } from '../db/openHubDatabase';

export type CredentialRow = typeof credentials.$inferSelect;

export async function loadUser(db: HubExecutor, id: string): Promise<User | undefined> {
  const [row] = await db.select({ data: users.data }).from(users).where(eq(users.id, id));
  return row?.data;
}

export async function findUserByUsername(db: HubExecutor, username: string): Promise<{ user: User; credential: CredentialRow } | undefined> {
  const [row] = await db
    .select({ user: users.data, credential: credentials })
    .from(users)
    .innerJoin(credentials, eq(credentials.userId, users.id))
    .where(eq(users.username, normalizeUsername(username)));
  return row;
}

export async function listUsersOfAuthority(db: HubExecutor, authorityId: string): Promise<User[]> {
  const rows = await db.select({ data: users.data }).from(users).where(eq(users.authorityId, authorityId)).orderBy(asc(users.username));
  return rows.map((r) => r.data);
}

export async function usernameExists(db: HubExecutor, username: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, normalizeUsername(username))).limit(1);
  return rows.length > 0;
}

export async function emailExists(db: HubExecutor, email: string, exceptUserId?: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(2);
  return rows.some((r) => r.id !== exceptUserId);
}

function columnsOf(user: User) {
  return { authorityId: user.authorityId, username: user.username, email: user.email, status: user.status, preferredLanguage: user.preferredLanguage };
}

export async function insertUser(db: HubExecutor, user: User, credential: Omit<CredentialRow, 'userId' | 'updatedAt' | 'failedAttempts' | 'blockedAt'>, now: Date): Promise<void> {
  const data = User.parse({ ...user, username: normalizeUsername(user.username) });
  await db.insert(users).values({ id: data.id, ...columnsOf(data), data, createdAt: now, updatedAt: now });
  await db.insert(credentials).values({ userId: data.id, ...credential, failedAttempts: 0, blockedAt: null, updatedAt: now });
}

export async function saveUser(db: HubExecutor, user: User, now: Date): Promise<void> {
  const data = User.parse({ ...user, username: normalizeUsername(user.username) });
  await db.update(users).set({ ...columnsOf(data), data, updatedAt: now }).where(eq(users.id, data.id));
}

export async function updateCredential(db: HubExecutor, userId: string, change: Partial<Omit<CredentialRow, 'userId'>>, now: Date): Promise<void> {
  await db.update(credentials).set({ ...change, updatedAt: now }).where(eq(credentials.userId, userId));
}

/** Usernames are compared and stored lower-case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
