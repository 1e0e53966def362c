// What counts as a complete reply (SPEC §5.3 sendReply): every selected question answered, and every
// follow-up question that an answer triggers (FollowUpQuestion.whenAnswerIn) answered too.
import type { AnswerType, FollowUpQuestion, Question, QuestionSet } from '../reference/questionSet';
import type { Answer, AnswerValue, SelectedQuestion } from './requestCase';
import type { AnswerInput } from './commands';

/** The option ids an answer stands for, as `whenAnswerIn` lists them ('yes'/'no' for yes/no answers). */
function chosen(value: AnswerValue): string[] {
  if (value.kind === 'choice') return value.optionIds;
  if (value.kind === 'yesNo') return [value.value ? 'yes' : 'no'];
  return [];
}

export function triggeredFollowUps(question: Question, value: AnswerValue | null): FollowUpQuestion[] {
  if (value === null) return [];
  const picked = chosen(value);
  return question.followUps.filter((f) => f.whenAnswerIn.some((o) => picked.includes(o)));
}

/** Ids still lacking an answer: question ids, and `questionId.followUpId` for triggered follow-ups. */
export function unansweredQuestionIds(questions: readonly SelectedQuestion[], answers: readonly Answer[], questionSet: QuestionSet): string[] {
  const missing: string[] = [];
  for (const { questionId } of questions) {
    const answer = answers.find((a) => a.questionId === questionId);
    if (!answer || answer.value === null) {
      missing.push(questionId);
      continue;
    }
    const question = questionSet.questions.find((q) => q.id === questionId);
    if (!question) continue;
    for (const f of triggeredFollowUps(question, answer.value)) {
      if (answer.followUps[f.id] === undefined) missing.push(`${questionId}.${f.id}`);
    }
  }
  return missing;
}

const KIND_FOR: Readonly<Record<AnswerType, AnswerValue['kind']>> = {
  singleChoice: 'choice', multipleChoice: 'choice', yesNo: 'yesNo', date: 'date', freeText: 'text',
};

function fits(type: AnswerType, options: Question['options'], value: AnswerValue): boolean {
  if (value.kind !== KIND_FOR[type]) return false;
  if (value.kind !== 'choice') return true;
  const known = new Set((options ?? []).map((o) => o.id));
  if (type === 'singleChoice' && value.optionIds.length !== 1) return false;
  return value.optionIds.every((id) => known.has(id));
}

export type AnswerProblem = { kind: 'UNKNOWN_QUESTION' | 'ANSWER_INVALID'; questionIds: string[] };

/** Checks typed answers against the case's questions and the set's answer types. */
export function checkAnswers(inputs: readonly AnswerInput[], questions: readonly SelectedQuestion[], questionSet: QuestionSet): AnswerProblem | undefined {
  const selected = new Set(questions.map((q) => q.questionId));
  const unknown: string[] = [];
  const invalid: string[] = [];
  for (const input of inputs) {
    const question = questionSet.questions.find((q) => q.id === input.questionId);
    if (!question || !selected.has(input.questionId)) {
      unknown.push(input.questionId);
      continue;
    }
    if (input.value !== null && !fits(question.answerType, question.options, input.value)) invalid.push(input.questionId);
    for (const [followUpId, value] of Object.entries(input.followUps)) {
      const followUp = question.followUps.find((f) => f.id === followUpId);
      if (!followUp) unknown.push(`${input.questionId}.${followUpId}`);
      else if (!fits(followUp.answerType, followUp.options, value)) invalid.push(`${input.questionId}.${followUpId}`);
    }
  }
  if (unknown.length) return { kind: 'UNKNOWN_QUESTION', questionIds: unknown };
  if (invalid.length) return { kind: 'ANSWER_INVALID', questionIds: invalid };
  return undefined;
}

function sameAnswer(a: Answer, input: AnswerInput): boolean {
  return JSON.stringify([a.value, a.followUps, a.comment]) === JSON.stringify([input.value, input.followUps, input.comment]);
}

/**
 * The answer list after typing `inputs`: an unchanged answer keeps its `sent` mark, a changed one is
 * unsent again (it must be sent anew). Order follows the case's questions.
 */
export function mergeAnswers(current: readonly Answer[], inputs: readonly AnswerInput[], questions: readonly SelectedQuestion[]): Answer[] {
  const byId = new Map(current.map((a) => [a.questionId, a]));
  for (const input of inputs) {
    const before = byId.get(input.questionId);
    byId.set(input.questionId, before && sameAnswer(before, input) ? before : { ...input, sent: false });
  }
  return questions.flatMap((q) => {
    const a = byId.get(q.questionId);
    return a ? [a] : [];
  });
}

export function markAnswered(answers: readonly Answer[]): Answer[] {
  return answers.map((a) => (a.value === null ? a : { ...a, sent: true }));
}
