// The desk's handling of one pushed batch's outcomes (electron/desk/sync/outcomes.ts): which cases stay marked
// pending, what a rejection in the middle of a batch leaves in the working copies, and that a long queue drains in
// batches without re-reading the whole outbox per outcome (the cost is asserted as behaviour: every row answered).
import { describe, expect, it } from 'vitest';
import { attention, outbox } from '../../db/replica/schema';
import { readRequest } from '../../electron/desk/replica/requestStore';
import { applyOutcomes } from '../../electron/desk/sync/outcomes';
import type { HubSyncClient } from '../../electron/desk/sync/syncEngine';
import type { CommandOutcome } from '../../shared/sync/protocol';
import { draftForm, T0, world } from '../../shared/testkit/world.testkit';
import { testDesk } from '../desk/support/deskHarness';

const USER = 'it-ca:handler';
const createDraft = (caseId: string) => ({ type: 'createDraft' as const, caseId, area: 'PQ' as const, questionSetId: 'pq-standard', form: draftForm() });
const applied = (seq: number, entryNumbers: Record<string, number> = {}): CommandOutcome => ({ status: 'applied', seq, entryNumbers });
const rejected = (seq: number): CommandOutcome => ({ status: 'rejected', seq, reason: 'NOT_YOUR_AUTHORITY' });
const noHub: HubSyncClient = { push: () => Promise.reject(new Error('not used')), pull: () => Promise.reject(new Error('not used')) };

function deskWithQueue(...caseIds: string[]) {
  const w = world();
  const desk = testDesk(w, USER, { hub: noHub });
  const party = { actor: w.actor(USER), env: desk.env };
  for (const id of caseIds) expect(desk.queue(createDraft(id))).toMatchObject({ ok: true });
  const answer = (outcomes: CommandOutcome[]) => desk.replica.db.transaction((tx) => applyOutcomes(tx, party, outcomes, T0));
  const pending = (id: string) => readRequest(desk.replica.db, id)?.pending;
  return { desk, answer, pending };
}

describe('applyOutcomes', () => {
  it('clears a case\'s pending mark only once no queued command touches it', () => {
    const { desk, answer, pending } = deskWithQueue('a', 'b');
    expect(desk.queue({ type: 'sendRequest', caseId: 'a' })).toMatchObject({ ok: true });
    answer([applied(1, { a: 7 }), applied(2, { b: 8 })]);
    expect([pending('a'), pending('b')]).toEqual([true, false]);
    expect(readRequest(desk.replica.db, 'a')?.data?.case.entryNumber).toBe(7);
    answer([applied(3)]);
    expect(pending('a')).toBe(false);
    expect(desk.replica.db.select().from(outbox).all()).toEqual([]);
  });

  it('keeps the case a queued copy creates pending while that copy is still queued', () => {
    const { desk, answer, pending } = deskWithQueue('a');
    const copy = { type: 'copyRequest' as const, caseId: 'a', newCaseId: 'c', parts: { addressee: true, subject: true, questions: true, attachments: false } };
    expect(desk.queue(copy)).toMatchObject({ ok: true });
    expect(desk.queue({ type: 'editDraft', caseId: 'c', form: draftForm() })).toMatchObject({ ok: true });
    // Answered out of order (the hub answers in order; this isolates the copy's own claim on `c`).
    answer([applied(1), applied(3)]);
    expect(pending('c')).toBe(true);
    answer([applied(2)]);
    expect([pending('a'), pending('c')]).toEqual([false, false]);
  });

  it('re-derives the cases of a command rejected mid-batch and keeps the effects of the applied ones', () => {
    const { desk, answer, pending } = deskWithQueue('a', 'b', 'c');
    answer([applied(1), rejected(2), applied(3)]);
    expect(readRequest(desk.replica.db, 'b')?.data ?? null).toBeNull();
    expect(readRequest(desk.replica.db, 'a')?.data?.case.status).toBe('DRAFT');
    expect(readRequest(desk.replica.db, 'c')?.data?.case.status).toBe('DRAFT');
    expect([pending('a'), pending('c')]).toEqual([false, false]);
    expect(desk.replica.db.select({ seq: attention.seq, caseId: attention.caseId }).from(attention).all()).toEqual([{ seq: 2, caseId: 'b' }]);
  });

  it('keeps a draft whose creation was applied when its edit in the same batch is rejected', () => {
    const { desk, answer, pending } = deskWithQueue('a');
    expect(desk.queue({ type: 'editDraft', caseId: 'a', form: draftForm({ proposedDueDays: 30 }) })).toMatchObject({ ok: true });
    expect(readRequest(desk.replica.db, 'a')?.data?.case).toMatchObject({ proposedDueDays: 30 });
    answer([applied(1, { a: 9 }), rejected(2)]);
    expect(readRequest(desk.replica.db, 'a')?.data?.case).toMatchObject({ status: 'DRAFT', proposedDueDays: 14, entryNumber: 9 });
    expect(pending('a')).toBe(false);
  });

  it('ignores outcomes of commands no longer queued (a repeated response)', () => {
    const { desk, answer, pending } = deskWithQueue('a');
    answer([applied(1)]);
    answer([applied(1), rejected(1)]);
    expect(pending('a')).toBe(false);
    expect(readRequest(desk.replica.db, 'a')?.data?.case.status).toBe('DRAFT');
    expect(desk.replica.db.select().from(attention).all()).toEqual([]);
  });

  it('answers every command of a queue of 300 in batches of 100', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `q-${i}`);
    const { desk, answer, pending } = deskWithQueue(...ids);
    for (let from = 1; from <= ids.length; from += 100) answer(Array.from({ length: 100 }, (_, k) => applied(from + k)));
    expect(desk.replica.db.select().from(outbox).all()).toEqual([]);
    expect(ids.filter((id) => pending(id) !== false)).toEqual([]);
  }, 120_000);
});
