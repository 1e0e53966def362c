// Derives a case's working copy: its server state with the still-pending commands re-run through the shared
// decide/evolve (the rebase of DESIGN §6), and writes it back. Used by queueCommand and by the sync engine.
import { asc } from 'drizzle-orm';
import { outbox } from '../../../db/replica/schema';
import type { RequestCommand } from '../../../shared/request/commands';
import type { RequestEnvironment } from '../../../shared/request/environment';
import type { RequestEvent } from '../../../shared/request/events';
import { decide, evolve } from '../../../shared/request/requestLifecycle';
import type { RequestCase } from '../../../shared/request/requestCase';
import { viewFor } from '../../../shared/request/visibility';
import type { RequestView } from '../../../shared/request/visibility';
import type { Actor } from '../../../shared/user/user';
import type { ReplicaExecutor } from '../replica/replicaDb';
import { readRequest, writeWorkingCopy } from '../replica/requestStore';

/**
 * The case a decision runs on. A monitoring view lacks the fields any command needs, so it counts as no
 * case at all; a FULL_NO_PD view is a case with personal values absent, which no command of such a user reads.
 */
export function caseOf(view: RequestView | null | undefined): RequestCase | undefined {
  if (!view || view.level === 'MONITORING') return undefined;
  return view.case as RequestCase;
}

/** Every case a command may change: its own, and the new case of a split or copy. */
export function touchedCaseIds(command: RequestCommand): string[] {
  return command.type === 'splitRequest' || command.type === 'copyRequest' ? [command.caseId, command.newCaseId] : [command.caseId];
}

export interface DecisionParty {
  actor: Actor;
  env: RequestEnvironment;
}

/** Folds events into working cases, loading each case's base on first touch. */
export class WorkingSet {
  private readonly cases = new Map<string, RequestCase | undefined>();
  readonly changed = new Set<string>();

  constructor(private readonly base: (id: string) => RequestCase | undefined) {}

  get(id: string): RequestCase | undefined {
    if (!this.cases.has(id)) this.cases.set(id, this.base(id));
    return this.cases.get(id);
  }

  apply(events: readonly RequestEvent[]): void {
    for (const e of events) {
      this.cases.set(e.caseId, evolve(this.get(e.caseId), e));
      this.changed.add(e.caseId);
    }
  }

  /** The case as this user sees it, masked by the same shared rule as the hub; null when it is out of sight. */
  view(id: string, party: DecisionParty): RequestView | null {
    const c = this.get(id);
    return c ? viewFor(c, party.actor, party.env) : null;
  }
}

/**
 * Rebuilds the working copy of `caseIds` and of every case a queued command touches: server state, then each
 * outbox command in seq order re-decided at the time it was issued. A command the new server state no longer
 * allows is skipped here (the hub will refuse it and the user will see it in the attention list).
 */
export function rebase(db: ReplicaExecutor, party: DecisionParty, caseIds: Iterable<string> = []): void {
  const work = new WorkingSet((id) => caseOf(readRequest(db, id)?.serverData));
  const touched = new Set(caseIds);
  const pending = new Set<string>();
  const queued = db.select().from(outbox).orderBy(asc(outbox.seq)).all();
  for (const row of queued) {
    const command = row.command as RequestCommand;
    for (const id of touchedCaseIds(command)) { touched.add(id); pending.add(id); }
    const decision = decide(work.get(command.caseId), command, party.actor, row.createdAt, party.env);
    if (decision.ok) work.apply(decision.events);
  }
  for (const id of new Set([...touched, ...work.changed])) {
    const serverData = readRequest(db, id)?.serverData ?? null;
    writeWorkingCopy(db, id, work.changed.has(id) ? work.view(id, party) : serverData, pending.has(id));
  }
}
