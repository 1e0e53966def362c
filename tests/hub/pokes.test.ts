// Pokes: a committed change NOTIFYs its audience and every hub process LISTENing pokes those users over the
// `sync.onPoke` WebSocket subscription — data-free, and only to users the change concerns.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hubBackends, logInOk, openTestHub } from '../../hub/testing/hubHarness.testkit';
import { openHubDatabase } from '../../hub/db/openHubDatabase';
import { PokeBus } from '../../hub/pokes';
import { startHubServer } from '../../hub/server';
import { startChangeListener } from '../../hub/sync/changeNotifier';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { Desk, FIXTURE_REFERENCE, useApiHub } from './support/hubApi.testkit';
import { createDraft, newCaseId } from './support/requests.testkit';

/** Resolves with the number of pokes seen once `count` arrived, or after `ms` with what arrived. */
function collectPokes(desk: Desk, ms: number): { done: Promise<Array<unknown>>; stop: () => void } {
  const seen: unknown[] = [];
  const stop = desk.onPoke(() => seen.push({}));
  return { done: new Promise((resolve) => setTimeout(() => resolve(seen), ms)), stop };
}

describe.each(hubBackends())('pokes on $name', { timeout: 60_000 }, (backend) => {
  const current = useApiHub(backend);

  it('pokes the users of the authorities a change concerns, and nobody else', async () => {
    const api = current();
    const requester = await api.desk('it-salute-handler');
    const responder = await api.desk('hu-enkk-handler');
    const stranger = await api.desk('fr-cnom-handler');
    const responderPokes = collectPokes(responder, 1500);
    const strangerPokes = collectPokes(stranger, 1500);
    await new Promise((r) => setTimeout(r, 300)); // let the subscriptions open
    const id = newCaseId();
    await requester.ok(createDraft(id));
    await requester.ok({ type: 'sendRequest', caseId: id });
    const [toResponder, toStranger] = await Promise.all([responderPokes.done, strangerPokes.done]);
    responderPokes.stop();
    strangerPokes.stop();
    expect(toResponder.length).toBeGreaterThanOrEqual(1);
    expect(toResponder.every((p) => JSON.stringify(p) === '{}')).toBe(true);
    expect(toStranger).toEqual([]);
  });
});

const postgres = hubBackends().filter((b) => b.name === 'postgres');
describe.skipIf(postgres.length === 0)('two hub instances on one PostgreSQL database', () => {
  it('poke each other through LISTEN/NOTIFY', async () => {
    const backend = postgres[0];
    if (!backend) return;
    const first = await openTestHub(backend);
    first.deps.reference = FIXTURE_REFERENCE;
    // The second instance: its own connection pool to the same database, its own server and poke bus.
    const named = await first.database.db.execute(sql`select current_database() as name`) as unknown as { rows: Array<{ name: string }> };
    const url = new URL(process.env.HUB_TEST_DATABASE_URL ?? '');
    url.pathname = `/${named.rows[0]?.name ?? ''}`;
    const second = await openHubDatabase({ kind: 'postgres', url: url.toString() });
    const pokesA = new PokeBus();
    const pokesB = new PokeBus();
    const serverA = await startHubServer(first.deps, pokesA);
    const serverB = await startHubServer({ ...first.deps, db: second.db }, pokesB);
    const stopA = await startChangeListener(first.database.db, pokesA);
    const stopB = await startChangeListener(second.db, pokesB);
    try {
      const responder = new Desk('hu-enkk-handler', serverB, (await logInOk(first.deps, 'hu-enkk-handler')).token);
      const requester = new Desk('it-salute-handler', serverA, (await logInOk(first.deps, 'it-salute-handler')).token);
      const pokes = collectPokes(responder, 2000);
      await new Promise((r) => setTimeout(r, 300));
      const id = `case-${randomUUID()}`;
      await requester.ok(createDraft(id));
      await requester.trpc.sync.push.mutate({ protocolVersion: PROTOCOL_VERSION, commands: [{ clientId: requester.clientId, seq: 2, command: { type: 'sendRequest', caseId: id } }] } as never);
      expect((await pokes.done).length).toBeGreaterThanOrEqual(1);
      pokes.stop();
      responder.close();
    } finally {
      await stopA();
      await stopB();
      await serverA.close();
      await serverB.close();
      await second.close();
      await first.close();
    }
  });
});
