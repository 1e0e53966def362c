// The authority directory and the visible users in the replica, as the change feed delivers them.
import { eq } from 'drizzle-orm';
import { authorities, users } from '../../../db/replica/schema';
import type { Authority } from '../../../shared/authority/authority';
import type { User } from '../../../shared/user/user';
import type { ReplicaExecutor } from './replicaDb';

export function writeAuthority(db: ReplicaExecutor, authority: Authority, position: number): void {
  const values = { country: authority.country, officialName: authority.officialName, status: authority.status, data: authority, updatedPosition: position };
  db.insert(authorities).values({ id: authority.id, ...values }).onConflictDoUpdate({ target: authorities.id, set: values }).run();
}

export function readAuthority(db: ReplicaExecutor, id: string): Authority | undefined {
  return db.select({ data: authorities.data }).from(authorities).where(eq(authorities.id, id)).get()?.data as Authority | undefined;
}

export function removeAuthority(db: ReplicaExecutor, id: string): void {
  db.delete(authorities).where(eq(authorities.id, id)).run();
}

export function writeUser(db: ReplicaExecutor, user: User, position: number): void {
  const values = { authorityId: user.authorityId, data: user, updatedPosition: position };
  db.insert(users).values({ id: user.id, ...values }).onConflictDoUpdate({ target: users.id, set: values }).run();
}

export function readUser(db: ReplicaExecutor, id: string): User | undefined {
  return db.select({ data: users.data }).from(users).where(eq(users.id, id)).get()?.data as User | undefined;
}

export function removeUser(db: ReplicaExecutor, id: string): void {
  db.delete(users).where(eq(users.id, id)).run();
}

/** The users of one authority the replica holds (the feed delivers the user's own colleagues), for allocation. */
export function listUsersOf(db: ReplicaExecutor, authorityId: string): User[] {
  return db.select({ data: users.data }).from(users).where(eq(users.authorityId, authorityId)).all().map((row) => row.data as User);
}
