// The information request as stored by the hub and replicated to desks (SPEC §5–6).
import { z } from 'zod';
import { LanguageCode, LegislativeArea } from '../reference/codes';
import { FreeText } from '../reference/text';
import { AuthorityId } from '../authority/authority';
import { UserId } from '../user/user';

export const RequestStatus = z.enum([
  'DRAFT',
  'AWAITING_REQUEST_APPROVAL',
  'AWAITING_ACCEPTANCE',
  'ACCEPTED',
  'AWAITING_REPLY_APPROVAL',
  'PARTIALLY_ANSWERED',
  'ANSWERED',
  'ADDITIONAL_INFO_REQUESTED',
  'ADDITIONAL_INFO_ACCEPTED',
  'ADDITIONAL_INFO_REFUSED',
  'REFERRED_TO_REQUESTING_COORDINATOR',
  'REFERRED_TO_RESPONDING_COORDINATOR',
  'CLOSED',
  'WITHDRAWN',
  'REFUSED',
]);
export type RequestStatus = z.infer<typeof RequestStatus>;
export const CLOSED_STATUSES: readonly RequestStatus[] = ['CLOSED', 'WITHDRAWN', 'REFUSED'];

export const CaseId = z.string().min(1).max(64);
export type CaseId = z.infer<typeof CaseId>;
export const IsoDateTime = z.iso.datetime();
export const IsoDate = z.iso.date();

/** A value of a form field: text, date (ISO), chosen option ids, yes/no, or empty. */
export const FieldValue = z.union([z.string().max(20_000), z.array(z.string().max(200)).max(100), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof FieldValue>;
export const FieldValues = z.record(z.string().max(100), FieldValue);
export type FieldValues = z.infer<typeof FieldValues>;

export const SelectedQuestion = z.object({
  questionId: z.string(),
  /** Extra details required when the question is selected (e.g. the profession). */
  extraDetails: FieldValues.default({}),
  comment: FreeText.nullable().default(null),
});
export type SelectedQuestion = z.infer<typeof SelectedQuestion>;

export const AnswerValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), optionIds: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('yesNo'), value: z.boolean() }),
  z.object({ kind: z.literal('date'), date: IsoDate }),
  z.object({ kind: z.literal('text'), text: FreeText }),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Answer = z.object({
  questionId: z.string(),
  value: AnswerValue.nullable(),
  /** Answers to follow-up questions, by follow-up id. */
  followUps: z.record(z.string(), AnswerValue).default({}),
  comment: FreeText.nullable().default(null),
  /** True once this answer was part of a sent (partial or full) reply. */
  sent: z.boolean().default(false),
});
export type Answer = z.infer<typeof Answer>;

export const MessageType = z.enum(['PROGRESS_ENQUIRY', 'ADDITIONAL_SUPPORTING_INFORMATION', 'CLARIFICATION_OF_QUESTION', 'OTHER']);
export type MessageType = z.infer<typeof MessageType>;

export const Message = z.object({
  id: z.string(),
  type: MessageType,
  text: FreeText,
  authorityId: AuthorityId,
  userId: UserId,
  at: IsoDateTime,
});
export type Message = z.infer<typeof Message>;

/** The tab a comment or attachment belongs to: 'summary', 'subject', a category id, or 'messages'. */
export const TabId = z.string().min(1).max(100);

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const AttachmentMeta = z.object({
  id: z.string(),
  name: z.string().min(1).max(255),
  nameLanguage: LanguageCode,
  documentLanguage: LanguageCode,
  comment: FreeText.nullable().default(null),
  tabId: TabId,
  size: z.number().int().min(1).max(ATTACHMENT_MAX_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string().max(200),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;
export const Attachment = AttachmentMeta.extend({ authorityId: AuthorityId, userId: UserId, at: IsoDateTime });
export type Attachment = z.infer<typeof Attachment>;

export const TabComment = z.object({ tabId: TabId, text: FreeText });
export type TabComment = z.infer<typeof TabComment>;

export const HistoryEntry = z.object({
  action: z.string(),
  userId: UserId,
  authorityId: AuthorityId,
  at: IsoDateTime,
  justification: FreeText.nullable(),
  status: RequestStatus,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The editable form of a draft: common part + subject section + question selection (SPEC §6). */
export const DraftForm = z.object({
  respondingAuthorityId: AuthorityId.nullable(),
  proposedDueDays: z.number().int().min(1).max(365).nullable(),
  requestingCoordinatorId: AuthorityId.nullable().default(null),
  summary: FreeText.nullable().default(null),
  /** Set-specific fields of the common part (e.g. case description and justification). */
  formFields: FieldValues.default({}),
  checklist: z.array(z.string()).default([]),
  referencedEntryNumber: z.number().int().positive().nullable().default(null),
  subject: FieldValues.default({}),
  questions: z.array(SelectedQuestion).max(500).default([]),
  tabComments: z.array(TabComment).max(200).default([]),
});
export type DraftForm = z.infer<typeof DraftForm>;

export const RequestCase = z.object({
  id: CaseId,
  /** Assigned by the hub; null while a draft made offline is not yet accepted ("number pending"). */
  entryNumber: z.number().int().positive().nullable(),
  area: LegislativeArea,
  questionSetId: z.string(),
  status: RequestStatus,
  requestingAuthorityId: AuthorityId,
  respondingAuthorityId: AuthorityId.nullable(),
  requestingCoordinatorId: AuthorityId.nullable(),
  respondingCoordinatorId: AuthorityId.nullable(),
  proposedDueDays: z.number().int().nullable(),
  acceptedDays: z.number().int().nullable(),
  dueDate: IsoDate.nullable(),
  createdByUserId: UserId,
  createdAt: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
  acceptedAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  summary: FreeText.nullable(),
  formFields: FieldValues,
  checklist: z.array(z.string()),
  referencedEntryNumber: z.number().int().nullable(),
  subject: FieldValues,
  questions: z.array(SelectedQuestion),
  tabComments: z.array(TabComment.extend({ authorityId: AuthorityId, userId: UserId, at: IsoDateTime })),
  answers: z.array(Answer),
  messages: z.array(Message),
  attachments: z.array(Attachment),
  /** Users assigned per authority when that authority uses allocation. */
  assignments: z.record(AuthorityId, z.array(UserId)),
  /** Coordinators that already took part in the current referral round, in order. */
  referralPath: z.array(z.enum(['REQUESTING', 'RESPONDING'])),
  formerRespondingAuthorityIds: z.array(AuthorityId),
  splitFromCaseId: CaseId.nullable(),
  splitIntoCaseIds: z.array(CaseId),
  copiedFromCaseId: CaseId.nullable(),
  history: z.array(HistoryEntry),
});
export type RequestCase = z.infer<typeof RequestCase>;
