// Events of the request lifecycle: what `decide` emits and `evolve` folds. Each carries everything needed to
// fold it without looking anything up, so a desk replica and the hub reach the same state from the same events.
import { z } from 'zod';
import { LegislativeArea } from '../reference/codes';
import { FreeText } from '../reference/text';
import { AuthorityId } from '../authority/authority';
import { UserId } from '../user/user';
import { Answer, Attachment, CaseId, DraftForm, IsoDate, IsoDateTime, Message, RequestCase, RequestStatus } from './requestCase';
import type { RequestCommandType } from './commands';

export const ReferralStep = z.enum(['REQUESTING', 'RESPONDING']);
export type ReferralStep = z.infer<typeof ReferralStep>;

/** Who did it, when, why, and the status the case has afterwards (the history entry is built from these). */
const stamped = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({
    type: z.literal(type),
    caseId: CaseId,
    userId: UserId,
    authorityId: AuthorityId,
    at: IsoDateTime,
    justification: FreeText.nullable(),
    status: RequestStatus,
    ...shape,
  });

export const RequestEvent = z.discriminatedUnion('type', [
  stamped('draftCreated', { area: LegislativeArea, questionSetId: z.string(), form: DraftForm }),
  stamped('draftEdited', { form: DraftForm }),
  stamped('draftDeleted', {}),
  stamped('requestSent', { requestingCoordinatorId: AuthorityId.nullable() }),
  stamped('requestApproved', {}),
  stamped('requestApprovalRejected', {}),
  stamped('requestAccepted', { days: z.number().int(), dueDate: IsoDate, respondingCoordinatorId: AuthorityId.nullable() }),
  stamped('requestForwarded', { fromAuthorityId: AuthorityId, toAuthorityId: AuthorityId }),
  stamped('requestSplit', { newCaseId: CaseId, toAuthorityId: AuthorityId, questionIds: z.array(z.string()), attachmentIds: z.array(z.string()) }),
  /** The new part of a split, complete: a replica that never saw the original can still build it. */
  stamped('splitCaseCreated', { case: RequestCase }),
  stamped('requestRefused', {}),
  /** `answers` is the whole resulting answer list, so folding never merges. */
  stamped('replySaved', { answers: z.array(Answer) }),
  stamped('partialReplySent', { answers: z.array(Answer) }),
  stamped('replySent', { answers: z.array(Answer) }),
  stamped('replyApproved', { answers: z.array(Answer) }),
  stamped('replyApprovalRejected', {}),
  stamped('requestClosed', {}),
  stamped('additionalInfoRequested', {}),
  stamped('additionalInfoAccepted', {}),
  stamped('additionalInfoRefused', {}),
  stamped('requestReferred', { referralPath: z.array(ReferralStep) }),
  stamped('referralDecided', { agrees: z.boolean(), referralPath: z.array(ReferralStep) }),
  stamped('maintainedAndClosed', {}),
  stamped('requestWithdrawn', {}),
  stamped('messageAdded', { message: Message }),
  stamped('attachmentAdded', { attachment: Attachment }),
  stamped('handlersAssigned', { forAuthorityId: AuthorityId, userIds: z.array(UserId) }),
  stamped('linkedCoordinatorChanged', { side: ReferralStep, coordinatorId: AuthorityId }),
  stamped('requestCopied', { newCaseId: CaseId }),
  /** The draft made by a copy, complete (see splitCaseCreated). */
  stamped('copyCreated', { case: RequestCase }),
  /** Only the hub emits this, from its sequence: `decide` never invents entry numbers. */
  z.object({ type: z.literal('entryNumberAssigned'), caseId: CaseId, entryNumber: z.number().int().positive() }),
]);
export type RequestEvent = z.infer<typeof RequestEvent>;
export type RequestEventType = RequestEvent['type'];
export type EventOf<T extends RequestEventType> = Extract<RequestEvent, { type: T }>;
export type CommandEvent = Exclude<RequestEvent, { type: 'entryNumberAssigned' }>;

/** The command each event records, for the history entry's `action`. */
export const EVENT_ACTION: Readonly<Record<CommandEvent['type'], RequestCommandType>> = {
  draftCreated: 'createDraft',
  draftEdited: 'editDraft',
  draftDeleted: 'deleteDraft',
  requestSent: 'sendRequest',
  requestApproved: 'approveRequest',
  requestApprovalRejected: 'rejectRequestApproval',
  requestAccepted: 'acceptRequest',
  requestForwarded: 'forwardRequest',
  requestSplit: 'splitRequest',
  splitCaseCreated: 'splitRequest',
  requestRefused: 'refuseRequest',
  replySaved: 'saveReply',
  partialReplySent: 'sendPartialReply',
  replySent: 'sendReply',
  replyApproved: 'approveReply',
  replyApprovalRejected: 'rejectReplyApproval',
  requestClosed: 'closeRequest',
  additionalInfoRequested: 'requestAdditionalInfo',
  additionalInfoAccepted: 'acceptAdditionalInfo',
  additionalInfoRefused: 'refuseAdditionalInfo',
  requestReferred: 'referRequest',
  referralDecided: 'referralDecision',
  maintainedAndClosed: 'maintainAndClose',
  requestWithdrawn: 'withdrawRequest',
  messageAdded: 'addMessage',
  attachmentAdded: 'addAttachment',
  handlersAssigned: 'assignHandlers',
  linkedCoordinatorChanged: 'changeLinkedCoordinator',
  requestCopied: 'copyRequest',
  copyCreated: 'copyRequest',
};
