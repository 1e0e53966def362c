// The status transitions of SPEC §5.3 as data: which status each command may move a case from and to.
// Desks use it to offer only possible actions; the property tests hold `decide` to it.
import { CLOSED_STATUSES, RequestStatus } from './requestCase';
import type { RequestCommandType } from './commands';

/** 'NONE': the case does not exist yet. 'SAME': the status does not change. 'GONE': the case is deleted. */
export interface Transition {
  from: readonly (RequestStatus | 'NONE')[];
  to: readonly (RequestStatus | 'SAME' | 'GONE')[];
}

const REPLYING: readonly RequestStatus[] = ['ACCEPTED', 'ADDITIONAL_INFO_ACCEPTED', 'PARTIALLY_ANSWERED'];
const ALL = RequestStatus.options;
const OPEN = ALL.filter((s) => !CLOSED_STATUSES.includes(s));
const SENT_OPEN = OPEN.filter((s) => s !== 'DRAFT');

export const TRANSITIONS: Readonly<Record<RequestCommandType, readonly Transition[]>> = {
  createDraft: [{ from: ['NONE'], to: ['DRAFT'] }],
  editDraft: [{ from: ['DRAFT'], to: ['SAME'] }],
  deleteDraft: [{ from: ['DRAFT'], to: ['GONE'] }],
  sendRequest: [{ from: ['DRAFT'], to: ['AWAITING_ACCEPTANCE', 'AWAITING_REQUEST_APPROVAL'] }],
  approveRequest: [{ from: ['AWAITING_REQUEST_APPROVAL'], to: ['AWAITING_ACCEPTANCE'] }],
  rejectRequestApproval: [{ from: ['AWAITING_REQUEST_APPROVAL'], to: ['DRAFT'] }],
  acceptRequest: [{ from: ['AWAITING_ACCEPTANCE'], to: ['ACCEPTED'] }],
  forwardRequest: [{ from: ['AWAITING_ACCEPTANCE', 'ACCEPTED'], to: ['AWAITING_ACCEPTANCE'] }],
  // The original keeps its status; the new part starts awaiting acceptance.
  splitRequest: [{ from: ['AWAITING_ACCEPTANCE', 'ACCEPTED'], to: ['SAME'] }, { from: ['NONE'], to: ['AWAITING_ACCEPTANCE'] }],
  refuseRequest: [{ from: ['AWAITING_ACCEPTANCE'], to: ['REFUSED'] }],
  saveReply: [{ from: REPLYING, to: ['SAME'] }],
  sendPartialReply: [{ from: REPLYING, to: ['PARTIALLY_ANSWERED'] }],
  sendReply: [{ from: REPLYING, to: ['ANSWERED', 'AWAITING_REPLY_APPROVAL'] }],
  approveReply: [{ from: ['AWAITING_REPLY_APPROVAL'], to: ['ANSWERED'] }],
  rejectReplyApproval: [{ from: ['AWAITING_REPLY_APPROVAL'], to: ['ACCEPTED'] }],
  closeRequest: [{ from: ['ANSWERED', 'ADDITIONAL_INFO_REFUSED'], to: ['CLOSED'] }],
  requestAdditionalInfo: [{ from: ['ANSWERED', 'ADDITIONAL_INFO_REFUSED'], to: ['ADDITIONAL_INFO_REQUESTED'] }],
  acceptAdditionalInfo: [{ from: ['ADDITIONAL_INFO_REQUESTED'], to: ['ADDITIONAL_INFO_ACCEPTED'] }],
  refuseAdditionalInfo: [{ from: ['ADDITIONAL_INFO_REQUESTED'], to: ['ADDITIONAL_INFO_REFUSED'] }],
  referRequest: [{ from: ['ADDITIONAL_INFO_REFUSED'], to: ['REFERRED_TO_REQUESTING_COORDINATOR', 'REFERRED_TO_RESPONDING_COORDINATOR'] }],
  referralDecision: [
    { from: ['REFERRED_TO_REQUESTING_COORDINATOR'], to: ['REFERRED_TO_RESPONDING_COORDINATOR', 'ADDITIONAL_INFO_REQUESTED', 'ADDITIONAL_INFO_REFUSED'] },
    { from: ['REFERRED_TO_RESPONDING_COORDINATOR'], to: ['ADDITIONAL_INFO_REQUESTED', 'ADDITIONAL_INFO_REFUSED'] },
  ],
  maintainAndClose: [{ from: ['ADDITIONAL_INFO_REQUESTED'], to: ['CLOSED'] }],
  withdrawRequest: [{ from: SENT_OPEN, to: ['WITHDRAWN'] }],
  addMessage: [{ from: SENT_OPEN, to: ['SAME'] }],
  addAttachment: [{ from: OPEN, to: ['SAME'] }],
  assignHandlers: [{ from: ALL, to: ['SAME'] }],
  changeLinkedCoordinator: [{ from: OPEN, to: ['SAME'] }],
  // Any status may be copied; the copy is a new draft.
  copyRequest: [{ from: ALL, to: ['SAME'] }, { from: ['NONE'], to: ['DRAFT'] }],
};

export function isAllowedTransition(command: RequestCommandType, from: RequestStatus | 'NONE', to: RequestStatus | 'GONE'): boolean {
  return TRANSITIONS[command].some((t) => t.from.includes(from) && (t.to.includes(to) || (t.to.includes('SAME') && to === from)));
}

/** Commands whose table allows them from `status`: a first filter for the actions a desk offers. */
export function commandsFrom(status: RequestStatus): RequestCommandType[] {
  return (Object.keys(TRANSITIONS) as RequestCommandType[]).filter((c) => TRANSITIONS[c].some((t) => t.from.includes(status)));
}
