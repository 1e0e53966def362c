// Stable reason codes with which the request lifecycle refuses a command; desk and hub translate them for people.
import { z } from 'zod';

export const RejectionReason = z.enum([
  'CASE_NOT_FOUND',
  'CASE_ALREADY_EXISTS',
  'WRONG_STATUS',
  'ROLE_REQUIRED',
  'NOT_YOUR_AUTHORITY',
  'NOT_ASSIGNED',
  'DRAFT_INVALID',
  'REQUIRED_FIELDS_MISSING',
  'UNANSWERED_QUESTIONS',
  'DUE_DAYS_OUT_OF_RANGE',
  'UNKNOWN_QUESTION_SET',
  'UNKNOWN_QUESTION',
  'ADDRESSEE_NOT_ELIGIBLE',
  'ADDRESSEE_OTHER_COUNTRY',
  'REFUSAL_NOT_ALLOWED',
  'NO_REFERRAL_COORDINATOR',
  'COORDINATOR_CHOICE_REQUIRED',
  'COORDINATOR_NOT_LINKED',
  'AUTHORITY_NOT_ACTIVE',
  'SPLIT_SELECTION_INVALID',
  'EXECUTABLE_ATTACHMENT',
  'NOTHING_TO_SEND',
  'DUPLICATE_ID',
  'USER_NOT_ELIGIBLE',
  'MAINTAIN_NOT_ALLOWED',
  'ANSWER_INVALID',
]);
export type RejectionReason = z.infer<typeof RejectionReason>;

export const Rejection = z.object({
  reason: RejectionReason,
  details: z
    .object({
      fields: z.array(z.string()).optional(),
      questionIds: z.array(z.string()).optional(),
      message: z.string().optional(),
    })
    .optional(),
});
export type Rejection = z.infer<typeof Rejection>;

export function reject(reason: RejectionReason, details?: Rejection['details']): Rejection {
  return details ? { reason, details } : { reason };
}
