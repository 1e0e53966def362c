import { describe, expect, it } from 'vitest';
import { foldForSearch, ftsQuery } from '../../electron/desk/search/foldForSearch';
import { actionList, searchRequests } from '../../electron/desk/search/requestLists';
import { writeAuthority } from '../../electron/desk/replica/directoryStore';
import { RequestCommand } from '../../shared/request/commands';
import type { CommandInput } from '../../shared/testkit/world.testkit';
import { draftForm, text, world } from '../../shared/testkit/world.testkit';
import { InMemoryHub } from './support/inMemoryHub';
import { testDesk } from './support/deskHarness';

describe('foldForSearch', () => {
  it('folds case, accents and German transliterations to one spelling', () => {
    expect(new Set(['München', 'MUENCHEN', 'munchen', 'Muenchen'].map(foldForSearch))).toEqual(new Set(['munchen']));
    expect(foldForSearch('Préfecture')).toBe(foldForSearch('prefecture'));
    expect(foldForSearch('Straße')).toBe(foldForSearch('strasse'));
  });

  it('turns user input into quoted prefix terms so FTS syntax cannot be injected', () => {
    expect(ftsQuery('Préf OR "x')).toBe('"pref"* "or"* "x"*');
    expect(ftsQuery('  ')).toBeNull();
  });
});

function deskWithDrafts() {
  const w = world();
  const hub = new InMemoryHub(w, () => '2030-03-01T09:00:00.000Z');
  const desk = testDesk(w, 'it-ca:handler', { hub: hub.clientFor('it-ca:handler') });
  const hu = w.authorities.get('hu-ca')!;
  writeAuthority(desk.replica.db, { ...hu, officialName: 'Préfecture de München' }, 0);
  const draft = (caseId: string, summary: string) => desk.queue({
    type: 'createDraft', caseId, area: 'PQ', questionSetId: 'pq-standard', form: draftForm({ summary: text(summary) }),
  });
  draft('d-1', 'Nurse trained in Köln');
  draft('d-2', 'Architect from Lyon');
  return { w, desk };
}

describe('searchRequests', () => {
  it('finds authorities and free texts case- and accent-insensitively, with ue for ü', () => {
    const { desk } = deskWithDrafts();
    const ids = (q: string) => searchRequests(desk.replica.db, q).items.map((i) => i.id).sort();
    expect(ids('muenchen')).toEqual(['d-1', 'd-2']);
    expect(ids('MUNCHEN prefecture')).toEqual(['d-1', 'd-2']);
    expect(ids('koeln')).toEqual(['d-1']);
    expect(ids('köln nurse')).toEqual(['d-1']);
    expect(ids('lyon')).toEqual(['d-2']);
    expect(ids('berlin')).toEqual([]);
  });

  it('pages results with a total', () => {
    const { desk } = deskWithDrafts();
    const first = searchRequests(desk.replica.db, 'munchen', { limit: 1, sort: 'status', direction: 'asc' });
    const second = searchRequests(desk.replica.db, 'munchen', { limit: 1, offset: 1, sort: 'status', direction: 'asc' });
    expect(first.total).toBe(2);
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual(['d-1', 'd-2']);
  });
});

describe('actionList', () => {
  it('lists my drafts and hides a draft whose deletion is pending', () => {
    const { w, desk } = deskWithDrafts();
    const user = w.actor('it-ca:handler');
    expect(actionList(desk.replica.db, 'myDrafts', user, '2030-03-01').items.map((i) => i.id).sort()).toEqual(['d-1', 'd-2']);
    desk.queue({ type: 'sendRequest', caseId: 'd-2' });
    expect(actionList(desk.replica.db, 'myDrafts', user, '2030-03-01').items.map((i) => ({ id: i.id, pending: i.pending }))).toEqual([{ id: 'd-1', pending: true }]);
    desk.queue({ type: 'deleteDraft', caseId: 'd-1' });
    expect(actionList(desk.replica.db, 'myDrafts', user, '2030-03-01').total).toBe(0);
  });

  it('lists requests to be accepted by the responder and overdue ones by due date against the clock', async () => {
    const w = world();
    const hub = new InMemoryHub(w, () => '2030-03-01T09:00:00.000Z');
    const act = (userId: string, c: CommandInput) => expect(hub.act(userId, RequestCommand.parse(c)).status).toBe('applied');
    act('it-ca:handler', { type: 'createDraft', caseId: 'c-1', area: 'PQ', questionSetId: 'pq-standard', form: draftForm() });
    act('it-ca:handler', { type: 'sendRequest', caseId: 'c-1' });
    const desk = testDesk(w, 'hu-ca:handler', { hub: hub.clientFor('hu-ca:handler') });
    await desk.engine.syncOnce();
    const user = w.actor('hu-ca:handler');
    expect(actionList(desk.replica.db, 'toBeAccepted', user, '2030-03-01').items.map((i) => i.id)).toEqual(['c-1']);
    desk.queue({ type: 'acceptRequest', caseId: 'c-1', days: 10 });
    expect(actionList(desk.replica.db, 'toBeAnswered', user, '2030-03-01').items.map((i) => i.id)).toEqual(['c-1']);
    expect(actionList(desk.replica.db, 'overdue', user, '2030-03-05').total).toBe(0);
    expect(actionList(desk.replica.db, 'overdue', user, '2030-04-01').items.map((i) => i.id)).toEqual(['c-1']);
  });
});
