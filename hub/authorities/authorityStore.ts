// Reads and writes authorities: the whole Authority in jsonb, the queried fields mirrored in columns.
import { eq } from 'drizzle-orm';
import { authorities } from '../../db/hub/schema';
import { Authority } from '../../shared/authority/authority';
import type { HubExecutor } from '../db/openHubDatabase';

export async function loadAuthority(db: HubExecutor, id: string): Promise<Authority | undefined> {
  const [row] = await db.select({ data: authorities.data }).from(authorities).where(eq(authorities.id, id));
  return row?.data;
}

export async function insertAuthority(db: HubExecutor, authority: Authority, now: Date): Promise<void> {
  const data = Authority.parse(authority);
  await db.insert(authorities).values({ id: data.id, country: data.country, status: data.status, officialName: data.officialName, data, updatedAt: now });
}

/** Whether any authority exists: an empty hub is one that gets demo data. */
export async function hasAuthorities(db: HubExecutor): Promise<boolean> {
  const rows = await db.select({ id: authorities.id }).from(authorities).limit(1);
  return rows.length > 0;
}

/** Writes an authority as it is after a change; updated_at is what the change feed keys its directory rows on. */
export async function saveAuthority(db: HubExecutor, authority: Authority, now: Date): Promise<void> {
  const data = Authority.parse(authority);
  await db.update(authorities).set({ country: data.country, status: data.status, officialName: data.officialName, data, updatedAt: now }).where(eq(authorities.id, data.id));
}
