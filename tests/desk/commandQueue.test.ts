import { describe, expect, it } from 'vitest';
import { attention, outbox, requests } from '../../db/replica/schema';
import { readRequest } from '../../electron/desk/replica/requestStore';
import { readNumber } from '../../electron/desk/replica/syncState';
import { draftForm, world } from '../../shared/testkit/world.testkit';
import { InMemoryHub } from './support/inMemoryHub';
import { testDesk } from './support/deskHarness';

function setup() {
  const w = world();
  const hub = new InMemoryHub(w, () => '2030-03-01T09:00:00.000Z');
  const desk = testDesk(w, 'it-ca:handler', { hub: hub.clientFor('it-ca:handler') });
  return { w, hub, desk };
}
const createDraft = (caseId = 'local-1', form = draftForm()) => ({ type: 'createDraft' as const, caseId, area: 'PQ' as const, questionSetId: 'pq-standard', form });

describe('queueCommand', () => {
  it('writes the optimistic effect, marked pending, and the outbox row with the next seq', () => {
    const { desk } = setup();
    const result = desk.queue(createDraft());
    expect(result).toEqual({ ok: true, seq: 1, caseIds: ['local-1'] });
    const stored = readRequest(desk.replica.db, 'local-1');
    expect(stored).toMatchObject({ pending: true, serverData: null, data: { level: 'FULL', case: { status: 'DRAFT', entryNumber: null } } });
    expect(desk.replica.db.select().from(outbox).all()).toEqual([expect.objectContaining({ seq: 1, caseId: 'local-1', state: 'pending' })]);
    expect(desk.queue({ type: 'sendRequest', caseId: 'local-1' })).toMatchObject({ ok: true, seq: 2 });
    expect(readRequest(desk.replica.db, 'local-1')?.data?.case.status).toBe('AWAITING_ACCEPTANCE');
  });

  it('returns the typed rejection at once and writes nothing when decide refuses', () => {
    const { desk } = setup();
    const result = desk.queue(createDraft('local-1', draftForm({ subject: {} })));
    expect(result).toEqual({ ok: false, rejection: { reason: 'DRAFT_INVALID', details: { fields: ['subject.family-name'] } } });
    expect(desk.replica.db.select().from(requests).all()).toEqual([]);
    expect(desk.replica.db.select().from(outbox).all()).toEqual([]);
    expect(readNumber(desk.replica.db, 'lastSeq')).toBe(0);
  });

  it('refuses a command on a case the desk does not hold', () => {
    const { desk } = setup();
    expect(desk.queue({ type: 'sendRequest', caseId: 'ghost' })).toEqual({ ok: false, rejection: { reason: 'CASE_NOT_FOUND' } });
  });

  it('leaves neither effect nor outbox row when the transaction fails after the effect was written', () => {
    const { desk } = setup();
    // A crash between the two writes: the outbox insert (the last write) aborts.
    desk.replica.sqlite.exec("CREATE TEMP TRIGGER crash BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");
    expect(() => desk.queue(createDraft())).toThrow(/simulated crash/);
    expect(desk.replica.db.select().from(requests).all()).toEqual([]);
    expect(desk.replica.db.select().from(outbox).all()).toEqual([]);
    expect(readNumber(desk.replica.db, 'lastSeq')).toBe(0);
    expect(desk.replica.sqlite.prepare('SELECT count(*) AS n FROM request_search').get()).toEqual({ n: 0 });
  });

  it('keeps the attention list untouched by local refusals', () => {
    const { desk } = setup();
    desk.queue({ type: 'withdrawRequest', caseId: 'ghost', justification: { text: 'x', language: 'en' } });
    expect(desk.replica.db.select().from(attention).all()).toEqual([]);
  });
});
