// The sections of a request report about the exchange itself: authorities, subject and case details, and
// questions with their answers, all labelled from the pre-translated schema in the report language.
import type { Content } from 'pdfmake/interfaces';
import type { Question } from '../../../shared/reference/questionSet';
import { localize } from '../../../shared/reference/text';
import type { AnswerValue } from '../../../shared/request/requestCase';
import type { AnswerView } from '../../../shared/request/visibility';
import { authorityName, recordValue } from './reportContext';
import type { SectionContext } from './reportContext';
import { DASH, freeText, heading, labelValueTable, masked, note } from './reportDocument';

type Row = readonly [string, Content];

function authorityRows(ctx: SectionContext, label: string, id: string | null): Row[] {
  const a = id === null ? undefined : ctx.directory.authority(id);
  const rows: Row[] = [[label, { text: authorityName(ctx, id), bold: true }]];
  if (a) {
    rows.push([ctx.labels.authority.country, { text: ctx.fmt.country(a.country) }]);
    rows.push([ctx.labels.authority.contactEmail, { text: a.contactEmail }]);
  }
  return rows;
}

export function authoritiesSection(ctx: SectionContext): Content[] {
  const { c, labels } = ctx;
  const rows: Row[] = [
    ...authorityRows(ctx, labels.authority.requestingAuthority, c.requestingAuthorityId),
    ...authorityRows(ctx, labels.authority.respondingAuthority, c.respondingAuthorityId),
  ];
  if (c.requestingCoordinatorId) rows.push([labels.authority.requestingCoordinator, { text: authorityName(ctx, c.requestingCoordinatorId) }]);
  if (c.respondingCoordinatorId) rows.push([labels.authority.respondingCoordinator, { text: authorityName(ctx, c.respondingCoordinatorId) }]);
  const when = (label: string, iso: string | null): Row[] => (iso ? [[label, { text: ctx.fmt.dateTime(iso) }]] : []);
  rows.push(...when(labels.dates.createdAt, c.createdAt), ...when(labels.dates.sentAt, c.sentAt), ...when(labels.dates.acceptedAt, c.acceptedAt), ...when(labels.dates.closedAt, c.closedAt));
  if (c.proposedDueDays !== null) rows.push([labels.dates.proposedDueDays, { text: ctx.fmt.number(c.proposedDueDays) }]);
  if (c.acceptedDays !== null) rows.push([labels.dates.acceptedDays, { text: ctx.fmt.number(c.acceptedDays) }]);
  return [heading(labels.section.authorities), labelValueTable(rows)];
}

export function subjectSection(ctx: SectionContext): Content[] {
  const { c, labels, set } = ctx;
  const out: Content[] = [heading(ctx.subjectSection ? localize(ctx.subjectSection.title, ctx.language) : labels.section.subject)];
  const fields = ctx.subjectSection?.fields ?? [];
  out.push(labelValueTable(fields.map((f): Row => [localize(f.label, ctx.language), recordValue(ctx, c.subject, f, ctx.personal.subjectField(f.id))])));

  const details: Row[] = (set?.formFields ?? []).map((f): Row => [localize(f.label, ctx.language), recordValue(ctx, c.formFields, f, ctx.personal.formField(f.id))]);
  if (c.referencedEntryNumber !== null) details.push([labels.question.referencedEntryNumber, { text: String(c.referencedEntryNumber) }]);
  const checklist = set?.checklist ?? [];
  if (details.length > 0 || checklist.length > 0) {
    out.push(heading(labels.section.caseDetails, 'h2'), labelValueTable(details));
    if (checklist.length > 0) {
      out.push({ text: labels.question.checklist, style: 'label', margin: [0, 4, 0, 2] });
      out.push({
        ol: checklist.map((item) => ({
          text: [{ text: localize(item.text, ctx.language) }, { text: ` — ${c.checklist.includes(item.id) ? labels.question.checked : labels.question.notChecked}`, style: 'lang' }],
        })),
      });
    }
  }
  if (ctx.masking) out.push(note(labels.masked.note));
  return out;
}

