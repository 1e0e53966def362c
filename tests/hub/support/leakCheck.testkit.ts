// The leak check of issue 3: every demo user pulls the whole feed from 0 and nothing above their level is in it —
// no personal value or personal field id below FULL, no case of an authority they have no relation to.
import { expect } from 'vitest';
import { requestAccess } from '../../../shared/authority/authority';
import type { Authority } from '../../../shared/authority/authority';
import type { RequestView } from '../../../shared/request/visibility';
import { demoAuthorities, demoUsers } from '../../../hub/demo/demoData';
import type { ApiHub, Desk } from './hubApi.testkit';

/** Values the fixtures put in personal fields: none may appear in a view below FULL. */
export const PERSONAL_VALUES = ['Rossi', '1980-01-01', 'Via Roma 1'];
/** Ids of personal fields of the fixture sets (subject and the personal question). */
export const PERSONAL_FIELD_IDS = ['family-name', 'birth-date'];
const PERSONAL_QUESTION_IDS = ['home-address'];

const authorities = new Map(demoAuthorities().map((a) => [a.id, a]));

/** Every object in a JSON value, depth first. */
function* objectsIn(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) yield* objectsIn(v);
  else if (value !== null && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const v of Object.values(value)) yield* objectsIn(v);
  }
}

function linkedCoordinators(authorityId: string | null, area: 'PQ' | 'SD' | 'PR'): string[] {
  const a: Authority | undefined = authorityId ? authorities.get(authorityId) : undefined;
  return a ? requestAccess(a, area)?.linkedCoordinatorIds ?? [] : [];
}

/** Asserts one view received by a user of `authorityId` holds nothing above its level. */
export function expectNoLeak(view: RequestView, authorityId: string, who: string): void {
  const c = view.case;
  const related = [c.requestingAuthorityId, c.respondingAuthorityId, c.requestingCoordinatorId, c.respondingCoordinatorId,
    ...linkedCoordinators(c.requestingAuthorityId, c.area), ...linkedCoordinators(c.respondingAuthorityId, c.area)];
  expect(related, `${who} received case ${c.id} of authorities it has no relation to`).toContain(authorityId);
  if (view.level === 'FULL') return;
  const json = JSON.stringify(view);
  for (const value of PERSONAL_VALUES) expect(json, `${who} received personal value "${value}" at ${view.level}`).not.toContain(value);
  for (const o of objectsIn(view)) {
    for (const id of PERSONAL_FIELD_IDS) expect(Object.keys(o), `${who} received personal field ${id} at ${view.level}`).not.toContain(id);
    if (typeof o.questionId === 'string' && PERSONAL_QUESTION_IDS.includes(o.questionId)) expect(o.value ?? undefined, `${who} received a personal answer`).toBeUndefined();
    if ('contentAvailable' in o) expect(o.contentAvailable, `${who} may open an attachment at ${view.level}`).toBe(false);
  }
  if (view.level === 'MONITORING') expect(Object.keys(c).sort()).not.toContain('subject');
}

/** Desks of every demo user who can log in (those still in their first log-in cannot use the API). */
export async function everyDemoDesk(api: ApiHub): Promise<Desk[]> {
  const users = demoUsers(demoAuthorities()).filter((d) => !d.firstLoginPending).map((d) => d.user.username);
  return Promise.all(users.map((u) => api.desk(u)));
}

/** Pulls the whole feed from 0 for every desk and checks every request in it. Returns the case ids each user holds. */
export async function leakCheck(desks: readonly Desk[]): Promise<Map<string, Set<string>>> {
  const held = new Map<string, Set<string>>();
  await Promise.all(desks.map(async (desk) => {
    const { entries } = await desk.replicaFromZero();
    const authorityId = desk.username.replace(/-(lda|referral|admin|alerts|handler|viewer|allocator|basic|newcomer)$/, '');
    const ids = new Set<string>();
    for (const entry of entries.values()) {
      if (entry.entity !== 'request') continue;
      ids.add(entry.id);
      expectNoLeak(entry.data as RequestView, authorityId, desk.username);
    }
    held.set(desk.username, ids);
  }));
  return held;
}
