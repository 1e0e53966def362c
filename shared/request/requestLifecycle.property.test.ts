// Random sequences of random commands by random actors: decide/evolve never leave SPEC §5.3.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RequestCommand } from './commands';
import { RequestCase, RequestStatus } from './requestCase';
import { decide, evolve } from './requestLifecycle';
import { isAllowedTransition } from './transitions';
import { visibilityLevel } from './visibility';
import { AUTHORITY_SPECS, acceptedCase, attachmentMeta, additionalInfoRefusedCase, answeredCase, draftForm, fullAnswers, sentCase, text, why, world } from '../testkit/world.testkit';
import type { Built, CommandInput, World, WorldOptions } from '../testkit/world.testkit';

const AUTHORITY_IDS = AUTHORITY_SPECS.map((a) => a.id);
const COORDINATOR_IDS = AUTHORITY_SPECS.filter((a) => a.coordinator).map((a) => a.id);
const QUESTION_IDS = ['diploma-authentic', 'registered', 'home-address'];
const ANSWER_CHOICES = [fullAnswers(), fullAnswers().slice(0, 1), [], [{ questionId: 'diploma-authentic', value: { kind: 'yesNo' as const, value: false } }]];

const WORLD_VARIANTS: WorldOptions[] = [
  {},
  { flags: { 'it-coord': { participatesInReferral: false } } },
  { flags: { 'it-coord': { participatesInReferral: false }, 'hu-coord': { participatesInReferral: false } } },
  { usesAllocation: { 'it-coord': true, 'hu-coord': true } },
];
/** Where a walk starts: builders spread the starts over the lifecycle, so short walks still reach its end. */
const STARTS: readonly ((w: World) => Built)[] = [
  (w) => sentCase({ w }),
  (w) => sentCase({ w, requester: 'it-ca-approval', responder: 'hu-ca-approval' }),
  (w) => sentCase({ w, requester: 'it-two', responder: 'hu-alloc', form: { requestingCoordinatorId: 'it-coord' } }),
  (w) => sentCase({ w, requester: 'it-alloc', responder: 'hu-refuser' }),
  (w) => acceptedCase({ w }),
  (w) => acceptedCase({ w, responder: 'hu-ca-approval' }),
  (w) => answeredCase({ w }),
  (w) => additionalInfoRefusedCase({ w }),
];

