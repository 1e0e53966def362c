// The state of the request form being drafted: area, question set and the DraftForm of shared/, prefilled
// from an existing draft when editing one.
import { useEffect, useState } from 'react';
import { DraftForm } from '../../../shared/request/requestCase';
import type { LegislativeArea } from '../../../shared/reference/codes';
import type { FullCase } from '../request/useRequest';

export interface DraftState {
  area: LegislativeArea | null;
  questionSetId: string | null;
  form: DraftForm;
}

export const emptyDraft = (): DraftState => ({
  area: null,
  questionSetId: null,
  form: DraftForm.parse({ respondingAuthorityId: null, proposedDueDays: null }),
});

export function draftFromCase(c: FullCase): DraftState {
  return {
    area: c.area,
    questionSetId: c.questionSetId,
    form: {
      respondingAuthorityId: c.respondingAuthorityId,
      proposedDueDays: c.proposedDueDays,
      requestingCoordinatorId: c.requestingCoordinatorId,
      summary: c.summary,
      formFields: c.formFields,
      checklist: c.checklist,
      referencedEntryNumber: c.referencedEntryNumber,
      subject: c.subject,
      questions: c.questions,
      tabComments: c.tabComments.map(({ tabId, text }) => ({ tabId, text })),
    },
  };
}

export function useDraftState(existing: FullCase | undefined) {
  const [state, setState] = useState<DraftState>(() => (existing ? draftFromCase(existing) : emptyDraft()));
  const [loadedFrom, setLoadedFrom] = useState<string | null>(existing?.id ?? null);
  useEffect(() => {
    if (existing && loadedFrom !== existing.id) {
      setState(draftFromCase(existing));
      setLoadedFrom(existing.id);
    }
  }, [existing, loadedFrom]);
  const patchForm = (patch: Partial<DraftForm>) => setState((s) => ({ ...s, form: { ...s.form, ...patch } }));
  return { state, setState, patchForm };
}
