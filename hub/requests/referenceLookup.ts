// The reference data a request decision needs (question sets, subject sections), injected so tests can use fixture sets
// and the hub can start even while the shipped reference data (shared/reference/referenceData.ts) is unavailable.
import type { LegislativeArea } from '../../shared/reference/codes';
import type { QuestionSet, SubjectSection } from '../../shared/reference/questionSet';

export interface ReferenceLookup {
  questionSet(id: string): QuestionSet | undefined;
  subjectSection(area: LegislativeArea): SubjectSection | undefined;
}

/** Knows no set: every command naming one is refused, and `viewFor` masks every field as personal (default deny). */
export const EMPTY_REFERENCE: ReferenceLookup = { questionSet: () => undefined, subjectSection: () => undefined };

export function referenceLookupOf(data: { questionSets: readonly QuestionSet[]; subjectSections: readonly SubjectSection[] }): ReferenceLookup {
  const sets = new Map(data.questionSets.map((s) => [s.id, s]));
  const sections = new Map(data.subjectSections.map((s) => [s.area, s]));
  return { questionSet: (id) => sets.get(id), subjectSection: (area) => sections.get(area) };
}

/** The shipped reference data, or EMPTY_REFERENCE with a logged reason when it cannot be loaded. */
export async function shippedReferenceLookup(log: (line: string) => void = console.warn): Promise<ReferenceLookup> {
  try {
    const { loadReferenceData } = await import('../../shared/reference/referenceData');
    return referenceLookupOf(loadReferenceData());
  } catch (error) {
    log(`hub: reference data unavailable, request commands naming a question set will be refused: ${error instanceof Error ? error.message : String(error)}`);
    return EMPTY_REFERENCE;
  }
}