/** One random step: every choice is a seed resolved against the state at run time. */
const seed = fc.noBias(fc.nat({ max: 1_000_000 }));
const step = fc.record({
  command: seed, actor: seed, involved: fc.integer({ min: 0, max: 9 }).map((n) => n > 0), caseIndex: seed, a: seed, b: seed, flag: fc.boolean(),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** Commands that end or leave the walk are drawn less often, so walks reach the later statuses. */
const RARE = new Set(['withdrawRequest', 'refuseRequest', 'copyRequest', 'deleteDraft', 'createDraft', 'forwardRequest', 'splitRequest']);
const COMMAND_TYPES = RequestCommand.options.map((o) => o.shape.type.value).flatMap((t) => (RARE.has(t) ? [t] : [t, t, t, t]));
const pick = <T>(xs: readonly T[], seed: number): T => xs[seed % xs.length] as T;

function commandFor(s: Step, caseId: string, fresh: string, w: World, actorAuthority: string): CommandInput {
  const type = pick(COMMAND_TYPES, s.command);
  const base = { caseId };
  switch (type) {
    case 'createDraft': return { type, caseId: fresh, area: 'PQ', questionSetId: 'pq-standard', form: draftForm({ respondingAuthorityId: pick(AUTHORITY_IDS, s.a) }) };
    case 'editDraft': return { type, ...base, form: draftForm({ respondingAuthorityId: pick(AUTHORITY_IDS, s.a), proposedDueDays: s.flag ? 10 : null }) };
    case 'sendRequest': return { type, ...base, requestingCoordinatorId: s.flag ? null : pick(COORDINATOR_IDS, s.a) };
    case 'acceptRequest': return { type, ...base, days: pick([5, 10, 40], s.a), respondingCoordinatorId: s.b % 4 === 0 ? pick(COORDINATOR_IDS, s.b) : null };
    case 'forwardRequest': return { type, ...base, toAuthorityId: pick(AUTHORITY_IDS, s.a), justification: why };
    case 'splitRequest': {
      const questionIds = QUESTION_IDS.filter((_, i) => (s.b >> i) & 1);
      return { type, ...base, newCaseId: fresh, toAuthorityId: pick(AUTHORITY_IDS, s.a), questionIds: questionIds.length ? questionIds : ['registered'], justification: why };
    }
    case 'saveReply':
    case 'sendPartialReply':
    case 'sendReply': return { type, ...base, answers: pick(ANSWER_CHOICES, s.a) };
    case 'referralDecision': return { type, ...base, agrees: s.flag, justification: why };
    case 'rejectRequestApproval': case 'refuseRequest': case 'rejectReplyApproval': case 'requestAdditionalInfo':
    case 'refuseAdditionalInfo': case 'referRequest': case 'maintainAndClose': case 'withdrawRequest':
      return { type, ...base, justification: why };
    case 'addMessage': return { type, ...base, messageId: fresh, messageType: 'OTHER', text: text('note') };
    case 'addAttachment':
      return { type, ...base, attachment: attachmentMeta({ id: fresh, name: s.flag ? 'a.pdf' : 'a.exe' }) };
    case 'assignHandlers': {
      const own = [...w.users.values()].filter((u) => u.authorityId === actorAuthority).map((u) => u.id);
      return { type, ...base, userIds: [pick(own.length ? own : ['nobody'], s.a)] };
    }
    case 'changeLinkedCoordinator': return { type, ...base, coordinatorId: pick(COORDINATOR_IDS, s.a) };
    case 'copyRequest':
      return { type, ...base, newCaseId: fresh, parts: { addressee: s.flag, subject: true, questions: true, attachments: s.flag }, targetArea: s.b % 3 === 0 ? 'SD' : null, targetQuestionSetId: s.b % 3 === 0 ? 'sd-derogation' : null };
    default: return { type, ...base };
  }
}

function involvedUsers(w: World, c: RequestCase | undefined): string[] {
  if (!c) return [...w.users.keys()];
  const ids = [c.requestingAuthorityId, c.respondingAuthorityId, c.requestingCoordinatorId, c.respondingCoordinatorId];
  // Mostly the users who can act, so that random walks get past the first steps.
  return [...w.users.values()].filter((u) => ids.includes(u.authorityId) && /:(handler|referral|allocator)$/.test(u.id)).map((u) => u.id);
}

const scenario = fc.record({
  variant: fc.constantFrom(...WORLD_VARIANTS),
  start: fc.constantFrom(...STARTS),
  steps: fc.array(step, { minLength: 20, maxLength: 120, size: 'max' }),
});

describe('request lifecycle properties', () => {
  it('keeps every status in RequestStatus, every accepted transition in the table, and rejections free of events', () => {
    fc.assert(
      fc.property(scenario, ({ variant, start, steps }) => {
        const w = world(variant);
        const cases = new Map<string, RequestCase>();
        const first = start(w);
        cases.set(first.c.id, first.c);
        steps.forEach((s, n) => {
          const ids = [...cases.keys()];
          const caseId = pick(ids.length ? ids : ['none'], s.caseIndex);
          const state = cases.get(caseId);
          const pool = s.involved ? involvedUsers(w, state) : [...w.users.keys()];
          const actor = w.actor(pick(pool, s.actor));
          const command = RequestCommand.parse(commandFor(s, caseId, `new-${n}`, w, actor.authorityId));
          const before = structuredClone(state);
          const at = new Date(Date.parse('2030-03-01T09:00:00Z') + n * 60_000).toISOString();
          const decision = decide(state, command, actor, at, w.env);
          // Deciding never touches the state it was given.
          expect(state).toEqual(before);
          if (!decision.ok) {
            expect(decision).not.toHaveProperty('events');
            return;
          }
          expect(decision.events.length).toBeGreaterThan(0);
          for (const event of decision.events) {
            const prior = cases.get(event.caseId);
            const next = evolve(prior, event);
            const to = next ? next.status : 'GONE';
            if (next) expect(RequestStatus.options).toContain(next.status);
            expect(isAllowedTransition(command.type, prior?.status ?? 'NONE', to), `${command.type}: ${prior?.status ?? 'NONE'} → ${to}`).toBe(true);
            if (next) {
              expect(RequestCase.safeParse(next).success).toBe(true);
              expect(next.history.at(-1)?.action).toBe(command.type);
              cases.set(event.caseId, next);
            } else {
              cases.delete(event.caseId);
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the old responder nothing of a forwarded request or a part split away', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('hu-ca', 'hu-refuser', 'hu-ca-approval'), fc.constantFrom('hu-ca', 'hu-ca2', 'hu-refuser', 'hu-coord'), fc.boolean(),
        fc.subarray(QUESTION_IDS, { minLength: 1, maxLength: 2 }), fc.boolean(),
        (responder, target, accepted, questionIds, forward) => {
          fc.pre(target !== responder);
          const w = world();
          let { c } = sentCase({ w, responder });
          const handler = `${responder}:handler`;
          if (accepted) {
            const d = decide(c, RequestCommand.parse({ type: 'acceptRequest', caseId: c.id, days: 5 }), w.actor(handler), '2030-03-02T09:00:00Z', w.env);
            if (d.ok) c = d.events.reduce<RequestCase | undefined>(evolve, c) ?? c;
          }
          const command = forward
            ? { type: 'forwardRequest', caseId: c.id, toAuthorityId: target, justification: why }
            : { type: 'splitRequest', caseId: c.id, newCaseId: 'part', toAuthorityId: target, questionIds, justification: why };
          const d = decide(c, RequestCommand.parse(command), w.actor(handler), '2030-03-03T09:00:00Z', w.env);
          expect(d.ok).toBe(true);
          if (!d.ok) return;
          const givenAway = d.events.filter((e) => e.caseId === (forward ? c.id : 'part')).reduce<RequestCase | undefined>(evolve, forward ? c : undefined);
          expect(givenAway).toBeDefined();
          for (const user of [...w.users.values()].filter((u) => u.authorityId === responder)) {
            expect(visibilityLevel(givenAway as RequestCase, user, w.env)).toBe('NONE');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
