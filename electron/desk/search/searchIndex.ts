// Keeps the request_search FTS5 row of a case equal to its working copy; called inside the writer's transaction.
import { eq, sql } from 'drizzle-orm';
import type { FreeText } from '../../../shared/reference/text';
import type { Authority } from '../../../shared/authority/authority';
import type { RequestView } from '../../../shared/request/visibility';
import { authorities } from '../../../db/replica/schema';
import type { ReplicaExecutor } from '../replica/replicaDb';
import { foldForSearch } from './foldForSearch';

/** Every free text the user may search in a view: summary, comments, messages, answers' texts, names in the form. */
function freeTexts(view: RequestView): string[] {
  if (view.level === 'MONITORING') return [];
  const c = view.case;
  const texts: string[] = [];
  const free = (t: FreeText | null | undefined) => { if (t) texts.push(t.text); };
  free(c.summary);
  for (const t of c.tabComments) free(t.text);
  for (const q of c.questions) free(q.comment);
  for (const m of c.messages) free(m.text);
  for (const a of c.answers) {
    if (a.value?.kind === 'text') free(a.value.text);
    for (const f of Object.values(a.followUps)) if (f.kind === 'text') free(f.text);
    free(a.comment);
  }
  for (const values of [c.subject, c.formFields]) {
    for (const v of Object.values(values)) if (typeof v === 'string') texts.push(v);
  }
  for (const a of c.attachments) texts.push(a.name);
  return texts;
}

function authorityNames(db: ReplicaExecutor, ids: readonly (string | null)[]): string[] {
  const names: string[] = [];
  for (const id of ids) {
    if (!id) continue;
    const row = db.select({ data: authorities.data }).from(authorities).where(eq(authorities.id, id)).get();
    if (!row) continue;
    const a = row.data as Authority;
    names.push(a.officialName, ...Object.values(a.informalTitle), a.address.town);
  }
  return names;
}

/** Replaces the case's index row (or removes it when `view` is null). Text is stored folded; see foldForSearch. */
export function indexRequest(db: ReplicaExecutor, caseId: string, view: RequestView | null): void {
  db.run(sql`DELETE FROM request_search WHERE case_id = ${caseId}`);
  if (!view) return;
  const c = view.case;
  const names = authorityNames(db, [c.requestingAuthorityId, c.respondingAuthorityId, c.requestingCoordinatorId, c.respondingCoordinatorId]);
  const entryNumber = c.entryNumber === null ? '' : String(c.entryNumber);
  db.run(sql`INSERT INTO request_search (case_id, entry_number, authorities, texts)
    VALUES (${caseId}, ${entryNumber}, ${foldForSearch(names.join('\n'))}, ${foldForSearch(freeTexts(view).join('\n'))})`);
}

