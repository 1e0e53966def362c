// Command inputs valid against the SHIPPED reference data (what both the demo hub and a real desk load):
// a complete PQ request from Italy to Hungary, full answers to it, and the personal field ids a leak check looks for.
import { loadReferenceData } from '../../../shared/reference/referenceData';
import type { RequestCommand } from '../../../shared/request/commands';
import type { CommandInput } from '../../../shared/testkit/world.testkit';

export type { CommandInput };

export const QUESTION_SET = 'pq-diploma-authenticity';
/** Questions of the request: one yes/no, one choice, one personal date (masked below FULL). */
export const QUESTION_IDS = ['awarded-by-competent-body', 'training-level', 'date-of-award'] as const;

export const text = (t: string) => ({ text: t, language: 'en' as const });

/** A draft with every red and orange field filled, so that sendRequest goes through. */
export function completeDraft(caseId: string, to = 'hu-enkk', familyName = 'Rossi'): CommandInput {
  return {
    type: 'createDraft', caseId, area: 'PQ', questionSetId: QUESTION_SET,
    form: {
      respondingAuthorityId: to, proposedDueDays: 10,
      subject: {
        'family-name': familyName, 'first-names': 'Maria', 'date-of-birth': '1980-04-02', profession: 'Medical doctor',
        'place-of-birth': 'Roma', nationality: 'IT', 'professional-registration-number': 'RM-12345', 'mobility-type': ['establishment'],
      },
      questions: QUESTION_IDS.map((questionId) => ({ questionId })),
    },
  };
}

/** Answers to every question of `completeDraft`; `note` goes into a free-text comment so that two replies differ. */
export function fullAnswers(note: string): Extract<RequestCommand, { type: 'sendReply' }>['answers'] {
  return [
    { questionId: 'awarded-by-competent-body', value: { kind: 'yesNo', value: true }, followUps: {}, comment: text(note) },
    { questionId: 'training-level', value: { kind: 'choice', optionIds: ['level-d'] }, followUps: {}, comment: null },
    { questionId: 'date-of-award', value: { kind: 'date', date: '2005-07-15' }, followUps: {}, comment: null },
  ];
}

/** Ids of every field or question the shipped reference data marks personal (SPEC §5.1). */
export function personalFieldIds(): Set<string> {
  const data = loadReferenceData();
  const ids = new Set<string>();
  for (const section of data.subjectSections) for (const f of section.fields) if (f.personal) ids.add(f.id);
  for (const set of data.questionSets) {
    for (const f of set.formFields) if (f.personal) ids.add(f.id);
    for (const q of set.questions) {
      if (q.personal) ids.add(q.id);
      for (const d of q.extraDetails) if (d.personal) ids.add(d.id);
      for (const f of q.followUps) if (f.personal) ids.add(f.id);
    }
  }
  return ids;
}
