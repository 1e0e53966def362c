// Addressee search in the replica's directory: only authorities that can exchange requests in the area,
// by country, name part (accent- and case-insensitive, informal titles included), town and keywords.
import { describe, expect, it } from 'vitest';
import { writeAuthority } from '../../electron/desk/replica/directoryStore';
import { searchDirectory } from '../../electron/desk/search/directorySearch';
import { world } from '../../shared/testkit/world.testkit';
import { InMemoryHub } from './support/inMemoryHub';
import { testDesk } from './support/deskHarness';

function deskWithDirectory() {
  const w = world();
  const hub = new InMemoryHub(w, () => '2030-03-01T09:00:00.000Z');
  const desk = testDesk(w, 'it-ca:handler', { hub: hub.clientFor('it-ca:handler') });
  const hu = w.authorities.get('hu-ca')!;
  writeAuthority(desk.replica.db, {
    ...hu, officialName: 'Egészségügyi Nyilvántartási Központ', informalTitle: { en: 'Health registry', de: 'Gesundheitsregister' },
    address: { ...hu.address, town: 'Budapest' },
    areas: hu.areas.map((a) => ({ ...a, keywords: ['recognition-of-qualifications'] })),
  }, 0);
  return desk;
}

const ids = (r: ReturnType<typeof searchDirectory>) => r.items.map((i) => i.id);

describe('searchDirectory', () => {
  it('matches name parts across accents, case and translated informal titles', () => {
    const desk = deskWithDirectory();
    expect(ids(searchDirectory(desk.replica.db, { area: 'PQ', name: 'EGESZSEGUGYI kozpont' }))).toEqual(['hu-ca']);
    expect(ids(searchDirectory(desk.replica.db, { area: 'PQ', name: 'gesundheit' }))).toEqual(['hu-ca']);
  });

  it('filters by country, town and keywords', () => {
    const desk = deskWithDirectory();
    expect(ids(searchDirectory(desk.replica.db, { area: 'PQ', country: 'HU', town: 'budapest' }))).toEqual(['hu-ca']);
    expect(ids(searchDirectory(desk.replica.db, { area: 'PQ', country: 'HU', keywords: ['recognition-of-qualifications'] }))).toEqual(['hu-ca']);
    expect(ids(searchDirectory(desk.replica.db, { area: 'PQ', country: 'FR', town: 'budapest' }))).toEqual([]);
  });

  it('leaves out authorities that cannot receive requests in the area', () => {
    const desk = deskWithDirectory();
    const hungarian = ids(searchDirectory(desk.replica.db, { area: 'PQ', country: 'HU', limit: 200 }));
    expect(hungarian).toContain('hu-ca2');
    expect(hungarian).not.toContain('hu-suspended');
    expect(hungarian).not.toContain('hu-closed');
    expect(ids(searchDirectory(desk.replica.db, { area: 'PR', country: 'HU' }))).toEqual([]);
  });
});
