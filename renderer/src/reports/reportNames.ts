// Report types and sections named from the shared report catalogue (resources/i18n/reports), the labels the PDF prints.
import type { TFunction } from 'i18next';
import type { ReportSection, ReportType } from '../../../shared/reports/reportTypes';

export const reportTypeName = (t: TFunction, type: ReportType | string) => t(`reportTitle.${type}`, { ns: 'reports' });
export const reportSectionName = (t: TFunction, section: ReportSection | string) => t(`section.${section}`, { ns: 'reports' });

/** A file name a person can recognise in their downloads folder. */
export function reportFileName(type: string, entryNumber: number | null, language: string, createdAt: string): string {
  return `imi-${entryNumber ?? 'pending'}-${type.toLowerCase().replace(/_/g, '-')}-${language}-${createdAt.slice(0, 10)}.pdf`;
}
