// TEST DOUBLE of the hub's sync protocol, in memory: commands decided and folded with the shared decide/evolve,
// (clientId, seq) idempotency, a change feed masked per user with viewFor, and fault injection. The real hub
// (hub/, PGlite) replaces it in the cross-process tests; this one only lets the desk engine be tested alone.
import { decide, evolve } from '../../../shared/request/requestLifecycle';
import type { RequestEvent } from '../../../shared/request/events';
import type { RequestCase } from '../../../shared/request/requestCase';
import { viewFor } from '../../../shared/request/visibility';
import type { CommandEnvelope, CommandOutcome, EntityKind, FeedChange, PullPage, PullRequest, PushRequest, PushResponse } from '../../../shared/sync/protocol';
import type { World } from '../../../shared/testkit/world.testkit';
import type { HubSyncClient } from '../../../electron/desk/sync/syncEngine';

interface ClientRecord {
  lastSeq: number;
  outcomes: Map<number, CommandOutcome>;
}

/** One fault to inject into the next call of that kind. */
export type Fault =
  | { on: 'push'; when: 'before' | 'afterApply' }
  | { on: 'pull'; when: 'before' };

export class InMemoryHub {
  readonly cases = new Map<string, RequestCase>();
  /** Every envelope received, in arrival order (repeats included). */
  readonly received: CommandEnvelope[] = [];
  private readonly clients = new Map<string, ClientRecord>();
  private readonly lastChange = new Map<string, { position: number; entity: EntityKind; id: string }>();
  private position = 0;
  private nextEntryNumber = 1000;
  private readonly faults: Fault[] = [];
  /** Cases each user has received, so that losing access is sent as a removal only to those who had it. */
  private readonly seen = new Map<string, Set<string>>();

  constructor(readonly world: World, readonly now: () => string) {
    for (const a of world.authorities.values()) this.touch('authority', a.id);
  }

  inject(fault: Fault): void {
    this.faults.push(fault);
  }

  private takeFault(on: Fault['on']): Fault | undefined {
    const i = this.faults.findIndex((f) => f.on === on);
    return i < 0 ? undefined : this.faults.splice(i, 1)[0];
  }

  private touch(entity: EntityKind, id: string): void {
    this.position += 1;
    this.lastChange.set(`${entity}:${id}`, { position: this.position, entity, id });
  }

  /** Runs a command as another user directly on the hub (a colleague acting online). */
  act(userId: string, command: Parameters<typeof decide>[1]): CommandOutcome {
    return this.execute(command, userId, 0);
  }

  private execute(command: Parameters<typeof decide>[1], userId: string, seq: number): CommandOutcome {
    const decision = decide(this.cases.get(command.caseId), command, this.world.actor(userId), this.now(), this.world.env);
    if (!decision.ok) return { status: 'rejected', seq: Math.max(seq, 1), reason: decision.rejection.reason, ...(decision.rejection.details ? { details: decision.rejection.details } : {}) };
    const entryNumbers: Record<string, number> = {};
    const events: RequestEvent[] = [...decision.events];
    for (const e of decision.events) {
      if (e.type === 'draftCreated' || e.type === 'splitCaseCreated' || e.type === 'copyCreated') {
        entryNumbers[e.caseId] = this.nextEntryNumber++;
        events.push({ type: 'entryNumberAssigned', caseId: e.caseId, entryNumber: entryNumbers[e.caseId]! });
      }
    }
    for (const e of events) {
      const next = evolve(this.cases.get(e.caseId), e);
      if (next) this.cases.set(e.caseId, next);
      else this.cases.delete(e.caseId);
      this.touch('request', e.caseId);
    }
    return { status: 'applied', seq: Math.max(seq, 1), entryNumbers };
  }

  push(userId: string, req: PushRequest): PushResponse {
    const fault = this.takeFault('push');
    if (fault?.when === 'before') throw new Error('connection reset (injected before push)');
    const outcomes: CommandOutcome[] = [];
    let record: ClientRecord | undefined;
    for (const envelope of req.commands) {
      this.received.push(envelope);
      record = this.clients.get(envelope.clientId) ?? { lastSeq: 0, outcomes: new Map() };
      this.clients.set(envelope.clientId, record);
      const recorded = record.outcomes.get(envelope.seq);
      if (recorded) { outcomes.push(recorded); continue; }
      if (envelope.seq !== record.lastSeq + 1) throw new Error(`sequence gap: expected ${record.lastSeq + 1}, got ${envelope.seq}`);
      const outcome = { ...this.execute(envelope.command, userId, envelope.seq), seq: envelope.seq };
      record.outcomes.set(envelope.seq, outcome);
      record.lastSeq = envelope.seq;
      outcomes.push(outcome);
    }
    if (fault?.when === 'afterApply') throw new Error('connection reset (injected after the hub applied the batch)');
    return { outcomes, lastSeq: record?.lastSeq ?? 0 };
  }

  pull(userId: string, req: PullRequest): PullPage {
    if (this.takeFault('pull')) throw new Error('connection reset (injected before pull)');
    const user = this.world.users.get(userId);
    if (!user) throw new Error(`unknown user ${userId}`);
    const seen = this.seen.get(userId) ?? new Set<string>();
    this.seen.set(userId, seen);
    const due = [...this.lastChange.values()].filter((c) => c.position > req.after).sort((a, b) => a.position - b.position);
    const page = due.slice(0, req.limit);
    const changes: FeedChange[] = [];
    for (const c of page) {
      if (c.entity === 'authority') { changes.push({ op: 'upsert', position: c.position, entity: 'authority', id: c.id, data: this.world.authorities.get(c.id) }); continue; }
      if (c.entity !== 'request') continue;
      const current = this.cases.get(c.id);
      const view = current ? viewFor(current, user, this.world.env) : null;
      if (view) { seen.add(c.id); changes.push({ op: 'upsert', position: c.position, entity: 'request', id: c.id, data: view }); }
      else if (seen.delete(c.id)) changes.push({ op: 'remove', position: c.position, entity: 'request', id: c.id });
    }
    const nextAfter = page.at(-1)?.position ?? req.after;
    return { changes, nextAfter, hasMore: due.length > page.length, resyncRequired: false };
  }

  /** The protocol as one user's desk reaches it; async like the network. */
  clientFor(userId: string): HubSyncClient {
    return {
      push: async (req) => this.push(userId, structuredClone(req)),
      pull: async (req) => structuredClone(this.pull(userId, req)),
    };
  }
}
