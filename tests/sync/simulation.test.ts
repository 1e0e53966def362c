// A seeded random simulation (DESIGN §6.12): three desks — two users of it-salute (IT), one of hu-enkk (HU) — take
// random commands from those the status allows (`commandsFrom`), while their connections are cut and restored at
// random. At the end every desk equals the hub's view for its user, and no desk holds a personal field below FULL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestCommandType } from '../../shared/request/commands';
import { commandsFrom } from '../../shared/request/transitions';
import type { RequestView } from '../../shared/request/visibility';
import type { TcpProxy } from '../desk/support/tcpProxy';
import { deskViews, expectDeskEqualsHub } from './support/convergence';
import { seededRandom } from './support/seededRandom';
import type { Random } from './support/seededRandom';
import { completeDraft, fullAnswers, personalFieldIds, text } from './support/shippedCases';
import type { CommandInput } from './support/shippedCases';
import { startSyncHub } from './support/syncHub';
import type { SyncHub } from './support/syncHub';
import { openTestDesk } from './support/testDesk';
import type { SyncTestDesk } from './support/testDesk';

const STEPS = 60;
const USERS = [
  { username: 'it-salute-handler', addressee: 'hu-enkk' },
  { username: 'it-salute-lda', addressee: 'hu-enkk' },
  { username: 'hu-enkk-handler', addressee: 'it-salute' },
] as const;

interface SimDesk { desk: SyncTestDesk; proxy: TcpProxy; addressee: string; online: boolean }

const why = text('Simulated justification.');

/** The input of a command type for a case, or null for types the simulation does not generate. */
function commandFor(type: RequestCommandType, caseId: string, random: Random): CommandInput | null {
  switch (type) {
    case 'sendRequest': case 'approveRequest': case 'closeRequest': case 'acceptAdditionalInfo': case 'deleteDraft':
      return { type, caseId };
    case 'acceptRequest': return { type, caseId, days: 5 + random.int(20) };
    case 'sendReply': return { type, caseId, answers: fullAnswers(`reply ${random.int(1000)}`) };
    case 'sendPartialReply': return { type, caseId, answers: fullAnswers(`partial ${random.int(1000)}`).slice(0, 1) };
    case 'saveReply': return { type, caseId, answers: fullAnswers(`saved ${random.int(1000)}`) };
    case 'addMessage': return { type, caseId, messageId: randomUUID(), messageType: 'OTHER', text: text(`message ${random.int(1000)}`) };
    case 'refuseRequest': case 'withdrawRequest': case 'requestAdditionalInfo': case 'refuseAdditionalInfo':
      return { type, caseId, justification: why };
    default: return null;
  }
}

/** One random action of one desk: a new draft, or a command the case's status allows (the desk may still refuse it). */
function act(sim: SimDesk, random: Random): boolean {
  const views = [...deskViews(sim.desk).values()];
  if (views.length === 0 || random.next() < 0.2) return sim.desk.command(completeDraft(`sim-${randomUUID()}`, sim.addressee)).ok;
  const view = random.pick(views);
  const candidates = commandsFrom(view.case.status).map((t) => commandFor(t, view.case.id, random)).filter((c): c is CommandInput => c !== null);
  return candidates.length > 0 && sim.desk.command(random.pick(candidates)).ok;
}

/** No personal field, answer or follow-up in a view below FULL (SPEC §5.1). */
function expectNoPersonalBelowFull(view: RequestView, who: string, personal: ReadonlySet<string>): void {
  if (view.level === 'FULL') return;
  const c = view.case as Record<string, unknown>;
  const subject = (c.subject ?? {}) as Record<string, unknown>;
  expect(Object.keys(subject).filter((id) => personal.has(id)), `${who}: personal subject fields at ${view.level}`).toEqual([]);
  for (const a of (c.answers ?? []) as Array<{ questionId: string; value?: unknown; followUps?: Record<string, unknown> }>) {
    if (personal.has(a.questionId)) expect(a.value, `${who}: personal answer ${a.questionId} at ${view.level}`).toBeUndefined();
    expect(Object.keys(a.followUps ?? {}).filter((id) => personal.has(id)), `${who}: personal follow-ups at ${view.level}`).toEqual([]);
  }
}

describe('seeded random simulation of three desks', () => {
  let sync: SyncHub;
  const opened: SyncTestDesk[] = [];
  beforeAll(async () => { sync = await startSyncHub(); }, 120_000);
  afterAll(async () => {
    for (const d of opened) await d.close();
    await sync?.close();
  }, 60_000);

  it.each([101, 202, 303])('ends with every desk equal to the hub\'s view for its user and no leak (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const sims: SimDesk[] = [];
    for (const u of USERS) {
      const proxy = await sync.proxy();
      const desk = await openTestDesk(proxy.url, { pageSize: 200, pollIntervalMs: 300 });
      opened.push(desk);
      await desk.logIn(u.username);
      await desk.settle();
      sims.push({ desk, proxy, addressee: u.addressee, online: true });
    }

    let queued = 0;
    for (let step = 0; step < STEPS; step += 1) {
      const sim = random.pick(sims);
      if (random.next() < 0.15) {
        if (sim.online) await sim.proxy.cut(); else await sim.proxy.restore();
        sim.online = !sim.online;
      } else {
        if (act(sim, random)) queued += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, random.int(40)));
    }

    for (const sim of sims) await sim.proxy.restore();
    // Two passes: a desk's last push can change what the others must pull.
    for (let pass = 0; pass < 2; pass += 1) for (const sim of sims) await sim.desk.settle(60_000);
    // The run did something: commands were queued and requests moved beyond their drafts.
    expect(queued).toBeGreaterThan(STEPS / 4);
    expect((await sync.casesOnHub()).filter((c) => c.status !== 'DRAFT').length).toBeGreaterThan(0);
    const personal = personalFieldIds();
    for (const sim of sims) {
      await expectDeskEqualsHub(sim.desk, sync);
      for (const view of deskViews(sim.desk).values()) expectNoPersonalBelowFull(view, sim.desk.username ?? '?', personal);
    }
    for (const sim of sims) { await sim.desk.close(); opened.splice(opened.indexOf(sim.desk), 1); }
  }, 180_000);
});
