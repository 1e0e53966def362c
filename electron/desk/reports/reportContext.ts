// What every section of a request report reads: the case as seen, the translated schema, the labels and
// formats of the report language, and the lookups for names; plus the value printers they share.
import type { Authority } from '../../../shared/authority/authority';
import type { LanguageCode, LegislativeArea } from '../../../shared/reference/codes';
import type { FieldDefinition, QuestionSet, SubjectSection } from '../../../shared/reference/questionSet';
import type { LocalizedText } from '../../../shared/reference/text';
import { localize } from '../../../shared/reference/text';
import type { FieldValue, MessageType } from '../../../shared/request/requestCase';
import type { PersonalFieldIds } from '../../../shared/request/visibility';
import type { User } from '../../../shared/user/user';
import type { Content } from 'pdfmake/interfaces';
import { DASH, masked } from './reportDocument';
import type { ReportFormat } from './reportFormat';
import type { ReportLabels } from './reportLabels';
import type { DetailedCase } from './withoutPersonalData';

/** Reference data a report needs; the desk backs it with `loadReferenceData`, tests with fixtures. */
export interface ReportReference {
  questionSet(id: string): QuestionSet | undefined;
  subjectSection(area: LegislativeArea): SubjectSection | undefined;
  messageTypeLabel(type: MessageType): LocalizedText | undefined;
  legislativeAreaTitle(area: LegislativeArea): LocalizedText | undefined;
}

/** Names of authorities and users, from the desk's replica of the directory. */
export interface ReportDirectory {
  authority(id: string): Authority | undefined;
  user(id: string): User | undefined;
}

export interface SectionContext {
  c: DetailedCase;
  language: LanguageCode;
  labels: ReportLabels;
  fmt: ReportFormat;
  set: QuestionSet | undefined;
  subjectSection: SubjectSection | undefined;
  personal: PersonalFieldIds;
  /** True when personal data is left out: absent personal values print as asterisks. */
  masking: boolean;
  reference: ReportReference;
  directory: ReportDirectory;
}

export function authorityName(ctx: Pick<SectionContext, 'directory' | 'labels'>, id: string | null): string {
  if (id === null) return ctx.labels.authority.notYetKnown;
  return ctx.directory.authority(id)?.officialName ?? `${ctx.labels.authority.unknown} (${id})`;
}

export function userName(ctx: Pick<SectionContext, 'directory'>, id: string): string {
  const u = ctx.directory.user(id);
  return u ? `${u.name} ${u.surname}` : id;
}

/** The label of a choice option, in the report language. */
function optionLabel(ctx: SectionContext, options: FieldDefinition['options'], id: string): string {
  const option = options?.find((o) => o.id === id);
  return option ? localize(option.label, ctx.language) : id;
}

/** A form value as printed, following the field's kind. */
export function fieldValue(ctx: SectionContext, def: FieldDefinition | undefined, value: FieldValue): Content {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return { text: DASH };
  if (typeof value === 'boolean') return { text: value ? ctx.labels.question.yes : ctx.labels.question.no };
  if (Array.isArray(value)) return { text: value.map((id) => optionLabel(ctx, def?.options, id)).join(', ') };
  switch (def?.kind) {
    case 'date':
      return { text: ctx.fmt.date(value) };
    case 'country':
      return { text: ctx.fmt.country(value) };
    case 'language':
      return { text: ctx.fmt.language(value) };
    case 'choice':
      return { text: optionLabel(ctx, def.options, value) };
    default:
      return { text: value };
  }
}

/**
 * One field of a record of values: a personal field prints asterisks when the report leaves personal data
 * out (exactly where the screen would); otherwise the value, or a dash when it is empty.
 */
export function recordValue(ctx: SectionContext, values: Readonly<Record<string, FieldValue>>, def: FieldDefinition, isPersonal: boolean): Content {
  // Masked views never hold personal values; checking again keeps a faulty view from leaking into print.
  if (ctx.masking && isPersonal) return masked();
  if (Object.hasOwn(values, def.id)) return fieldValue(ctx, def, values[def.id] ?? null);
  return ctx.masking && isPersonal ? masked() : { text: DASH };
}
