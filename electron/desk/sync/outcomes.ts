// Applies the hub's outcomes of a pushed batch of commands to the replica, inside the caller's transaction.
import { and, eq, sql } from 'drizzle-orm';
import { attention, outbox } from '../../../db/replica/schema';
import type { RequestCommand } from '../../../shared/request/commands';
import type { CommandOutcome } from '../../../shared/sync/protocol';
import type { ReplicaTx } from '../replica/replicaDb';
import { recordEntryNumber } from '../replica/requestStore';
import { rebase, touchedCaseIds } from '../commands/workingCopy';
import type { DecisionParty } from '../commands/workingCopy';

/**
 * Clears the "pending" mark of those of `caseIds` that no queued command touches any more, in one statement: the
 * outbox's indexed case_id answers for a command's own case, and one pass over the outbox collects the cases that
 * split and copy commands create. (Parsing the whole outbox per outcome made draining a long queue quadratic.)
 */
function refreshPending(tx: ReplicaTx, caseIds: ReadonlySet<string>): void {
  if (caseIds.size === 0) return;
  tx.run(sql`
    UPDATE requests SET pending = 0
    WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...caseIds])})) AND pending = 1
      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = requests.id)
      AND id NOT IN (SELECT json_extract(command, '$.newCaseId') FROM outbox WHERE json_extract(command, '$.newCaseId') IS NOT NULL)`);
}

/**
 * Applies the hub's outcomes of one pushed batch, in the caller's transaction.
 * rejected: the row leaves the outbox, the command with all it carried goes to the attention list, and the affected
 * cases are re-derived without it (one rebase for the batch, while the batch's applied commands are still queued, so
 * their effects stay in the working copies). applied: the row leaves the outbox; the working copy keeps the effect
 * (the pull right after brings the hub's version). Outcomes for unknown seqs (already handled before a crash) are
 * ignored, which makes handling a repeated response harmless.
 */
export function applyOutcomes(tx: ReplicaTx, party: DecisionParty, outcomes: readonly CommandOutcome[], at: string): void {
  const applied: Array<Extract<CommandOutcome, { status: 'applied' }>> = [];
  const rejected = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.status === 'applied') { applied.push(outcome); continue; }
    const row = tx.select().from(outbox).where(eq(outbox.seq, outcome.seq)).get();
    if (!row) continue;
    const command = row.command as RequestCommand;
    tx.delete(outbox).where(eq(outbox.seq, outcome.seq)).run();
    tx.insert(attention).values({
      seq: row.seq, caseId: row.caseId, command, reason: outcome.reason, details: outcome.details ?? null, createdAt: at,
    }).run();
    for (const id of touchedCaseIds(command)) rejected.add(id);
  }
  if (rejected.size > 0) rebase(tx, party, rejected);
  const touched = new Set<string>();
  for (const outcome of applied) {
    const row = tx.select().from(outbox).where(eq(outbox.seq, outcome.seq)).get();
    if (!row) continue;
    tx.delete(outbox).where(eq(outbox.seq, outcome.seq)).run();
    for (const [caseId, entryNumber] of Object.entries(outcome.entryNumbers)) recordEntryNumber(tx, caseId, entryNumber);
    for (const id of touchedCaseIds(row.command as RequestCommand)) touched.add(id);
  }
  refreshPending(tx, touched);
}

export function countOpenAttention(tx: Pick<ReplicaTx, 'select'>): number {
  return tx.select({ n: sql<number>`count(*)` }).from(attention).where(and(eq(attention.dismissed, false))).get()?.n ?? 0;
}

export function countOutbox(tx: Pick<ReplicaTx, 'select'>): number {
  return tx.select({ n: sql<number>`count(*)` }).from(outbox).get()?.n ?? 0;
}
