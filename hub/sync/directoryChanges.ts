// Brings authority and user rows into the change feed. Other hub services write those tables without knowing about
// the feed, so before each pull any row whose `updated_at` has no change row yet gets one; the change row carries the
// row's own `updated_at` as its created_at, which makes the check exact whatever the clocks say.
import { sql } from 'drizzle-orm';
import type { HubExecutor } from '../db/openHubDatabase';
import { ALL_AUTHORITIES } from '../../db/hub/syncSchema';
import { lockFeed } from '../requests/caseStore';

const MISSING = sql`
  select exists (select 1 from authorities a where not exists (select 1 from changes c where c.entity = 'authority' and c.entity_id = a.id and c.created_at = a.updated_at))
      or exists (select 1 from users u where not exists (select 1 from changes c where c.entity = 'user' and c.entity_id = u.id and c.created_at = u.updated_at)) as missing`;

/** Cheap when nothing is missing: the feed lock (which serialises writers) is taken only when rows must be added. */
export async function recordDirectoryChanges(tx: HubExecutor): Promise<void> {
  const check = await tx.execute(MISSING) as unknown as { rows: Array<{ missing: boolean }> };
  if (!check.rows[0]?.missing) return;
  await lockFeed(tx);
  await tx.execute(sql`
    insert into changes (entity, entity_id, audience, created_at)
    select 'authority', a.id, array[${ALL_AUTHORITIES}]::text[], a.updated_at from authorities a
    where not exists (select 1 from changes c where c.entity = 'authority' and c.entity_id = a.id and c.created_at = a.updated_at)
    order by a.updated_at, a.id`);
  await tx.execute(sql`
    insert into changes (entity, entity_id, audience, created_at)
    select 'user', u.id, array[u.authority_id]::text[], u.updated_at from users u
    where not exists (select 1 from changes c where c.entity = 'user' and c.entity_id = u.id and c.created_at = u.updated_at)
    order by u.updated_at, u.id`);
}
