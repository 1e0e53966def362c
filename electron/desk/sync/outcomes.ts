// Applies the hub's outcome of one pushed command to the replica, inside the caller's transaction.
import { and, eq, sql } from 'drizzle-orm';
import { attention, outbox, requests } from '../../../db/replica/schema';
import type { RequestCommand } from '../../../shared/request/commands';
import type { CommandOutcome } from '../../../shared/sync/protocol';
import type { ReplicaTx } from '../replica/replicaDb';
import { recordEntryNumber } from '../replica/requestStore';
import { rebase, touchedCaseIds } from '../commands/workingCopy';
import type { DecisionParty } from '../commands/workingCopy';

/** Clears the "pending" mark of cases no queued command touches any more. */
function refreshPending(tx: ReplicaTx, caseIds: readonly string[]): void {
  const queued = tx.select({ command: outbox.command }).from(outbox).all().flatMap((r) => touchedCaseIds(r.command as RequestCommand));
  for (const id of caseIds) if (!queued.includes(id)) tx.update(requests).set({ pending: false }).where(eq(requests.id, id)).run();
}

/**
 * applied: the row leaves the outbox; the working copy keeps the effect (the pull right after brings the
 * hub's version). rejected: the row leaves the outbox, the command with all it carried goes to the
 * attention list, and the affected cases are re-derived without it. Outcomes for unknown seqs (already
 * handled before a crash) are ignored, which makes handling a repeated response harmless.
 */
export function applyOutcome(tx: ReplicaTx, party: DecisionParty, outcome: CommandOutcome, at: string): void {
  const row = tx.select().from(outbox).where(eq(outbox.seq, outcome.seq)).get();
  if (!row) return;
  const command = row.command as RequestCommand;
  tx.delete(outbox).where(eq(outbox.seq, outcome.seq)).run();
  if (outcome.status === 'applied') {
    for (const [caseId, entryNumber] of Object.entries(outcome.entryNumbers)) recordEntryNumber(tx, caseId, entryNumber);
    refreshPending(tx, touchedCaseIds(command));
    return;
  }
  tx.insert(attention).values({
    seq: row.seq, caseId: row.caseId, command, reason: outcome.reason, details: outcome.details ?? null, createdAt: at,
  }).run();
  rebase(tx, party, touchedCaseIds(command));
}

export function countOpenAttention(tx: Pick<ReplicaTx, 'select'>): number {
  return tx.select({ n: sql<number>`count(*)` }).from(attention).where(and(eq(attention.dismissed, false))).get()?.n ?? 0;
}

export function countOutbox(tx: Pick<ReplicaTx, 'select'>): number {
  return tx.select({ n: sql<number>`count(*)` }).from(outbox).get()?.n ?? 0;
}
