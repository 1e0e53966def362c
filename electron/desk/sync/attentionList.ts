// The "needs attention" list: commands the hub refused, with everything the user typed, until dismissed.
import { and, desc, eq } from 'drizzle-orm';
import { attention } from '../../../db/replica/schema';
import type { RequestCommand } from '../../../shared/request/commands';
import type { ReplicaExecutor } from '../replica/replicaDb';

export interface AttentionItem {
  id: number;
  seq: number;
  caseId: string;
  /** The refused command as queued: its answers, messages and justifications can be reused. */
  command: RequestCommand;
  reason: string;
  details: Record<string, unknown> | null;
  createdAt: string;
}

const toItem = (row: typeof attention.$inferSelect): AttentionItem => ({
  id: row.id, seq: row.seq, caseId: row.caseId, command: row.command as RequestCommand, reason: row.reason,
  details: (row.details as Record<string, unknown> | null) ?? null, createdAt: row.createdAt,
});

export function openAttention(db: ReplicaExecutor): AttentionItem[] {
  return db.select().from(attention).where(eq(attention.dismissed, false)).orderBy(desc(attention.id)).all().map(toItem);
}

export function openAttentionFor(db: ReplicaExecutor, caseId: string): AttentionItem[] {
  return db.select().from(attention).where(and(eq(attention.dismissed, false), eq(attention.caseId, caseId))).orderBy(desc(attention.id)).all().map(toItem);
}

/** False when there is no such open item. */
export function dismissAttention(db: ReplicaExecutor, id: number): boolean {
  const changed = db.update(attention).set({ dismissed: true }).where(and(eq(attention.id, id), eq(attention.dismissed, false))).run();
  return changed.changes > 0;
}
