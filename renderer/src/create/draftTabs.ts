// Which tab of the request form each validation path belongs to, so a red error can block leaving that tab
// and the error panel can send the user to the right place.
import type { FieldIssue } from '../../../shared/request/draftValidation';
import type { QuestionSet } from '../../../shared/reference/questionSet';

export const SUMMARY_TAB = 'summary';
export const SUBJECT_TAB = 'subject';
export const MESSAGES_TAB = 'messages';
export const categoryTab = (categoryId: string) => `category:${categoryId}`;

export function tabOrder(questionSet: QuestionSet | undefined): string[] {
  return [SUMMARY_TAB, SUBJECT_TAB, ...(questionSet?.categories.map((c) => categoryTab(c.id)) ?? []), MESSAGES_TAB];
}

export function tabOfIssue(issue: FieldIssue, questionSet: QuestionSet | undefined): string {
  const [head, id] = issue.field.split('.');
  if (head === 'subject') return SUBJECT_TAB;
  if (head === 'questions') {
    // "No question chosen" belongs to the last question tab: the user may pick in any category before it.
    const lastCategory = questionSet?.categories.at(-1)?.id;
    const question = id ? questionSet?.questions.find((q) => q.id === id) : undefined;
    const category = question?.categoryId ?? lastCategory;
    return category ? categoryTab(category) : SUMMARY_TAB;
  }
  return SUMMARY_TAB;
}
