// The end condition of the sync tests: a desk's replica holds exactly what the hub would show its user now
// (computed from the hub's database with the shared `viewFor`), nothing queued and nothing more.
import { expect } from 'vitest';
import { requests } from '../../../db/replica/schema';
import type { RequestView } from '../../../shared/request/visibility';
import type { SyncHub } from './syncHub';
import type { SyncTestDesk } from './testDesk';

/** Every request row of the desk that the UI can see, by id. */
export function deskViews(desk: SyncTestDesk): Map<string, RequestView> {
  const rows = desk.signedIn().replica.db.select({ id: requests.id, data: requests.data }).from(requests).all();
  return new Map(rows.filter((r) => r.data !== null).map((r) => [r.id, r.data as RequestView]));
}

export async function expectDeskEqualsHub(desk: SyncTestDesk, sync: SyncHub): Promise<void> {
  const { user, sync: engine } = desk.signedIn();
  expect(engine.status().pendingCount, `${user.username} still has queued commands`).toBe(0);
  const onHub = await sync.viewsFor(await sync.userByName(user.username));
  const onDesk = deskViews(desk);
  expect([...onDesk.keys()].sort(), `cases held by ${user.username}`).toEqual([...onHub.keys()].sort());
  for (const [id, view] of onHub) expect(onDesk.get(id), `case ${id} on the desk of ${user.username}`).toEqual(view);
}
