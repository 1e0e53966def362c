// Time-based rules of requests, driven by the hub's injectable clock. Overdue needs no job: a view carries dueDate and
// status, so "overdue" (dueDate before today on an open, accepted request) is derived wherever it is shown.
// The retention purge (SPEC §12) runs here: six months after closure, withdrawal or refusal, personal data goes.
import { and, isNull, lt, sql } from 'drizzle-orm';
import { cases } from '../../db/hub/syncSchema';
import type { RequestCase } from '../../shared/request/requestCase';
import { personalFieldIds } from '../../shared/request/visibility';
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

/** Purges every case closed before the cutoff and not yet purged; one transaction (and one change row) per case. */
export async function runRetentionPurge(deps: HubDeps): Promise<string[]> {
  const now = deps.clock.now();
  const due = await deps.db.select({ id: cases.id }).from(cases)
    .where(and(lt(cases.closedAt, retentionCutoff(now)), isNull(cases.purgedAt))).orderBy(cases.closedAt);
  const purged: string[] = [];
  for (const { id } of due) {
    await deps.db.transaction(async (tx) => {
      const c = (await loadCasesForUpdate(tx, [id])).get(id);
      if (!c) return;
      const directory = await loadDirectory(tx, deps.reference ?? EMPTY_REFERENCE, []);
      const after = withoutPersonalData(c, directory);
      await saveCase(tx, id, after, now);
      await tx.update(cases).set({ purgedAt: now }).where(sql`${cases.id} = ${id}`);
      // Replicas hold the old view: the change row makes every desk replace it with the purged one.
      const audience = audienceOf(c, after, directory);
      await appendChange(tx, 'request', id, audience, now);
      await notifyChange(tx, audience);
      purged.push(id);
    });
  }
  return purged;
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
