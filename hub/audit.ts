// The audit trail: who did what to which user or authority, written in the same transaction as the change it records.
import { auditLog } from '../db/hub/schema';
import type { HubExecutor } from './db/openHubDatabase';

export interface AuditEntry {
  at: Date;
  actorUserId: string | null;
  action: string;
  authorityId?: string | null;
  targetUserId?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(db: HubExecutor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actorUserId: entry.actorUserId,
    action: entry.action,
    authorityId: entry.authorityId ?? null,
    targetUserId: entry.targetUserId ?? null,
    details: entry.details ?? {},
  });
}
