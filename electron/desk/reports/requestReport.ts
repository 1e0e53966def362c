// Builds a request report (SPEC §10) from a request VIEW, never from the raw case: pure, no I/O, the result
// is plain data that the render worker turns into a PDF. Refusals are values with stable codes.
import type { Content } from 'pdfmake/interfaces';
import type { LanguageCode } from '../../../shared/reference/codes';
import { localize } from '../../../shared/reference/text';
import type { RequestEnvironment } from '../../../shared/request/environment';
import type { MonitoringCase, RequestView } from '../../../shared/request/visibility';
import { personalFieldIds } from '../../../shared/request/visibility';
import { consentBlock } from './consentBlock';
import { authorityName } from './reportContext';
import type { ReportDirectory, ReportReference, SectionContext } from './reportContext';
import { frameReport, freeText, note } from './reportDocument';
import type { ReportDocument } from './reportDocument';
import { reportFormat } from './reportFormat';
import type { ReportFormat } from './reportFormat';
import { fill, reportLabels } from './reportLabels';
import type { LabelChoice, ReportLabels } from './reportLabels';
import { allowedReportTypes, printsPersonalData, sectionsOf } from './reportTypes';
import type { ReportSection, ReportType } from './reportTypes';
import { attachmentsSection, commentsSection, historySection, messagesSection } from './requestActivity';
import { authoritiesSection, questionsSection, subjectSection } from './requestSections';
import { lowerToNoPd } from './withoutPersonalData';
import type { DetailedView } from './withoutPersonalData';

export interface RequestReportInput {
  view: RequestView;
  type: ReportType;
  /** The sections of a `CUSTOM` report; ignored for the other types. */
  sections?: readonly ReportSection[];
  /** For a `CUSTOM` report by a user at FULL: false leaves personal data out (asterisks). */
  customWithPersonalData?: boolean;
  /** Chosen by the user for this report, independently of the interface language. */
  language: LanguageCode;
  reference: ReportReference;
  directory: ReportDirectory;
  /** Display name of the user generating the report, printed in the footer. */
  generatedBy: string;
  now: Date;
  /** IANA zone for times printed in the report; defaults to UTC so that a report does not depend on the host. */
  timeZone?: string;
}

export type RequestReportRefusal =
  | { code: 'REPORT_TYPE_NOT_ALLOWED'; type: ReportType; level: RequestView['level'] }
  | { code: 'NO_SECTIONS_CHOSEN' };

export type RequestReportResult =
  | { ok: true; document: ReportDocument; personalData: boolean; sections: readonly ReportSection[]; labelFallback: LabelChoice['fallback'] }
  | { ok: false; refusal: RequestReportRefusal };

const SECTION_BUILDERS: Readonly<Record<ReportSection, (ctx: SectionContext) => Content[]>> = {
  authorities: authoritiesSection,
  subject: subjectSection,
  questionsAndAnswers: questionsSection,
  comments: commentsSection,
  messages: messagesSection,
  attachmentList: attachmentsSection,
  history: historySection,
};

function entryLabel(labels: ReportLabels, entryNumber: number | null): string {
  return entryNumber === null ? `${labels.header.request} (${labels.header.numberPending})` : `${labels.header.request} ${entryNumber}`;
}

/** The overview under the title: what the monitoring subset allows, so it is the same at every level. */
function overview(c: MonitoringCase, labels: ReportLabels, fmt: ReportFormat, input: RequestReportInput, summary: Content | null): Array<readonly [string, Content]> {
  const set = input.reference.questionSet(c.questionSetId);
  const area = input.reference.legislativeAreaTitle(c.area);
  const rows: Array<readonly [string, Content]> = [
    [labels.header.entryNumber, { text: c.entryNumber === null ? labels.header.numberPending : String(c.entryNumber), bold: true }],
    [labels.header.status, { text: labels.status[c.status] }],
    [labels.header.legislativeArea, { text: area ? `${localize(area, input.language)} (${c.area})` : c.area }],
    [labels.header.questionSet, { text: set ? localize(set.title, input.language) : c.questionSetId }],
    [labels.authority.requestingAuthority, { text: authorityName({ directory: input.directory, labels }, c.requestingAuthorityId) }],
    [labels.authority.respondingAuthority, { text: authorityName({ directory: input.directory, labels }, c.respondingAuthorityId) }],
    [labels.header.dueDate, { text: c.dueDate ? fmt.date(c.dueDate) : labels.header.noDueDate }],
  ];
  if (summary) rows.push([labels.header.summary, summary]);
  return rows;
}

function environmentFor(input: RequestReportInput): RequestEnvironment {
  return {
    authority: (id) => input.directory.authority(id),
    user: (id) => input.directory.user(id),
    questionSet: (id) => input.reference.questionSet(id),
    subjectSection: (area) => input.reference.subjectSection(area),
  };
}

export function buildRequestReport(input: RequestReportInput): RequestReportResult {
  const { view, type } = input;
  if (!allowedReportTypes(view.level).includes(type)) return { ok: false, refusal: { code: 'REPORT_TYPE_NOT_ALLOWED', type, level: view.level } };
  const sections = view.level === 'MONITORING' ? [] : sectionsOf(type, input.sections);
  if (type === 'CUSTOM' && sections.length === 0) return { ok: false, refusal: { code: 'NO_SECTIONS_CHOSEN' } };

  const choice = reportLabels(input.language);
  const { labels } = choice;
  const fmt = reportFormat(input.language, input.timeZone ?? 'UTC');
  const personalData = printsPersonalData(type, view.level, input.customWithPersonalData);
  const body: Content[] = [];
  let summary: Content | null = null;

  if (view.level === 'MONITORING') {
    body.push(note(labels.header.monitoringOnly));
  } else {
    const personal = personalFieldIds(view.case.area, view.case.questionSetId, environmentFor(input));
    const seen: DetailedView = view.level === 'FULL' && !personalData ? lowerToNoPd(view, personal) : view;
    const ctx: SectionContext = {
      c: seen.case, language: input.language, labels, fmt, personal, masking: !personalData,
      set: input.reference.questionSet(seen.case.questionSetId), subjectSection: input.reference.subjectSection(seen.case.area),
      reference: input.reference, directory: input.directory,
    };
    summary = seen.case.summary ? freeText(seen.case.summary) : null;
    for (const section of sections) body.push(...SECTION_BUILDERS[section](ctx));
    if (type === 'CONSENT_FORM') body.push(...consentBlock(labels));
  }

  const title = labels.reportTitle[type];
  const entry = entryLabel(labels, view.case.entryNumber);
  const document = frameReport({
    title,
    runningHeader: `${labels.header.application} · ${entry} · ${title}`,
    overview: overview(view.case, labels, fmt, input, summary),
    body,
    footer: { left: fill(labels.footer.generated, { date: fmt.dateTime(input.now.toISOString()), user: input.generatedBy }), pageTemplate: labels.footer.page },
    language: input.language,
    author: input.generatedBy,
    subject: entry,
    createdAt: input.now,
  });
  return { ok: true, document, personalData, sections, labelFallback: choice.fallback };
}
