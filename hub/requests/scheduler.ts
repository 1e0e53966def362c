// Time-based rules of requests, driven by the hub's injectable clock. Overdue needs no job: a view carries dueDate and
// status, so "overdue" (dueDate before today on an open, accepted request) is derived wherever it is shown.
// The retention purge (SPEC §12) runs here: six months after closure, withdrawal or refusal, personal data goes, and
// with it the attachment bytes and upload files of the case in the blob store (hub/blobs).
import { and, eq, isNull, lt } from 'drizzle-orm';
import { cases, uploadOwners } from '../../db/hub/syncSchema';
import type { RequestCase } from '../../shared/request/requestCase';
import { personalFieldIds } from '../../shared/request/visibility';
import type { AttachmentStorage } from '../attachments/blobCheck';
import { liveReferences } from '../attachments/blobReferences';
import { audit } from '../audit';
import type { HubDeps } from '../deps';
import { notifyChange } from '../sync/changeNotifier';
import { audienceOf } from './audience';
import { appendChange, loadCasesForUpdate, saveCase } from './caseStore';
import { loadDirectory, type Directory } from './directory';
import { EMPTY_REFERENCE } from './referenceLookup';

export const RETENTION_MONTHS = 6;

/** The case without its personal data: personal subject/form fields, extra details, answers and follow-ups, and attachments. */
export function withoutPersonalData(c: RequestCase, directory: Directory): RequestCase {
  const personal = personalFieldIds(c.area, c.questionSetId, directory);
  const keep = (values: RequestCase['subject'], isPersonal: (id: string) => boolean) =>
    Object.fromEntries(Object.entries(values).filter(([id]) => !isPersonal(id)));
  return {
    ...c,
    subject: keep(c.subject, personal.subjectField),
    formFields: keep(c.formFields, personal.formField),
    questions: c.questions.map((q) => ({ ...q, extraDetails: keep(q.extraDetails, (id) => personal.extraDetail(q.questionId, id)) })),
    answers: c.answers.map((a) => ({
      ...a,
      value: personal.answer(a.questionId) ? null : a.value,
      followUps: Object.fromEntries(Object.entries(a.followUps).filter(([id]) => !personal.followUp(a.questionId, id))),
    })),
    // Documents are about the subject: SPEC §12 keeps only the non-personal record and the history.
    attachments: [],
  };
}

export function retentionCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - RETENTION_MONTHS);
  return cutoff;
}

/** A blob or upload touched this recently is left alone: a reference to it may still be on its way (see `releaseFiles`). */
export const FILE_GRACE_MS = 60 * 60 * 1000;

export interface RetentionOptions {
  /**
   * The time files on disk are measured against. Their times are stamped by the operating system's clock, not the hub's
   * (settable) one, so the grace period is measured on that clock too.
   */
  fileNow?: () => Date;
}

/**
 * Purges every case closed before the cutoff and not yet purged; one transaction (and one change row and one audit
 * entry) per case. The attachment bytes and upload files go after the commits (a file deleted inside a transaction
 * that then rolls back could not be brought back): blobs no case still names, and the purged cases' uploads. A hub
 * stopped in between leaves files that nothing names; the orphan sweep at the end of every run removes them.
 */
export async function runRetentionPurge(deps: HubDeps, options: RetentionOptions = {}): Promise<string[]> {
  const now = deps.clock.now();
  const due = await deps.db.select({ id: cases.id }).from(cases)
    .where(and(lt(cases.closedAt, retentionCutoff(now)), isNull(cases.purgedAt))).orderBy(cases.closedAt);
  const purged: string[] = [];
  const purgedUploads = new Set<string>();
  for (const { id } of due) {
    const done = await deps.db.transaction(async (tx) => {
      const c = (await loadCasesForUpdate(tx, [id])).get(id);
      // Another hub instance may have purged it since the list was read: the row is locked now, so this is final.
      const [row] = await tx.select({ purgedAt: cases.purgedAt }).from(cases).where(eq(cases.id, id));
      if (!c || !row || row.purgedAt !== null) return undefined;
      const directory = await loadDirectory(tx, deps.reference ?? EMPTY_REFERENCE, []);
      const after = withoutPersonalData(c, directory);
      await saveCase(tx, id, after, now);
      await tx.update(cases).set({ purgedAt: now }).where(eq(cases.id, id));
      const uploads = await tx.delete(uploadOwners).where(eq(uploadOwners.caseId, id)).returning({ uploadId: uploadOwners.uploadId });
      // Replicas hold the old view: the change row makes every desk replace it with the purged one.
      const audience = audienceOf(c, after, directory);
      await appendChange(tx, 'request', id, audience, now);
      await notifyChange(tx, audience);
      // Who did it is the system; the entry says what went, never the personal data itself.
      await audit(tx, {
        at: now, actorUserId: null, action: 'REQUEST_PERSONAL_DATA_PURGED', authorityId: c.requestingAuthorityId,
        details: {
          caseId: id, entryNumber: c.entryNumber, respondingAuthorityId: c.respondingAuthorityId, closedAt: c.closedAt,
          attachmentsRemoved: c.attachments.length, uploadsRemoved: uploads.length,
        },
      });
      return uploads.map((u) => u.uploadId);
    });
    if (!done) continue;
    purged.push(id);
    for (const uploadId of done) purgedUploads.add(uploadId);
  }
  if (deps.attachments) await releaseFiles(deps.db, deps.attachments, purgedUploads, (options.fileNow ?? (() => new Date()))());
  return purged;
}

/**
 * Deletes the purged cases' uploads, then every blob and upload nothing in the database names any more: the bytes of
 * the cases just purged, and whatever an earlier run left behind when the hub stopped midway. A blob another
 * case still lists, or a live upload produced, stays (content addressing stores shared content once). A blob or upload
 * touched within the grace period stays too, whether the purge named it or not: an upload may be completing for
 * another case at this moment (its owner row or completion record not yet written), and re-storing identical content
 * refreshes the blob's time; the next run decides about them.
 */
async function releaseFiles(db: HubDeps['db'], storage: AttachmentStorage, purgedUploads: ReadonlySet<string>, fileNow: Date): Promise<void> {
  for (const uploadId of purgedUploads) await storage.uploads.abort(uploadId);
  const graceStart = fileNow.getTime() - FILE_GRACE_MS;
  const references = await liveReferences(db);
  const keep = new Set(references.attachedBlobs);
  for (const upload of await storage.uploads.list()) {
    if (references.liveUploads.has(upload.uploadId) || upload.changedAt.getTime() > graceStart) {
      if (upload.blob) keep.add(upload.blob.sha256);
    } else {
      await storage.uploads.abort(upload.uploadId);
    }
  }
  for (const blob of await storage.store.list()) {
    if (keep.has(blob.sha256) || blob.storedAt.getTime() > graceStart) continue;
    await storage.store.delete(blob.sha256);
  }
}

/** Runs the scheduled jobs every `intervalMs`; returns the stop function. A failed run is logged and retried next time. */
export function startRequestScheduler(deps: HubDeps, intervalMs = 60 * 60 * 1000, log: (line: string) => void = console.error): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runRetentionPurge(deps)
      .catch((error: unknown) => log(`hub: retention purge failed: ${String(error)}`))
      .finally(() => { running = false; });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
