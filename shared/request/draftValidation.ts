// Red/orange asterisk rules of a request draft (SPEC §5.3 createDraft, §6), shared by the UI and `decide`.
// Red issues block saving; orange issues are allowed in a draft but block sending.
import type { FieldDefinition, QuestionSet, SubjectSection } from '../reference/questionSet';
import type { DraftForm, FieldValue, FieldValues } from './requestCase';

export interface FieldIssue {
  /** A path the UI can point at: `subject.<id>`, `formFields.<id>`, `questions`, `questions.<qid>.<fieldId>`, `checklist.<id>`, `respondingAuthorityId`, `proposedDueDays`. */
  field: string;
  requirement: 'red' | 'orange';
}

export interface DraftValidation {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/** The parts of a draft the asterisk rules read; a `DraftForm` and a `RequestCase` both have them. */
export type DraftContent = Pick<DraftForm, 'respondingAuthorityId' | 'proposedDueDays' | 'formFields' | 'checklist' | 'subject' | 'questions'>;

export function isEmptyValue(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim().length === 0;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function missing(fields: readonly FieldDefinition[], values: FieldValues, prefix: string, requirement: 'red' | 'orange'): FieldIssue[] {
  return fields
    .filter((f) => f.requirement === requirement && isEmptyValue(values[f.id]))
    .map((f) => ({ field: `${prefix}.${f.id}`, requirement }));
}

export function validateDraft(form: DraftContent, questionSet: QuestionSet, subjectSection: SubjectSection | undefined): DraftValidation {
  const subjectFields = subjectSection?.fields ?? [];
  const errors: FieldIssue[] = [
    ...missing(subjectFields, form.subject, 'subject', 'red'),
    ...missing(questionSet.formFields, form.formFields, 'formFields', 'red'),
  ];
  if (form.questions.length === 0) errors.push({ field: 'questions', requirement: 'red' });

  const warnings: FieldIssue[] = [];
  if (form.respondingAuthorityId === null) warnings.push({ field: 'respondingAuthorityId', requirement: 'orange' });
  if (form.proposedDueDays === null) warnings.push({ field: 'proposedDueDays', requirement: 'orange' });
  warnings.push(...missing(subjectFields, form.subject, 'subject', 'orange'));
  warnings.push(...missing(questionSet.formFields, form.formFields, 'formFields', 'orange'));
  for (const selected of form.questions) {
    const question = questionSet.questions.find((q) => q.id === selected.questionId);
    for (const detail of question?.extraDetails ?? []) {
      // Extra details only matter once their question is selected, so even red ones only block sending.
      if (detail.requirement !== 'optional' && isEmptyValue(selected.extraDetails[detail.id])) {
        warnings.push({ field: `questions.${selected.questionId}.${detail.id}`, requirement: 'orange' });
      }
    }
  }
  for (const item of questionSet.checklist) {
    if (item.requirement !== 'optional' && !form.checklist.includes(item.id)) warnings.push({ field: `checklist.${item.id}`, requirement: 'orange' });
  }
  return { errors, warnings };
}

/** Question ids of the draft that the set does not have. */
export function unknownQuestionIds(form: Pick<DraftContent, 'questions'>, questionSet: QuestionSet): string[] {
  const known = new Set(questionSet.questions.map((q) => q.id));
  return form.questions.map((q) => q.questionId).filter((id) => !known.has(id));
}