function optionText(ctx: SectionContext, q: Pick<Question, 'options'>, id: string): string {
  const option = q.options?.find((o) => o.id === id);
  return option ? localize(option.label, ctx.language) : id;
}

function answerValue(ctx: SectionContext, q: Pick<Question, 'options'>, v: AnswerValue): Content {
  switch (v.kind) {
    case 'yesNo':
      return { text: v.value ? ctx.labels.question.yes : ctx.labels.question.no };
    case 'date':
      return { text: ctx.fmt.date(v.date) };
    case 'text':
      return freeText(v.text);
    case 'choice':
      return { text: v.optionIds.map((id) => optionText(ctx, q, id)).join(', ') };
  }
}

/** The ids an answer "chose", as follow-up conditions name them ('yes'/'no' for yes/no answers). */
function chosen(v: AnswerValue | null | undefined): readonly string[] {
  if (!v) return [];
  if (v.kind === 'choice') return v.optionIds;
  if (v.kind === 'yesNo') return [v.value ? 'yes' : 'no'];
  return [];
}

function answerRows(ctx: SectionContext, q: Question, a: AnswerView | undefined): Row[] {
  const { labels } = ctx;
  // The hub drops the value key of a personal answer below FULL: the screen shows asterisks there.
  const hidden = a !== undefined && !Object.hasOwn(a, 'value');
  const masking = ctx.masking && ctx.personal.answer(q.id);
  let value: Content;
  if (hidden || masking) value = masked();
  else value = a?.value ? answerValue(ctx, q, a.value) : { text: labels.question.notAnswered, italics: true };
  const rows: Row[] = [[labels.question.answer, value]];
  if (hidden || masking || !a) return rows;

  for (const f of q.followUps) {
    const triggered = f.whenAnswerIn.some((id) => chosen(a.value).includes(id));
    const given = a.followUps[f.id];
    if (ctx.masking && ctx.personal.followUp(q.id, f.id)) {
      if (triggered) rows.push([localize(f.text, ctx.language), masked()]);
    } else if (given) rows.push([localize(f.text, ctx.language), answerValue(ctx, f, given)]);
  }
  if (a.comment) rows.push([labels.question.answerComment, freeText(a.comment)]);
  return rows;
}

export function questionsSection(ctx: SectionContext): Content[] {
  const { c, labels, set } = ctx;
  const out: Content[] = [heading(labels.section.questionsAndAnswers)];
  const byId = new Map((set?.questions ?? []).map((q) => [q.id, q]));
  const answers = new Map(c.answers.map((a) => [a.questionId, a]));
  const categories = set?.categories ?? [];
  let n = 0;
  for (const category of categories) {
    const selected = c.questions.filter((s) => byId.get(s.questionId)?.categoryId === category.id);
    if (selected.length === 0) continue;
    out.push(heading(localize(category.title, ctx.language), 'h2'));
    for (const s of selected) {
      const q = byId.get(s.questionId);
      if (!q) continue;
      n += 1;
      const rows: Row[] = q.extraDetails.map((d): Row => [localize(d.label, ctx.language), recordValue(ctx, s.extraDetails, d, ctx.personal.extraDetail(q.id, d.id))]);
      if (s.comment) rows.push([labels.question.requesterComment, freeText(s.comment)]);
      rows.push(...answerRows(ctx, q, answers.get(q.id)));
      out.push({ stack: [{ text: `${n}. ${localize(q.text, ctx.language)}`, bold: true, margin: [0, 4, 0, 2] }, labelValueTable(rows)], unbreakable: rows.length < 8 });
    }
  }
  // Questions the schema no longer knows still belong to the exchange: print their ids rather than drop them.
  const unknown = c.questions.filter((s) => !byId.has(s.questionId));
  for (const s of unknown) out.push({ text: `${s.questionId}: ${DASH}` });
  if (n === 0 && unknown.length === 0) out.push({ text: labels.list.none });
  return out;
}
