// The five request reports of SPEC §10, the sections each one prints, and which of them a user may produce; shared
// because the desk prints them and the hub certifies them, both under the same rule.
// Who may see personal data is decided by the shared visibility level, never here.
import { z } from 'zod';
import type { VisibilityLevel } from '../request/visibility';

export const ReportType = z.enum(['FULL_WITH_PD', 'FULL_WITHOUT_PD', 'CUSTOM', 'DATA_SUBJECT', 'CONSENT_FORM']);
export type ReportType = z.infer<typeof ReportType>;

export const ReportSection = z.enum(['authorities', 'subject', 'questionsAndAnswers', 'comments', 'messages', 'attachmentList', 'history']);
export type ReportSection = z.infer<typeof ReportSection>;
export const ALL_SECTIONS: readonly ReportSection[] = ReportSection.options;

/** Sections of each fixed report; `CUSTOM` prints the sections the user chose. */
export const SECTIONS_OF: Readonly<Record<Exclude<ReportType, 'CUSTOM'>, readonly ReportSection[]>> = {
  FULL_WITH_PD: ALL_SECTIONS,
  FULL_WITHOUT_PD: ALL_SECTIONS,
  // What was exchanged about the data subject (handbook: "what information has been exchanged via IMI in relation to him or her").
  DATA_SUBJECT: ['authorities', 'subject', 'questionsAndAnswers', 'messages', 'attachmentList'],
  CONSENT_FORM: ['authorities', 'subject', 'questionsAndAnswers', 'messages', 'attachmentList'],
};

/** Reports that print the subject's personal data; they exist only for a user who sees the request at `FULL`. */
export const WITH_PERSONAL_DATA: ReadonlySet<ReportType> = new Set<ReportType>(['FULL_WITH_PD', 'DATA_SUBJECT', 'CONSENT_FORM']);

/**
 * The report types a user may produce for a request seen at `level` (from `visibilityLevel`). Below `FULL`
 * (allocators, referral handlers, coordinators, responders before acceptance) only reports without personal
 * data; a monitoring view prints its monitoring subset only; `NONE` prints nothing.
 */
export function allowedReportTypes(level: VisibilityLevel): readonly ReportType[] {
  switch (level) {
    case 'FULL':
      return ReportType.options;
    case 'FULL_NO_PD':
      return ['FULL_WITHOUT_PD', 'CUSTOM'];
    case 'MONITORING':
      return ['FULL_WITHOUT_PD'];
    case 'NONE':
      return [];
  }
}

/**
 * Whether a report prints personal data: only at `FULL`, and for `CUSTOM` unless the user asked to leave it
 * out (a user who sees it chose the subject section to print it).
 */
export function printsPersonalData(type: ReportType, level: VisibilityLevel, customWithPersonalData = true): boolean {
  if (level !== 'FULL') return false;
  return WITH_PERSONAL_DATA.has(type) || (type === 'CUSTOM' && customWithPersonalData);
}

export function sectionsOf(type: ReportType, chosen: readonly ReportSection[] | undefined): readonly ReportSection[] {
  if (type !== 'CUSTOM') return SECTIONS_OF[type];
  // Keep the canonical order whatever order the user ticked the boxes in.
  const picked = new Set(chosen ?? []);
  return ALL_SECTIONS.filter((s) => picked.has(s));
}
