// Schema of a request form's variable parts (SPEC §6): the area's subject section and the question sets.
import { z } from 'zod';
import { LegislativeArea } from './codes';
import { LocalizedText } from './text';

export const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case identifier');

/**
 * How strictly a field is required: `red` blocks saving (and leaving the tab), `orange` may be
 * missing in a draft (warning) but blocks sending, `optional` never blocks.
 */
export const Requirement = z.enum(['red', 'orange', 'optional']);
export type Requirement = z.infer<typeof Requirement>;

export const FieldKind = z.enum(['text', 'longText', 'date', 'country', 'language', 'choice', 'yesNo']);
export type FieldKind = z.infer<typeof FieldKind>;

export const ChoiceOption = z.object({ id: Id, label: LocalizedText });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

/** A field of the subject section or an extra detail of a question. `personal` marks personal data (SPEC §5.1). */
export const FieldDefinition = z.object({
  id: Id,
  label: LocalizedText,
  kind: FieldKind,
  requirement: Requirement,
  personal: z.boolean(),
  options: z.array(ChoiceOption).optional(),
  help: LocalizedText.optional(),
});
export type FieldDefinition = z.infer<typeof FieldDefinition>;

export const SubjectSection = z.object({
  area: LegislativeArea,
  title: LocalizedText,
  fields: z.array(FieldDefinition).min(1),
});
export type SubjectSection = z.infer<typeof SubjectSection>;

export const AnswerType = z.enum(['singleChoice', 'multipleChoice', 'yesNo', 'date', 'freeText']);
export type AnswerType = z.infer<typeof AnswerType>;

/** A question asked because of an answer (e.g. "information not available" → explain why). */
export const FollowUpQuestion = z.object({
  id: Id,
  text: LocalizedText,
  answerType: AnswerType,
  options: z.array(ChoiceOption).optional(),
  /** Shown and required when the parent's answer includes one of these option ids ('yes'/'no' for yesNo). */
  whenAnswerIn: z.array(z.string()).min(1),
  personal: z.boolean().default(false),
});
export type FollowUpQuestion = z.infer<typeof FollowUpQuestion>;

export const Question = z.object({
  id: Id,
  categoryId: Id,
  text: LocalizedText,
  answerType: AnswerType,
  options: z.array(ChoiceOption).optional(),
  /** Details the requester must give when selecting this question (e.g. the profession concerned). */
  extraDetails: z.array(FieldDefinition).default([]),
  followUps: z.array(FollowUpQuestion).default([]),
  /** Whether the answer to this question is personal data of the subject. */
  personal: z.boolean().default(false),
  help: LocalizedText.optional(),
});
export type Question = z.infer<typeof Question>;

export const QuestionCategory = z.object({ id: Id, title: LocalizedText });
export type QuestionCategory = z.infer<typeof QuestionCategory>;

export const QuestionSet = z
  .object({
    id: Id,
    area: LegislativeArea,
    title: LocalizedText,
    description: LocalizedText.optional(),
    /** The largest number of days a requester may propose or a responder may need. */
    maxDueDays: z.number().int().min(1).max(365),
    defaultDueDays: z.number().int().min(1).max(365),
    categories: z.array(QuestionCategory).min(1),
    questions: z.array(Question).min(1),
    /** Fields of the common part this set adds (e.g. the case description of a derogation set). */
    formFields: z.array(FieldDefinition).default([]),
    /** A numbered checklist the requester ticks (case-by-case derogation sets). */
    checklist: z.array(z.object({ id: Id, text: LocalizedText, requirement: Requirement })).default([]),
    /** Whether the set should reference an earlier request's entry number (case-by-case notification). */
    referencesEarlierRequest: z.boolean().default(false),
  })
  .superRefine((set, ctx) => {
    const categoryIds = new Set(set.categories.map((c) => c.id));
    const questionIds = new Set<string>();
    for (const q of set.questions) {
      if (!categoryIds.has(q.categoryId)) ctx.addIssue({ code: 'custom', message: `question ${q.id}: unknown category ${q.categoryId}` });
      if (questionIds.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate question id ${q.id}` });
      questionIds.add(q.id);
      const needsOptions = q.answerType === 'singleChoice' || q.answerType === 'multipleChoice';
      if (needsOptions && !q.options?.length) ctx.addIssue({ code: 'custom', message: `question ${q.id}: choice answers need options` });
    }
    if (set.defaultDueDays > set.maxDueDays) ctx.addIssue({ code: 'custom', message: 'defaultDueDays exceeds maxDueDays' });
  });
export type QuestionSet = z.infer<typeof QuestionSet>;
