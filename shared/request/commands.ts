// Every command of SPEC §5.3 as a zod schema: the wire format from desk to hub and the input of `decide`.
import { z } from 'zod';
import { LegislativeArea } from '../reference/codes';
import { FreeText } from '../reference/text';
import { AuthorityId } from '../authority/authority';
import { UserId } from '../user/user';
import { Answer, AttachmentMeta, CaseId, DraftForm, MessageType } from './requestCase';

/** A mandatory justification (✱ in SPEC §5.3): free text with its language, never blank. */
export const Justification = FreeText.refine((t) => t.text.trim().length > 0, { message: 'justification is required' });

const on = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), caseId: CaseId, ...shape });

/** Answers a responder types; `sent` is decided by the lifecycle, never by the client. */
export const AnswerInput = Answer.omit({ sent: true });
export type AnswerInput = z.infer<typeof AnswerInput>;

export const RequestCommand = z.discriminatedUnion('type', [
  on('createDraft', { area: LegislativeArea, questionSetId: z.string().min(1), form: DraftForm }),
  on('editDraft', { form: DraftForm }),
  on('deleteDraft', {}),
  on('sendRequest', { requestingCoordinatorId: AuthorityId.nullable().default(null) }),
  on('approveRequest', {}),
  on('rejectRequestApproval', { justification: Justification }),
  on('acceptRequest', { days: z.number().int().min(1).max(365), respondingCoordinatorId: AuthorityId.nullable().default(null) }),
  on('forwardRequest', { toAuthorityId: AuthorityId, justification: Justification }),
  on('splitRequest', {
    newCaseId: CaseId,
    toAuthorityId: AuthorityId,
    questionIds: z.array(z.string()).min(1),
    attachmentIds: z.array(z.string()).default([]),
    justification: Justification,
  }),
  on('refuseRequest', { justification: Justification }),
  on('saveReply', { answers: z.array(AnswerInput).max(500) }),
  on('sendPartialReply', { answers: z.array(AnswerInput).max(500).default([]) }),
  on('sendReply', { answers: z.array(AnswerInput).max(500).default([]) }),
  on('approveReply', {}),
  on('rejectReplyApproval', { justification: Justification }),
  on('closeRequest', {}),
  on('requestAdditionalInfo', { justification: Justification }),
  on('acceptAdditionalInfo', {}),
  on('refuseAdditionalInfo', { justification: Justification }),
  on('referRequest', { justification: Justification }),
  on('referralDecision', { agrees: z.boolean(), justification: Justification }),
  on('maintainAndClose', { justification: Justification }),
  on('withdrawRequest', { justification: Justification }),
  on('addMessage', { messageId: z.string().min(1).max(64), messageType: MessageType, text: FreeText }),
  on('addAttachment', { attachment: AttachmentMeta }),
  on('assignHandlers', { userIds: z.array(UserId).min(1).max(50) }),
  on('changeLinkedCoordinator', { coordinatorId: AuthorityId }),
  on('copyRequest', {
    newCaseId: CaseId,
    parts: z.object({
      addressee: z.boolean(),
      subject: z.boolean(),
      questions: z.boolean(),
      attachments: z.boolean(),
    }),
    targetArea: LegislativeArea.nullable().default(null),
    targetQuestionSetId: z.string().nullable().default(null),
  }),
]);
export type RequestCommand = z.infer<typeof RequestCommand>;
export type RequestCommandType = RequestCommand['type'];
export type CommandOf<T extends RequestCommandType> = Extract<RequestCommand, { type: T }>;

/** Commands whose justification is mandatory (✱). */
export const JUSTIFIED_COMMANDS = [
  'rejectRequestApproval', 'forwardRequest', 'splitRequest', 'refuseRequest', 'rejectReplyApproval',
  'requestAdditionalInfo', 'refuseAdditionalInfo', 'referRequest', 'referralDecision', 'maintainAndClose',
  'withdrawRequest',
] as const satisfies readonly RequestCommandType[];
