// The reference data a report needs, backed by the shipped reference data (SPEC §2, §6).
import type { ReferenceData } from '../../../shared/reference/referenceData';
import type { ReportReference } from './reportContext';

export function reportReferenceFrom(data: ReferenceData): ReportReference {
  return {
    questionSet: (id) => data.questionSets.find((s) => s.id === id),
    subjectSection: (area) => data.subjectSections.find((s) => s.area === area),
    messageTypeLabel: (type) => data.messageTypes.find((m) => m.code === type)?.label,
    legislativeAreaTitle: (area) => data.legislativeAreas.find((a) => a.code === area)?.title,
  };
}
