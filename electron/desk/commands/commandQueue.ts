// Queues a command of SPEC §5.3 on the desk: decided locally first (the user hears "no" at once), then its
// optimistic effect and its outbox row are written in one transaction, so a crash leaves both or neither.
import { RequestCommand } from '../../../shared/request/commands';
import type { RequestEnvironment } from '../../../shared/request/environment';
import type { Rejection } from '../../../shared/request/reasons';
import { decide } from '../../../shared/request/requestLifecycle';
import type { Actor } from '../../../shared/user/user';
import { outbox } from '../../../db/replica/schema';
import type { Replica } from '../replica/openReplica';
import { readRequest, writeWorkingCopy } from '../replica/requestStore';
import { readNumber, writeState } from '../replica/syncState';
import { caseOf, WorkingSet } from './workingCopy';

/** A refusal before anything is queued: the lifecycle's own, or a command that does not even parse. */
export type QueueRejection = Rejection | { reason: 'COMMAND_INVALID'; details: { message: string } };

export type QueueResult =
  | { ok: true; seq: number; caseIds: string[] }
  | { ok: false; rejection: QueueRejection };

export function queueCommand(replica: Pick<Replica, 'db'>, actor: Actor, input: RequestCommand, now: string, env: RequestEnvironment): QueueResult {
  const parsed = RequestCommand.safeParse(input);
  if (!parsed.success) return { ok: false, rejection: { reason: 'COMMAND_INVALID', details: { message: parsed.error.message } } };
  const command = parsed.data;
  const { db } = replica;
  // Decisions run on the working copy: what the user sees, their earlier pending commands included.
  const work = new WorkingSet((id) => caseOf(readRequest(db, id)?.data));
  const current = readRequest(db, command.caseId)?.data;
  if (current?.level === 'MONITORING') return { ok: false, rejection: { reason: 'ROLE_REQUIRED' } };
  const decision = decide(work.get(command.caseId), command, actor, now, env);
  if (!decision.ok) return { ok: false, rejection: decision.rejection };

  return db.transaction((tx) => {
    work.apply(decision.events);
    const party = { actor, env };
    for (const id of work.changed) writeWorkingCopy(tx, id, work.view(id, party), true);
    const seq = readNumber(tx, 'lastSeq') + 1;
    writeState(tx, 'lastSeq', String(seq));
    tx.insert(outbox).values({ seq, caseId: command.caseId, command, state: 'pending', createdAt: now }).run();
    return { ok: true as const, seq, caseIds: [...work.changed] };
  });
}
