// Thousands of cases on a real hub without thousands of commands: copies of real cases (made through the API, so
// they are valid) written straight into the hub's database with their change rows, as the command service writes
// them (audience from the directory). Used by the long initial-sync tests and the benchmark.
import { authorities } from '../../../db/hub/schema';
import { cases } from '../../../db/hub/syncSchema';
import { audienceOf } from '../../../hub/requests/audience';
import { appendChange, lockFeed } from '../../../hub/requests/caseStore';
import { directoryOf } from '../../../hub/requests/directory';
import { EMPTY_REFERENCE } from '../../../hub/requests/referenceLookup';
import type { RequestCase } from '../../../shared/request/requestCase';
import type { SyncHub } from './syncHub';

const BATCH = 500;

/**
 * Writes `n` copies of `templates` (taken in turn) as cases `${prefix}-${i}`, with entry numbers from `firstEntry`.
 * Returns their ids.
 */
export async function seedCopies(sync: SyncHub, templates: readonly RequestCase[], n: number, prefix: string, firstEntry: number): Promise<string[]> {
  if (templates.length === 0) throw new Error('no template case');
  const db = sync.hub.database.db;
  const now = sync.hub.clock.now();
  const directory = directoryOf((await db.select({ data: authorities.data }).from(authorities)).map((r) => r.data), [], sync.hub.deps.reference ?? EMPTY_REFERENCE);
  const ids: string[] = [];
  for (let from = 0; from < n; from += BATCH) {
    await db.transaction(async (tx) => {
      await lockFeed(tx);
      const rows = Array.from({ length: Math.min(BATCH, n - from) }, (_, k) => {
        const i = from + k;
        const template = templates[i % templates.length] as RequestCase;
        const data: RequestCase = { ...template, id: `${prefix}-${i}`, entryNumber: firstEntry + i };
        return {
          id: data.id, entryNumber: data.entryNumber, area: data.area, status: data.status, requestingAuthorityId: data.requestingAuthorityId,
          respondingAuthorityId: data.respondingAuthorityId, data, version: 1, updatedAt: now,
        };
      });
      await tx.insert(cases).values(rows);
      for (const r of rows) {
        await appendChange(tx, 'request', r.id, audienceOf(undefined, r.data, directory), now);
        ids.push(r.id);
      }
    });
  }
  // Hub and desks share this process: seeding kept the event loop from its timers, so an HTTP keep-alive socket the
  // server is about to close may still look idle to the client, and the next request on it is reset. Let both sides'
  // overdue timers run first.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return ids;
}
