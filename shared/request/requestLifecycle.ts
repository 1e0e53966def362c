// The request lifecycle of SPEC §5.3 as two pure functions: `decide` turns a command into events or a
// rejection with a stable reason; `evolve` folds an event into the case. Handlers live in one file per phase.
import type { Actor } from '../user/user';
import type { RequestCommand } from './commands';
import type { RequestEnvironment } from './environment';
import type { RequestCase } from './requestCase';
import { refuse } from './decision';
import type { Decision, DecisionContext } from './decision';
import { approveRequest, createDraft, deleteDraft, editDraft, rejectRequestApproval, sendRequest } from './drafting';
import { acceptRequest, forwardRequest, refuseRequest, splitRequest } from './acceptance';
import { approveReply, rejectReplyApproval, saveReply, sendPartialReply, sendReply } from './reply';
import {
  acceptAdditionalInfo, closeRequest, maintainAndClose, refuseAdditionalInfo, requestAdditionalInfo, withdrawRequest,
} from './additionalInfo';
import { referralDecision, referRequest } from './referral';
import { addAttachment, addMessage, assignHandlers, changeLinkedCoordinator } from './exchange';
import { copyRequest } from './copy';

export type { Decision } from './decision';
export { evolve } from './evolve';

export function decide(state: RequestCase | undefined, command: RequestCommand, actor: Actor, now: string, env: RequestEnvironment): Decision {
  const ctx: DecisionContext = { actor, now, env };
  if (command.type === 'createDraft') return createDraft(state, command, ctx);
  if (!state || state.id !== command.caseId) return refuse('CASE_NOT_FOUND');
  switch (command.type) {
    case 'editDraft': return editDraft(state, command, ctx);
    case 'deleteDraft': return deleteDraft(state, ctx);
    case 'sendRequest': return sendRequest(state, command, ctx);
    case 'approveRequest': return approveRequest(state, ctx);
    case 'rejectRequestApproval': return rejectRequestApproval(state, command, ctx);
    case 'acceptRequest': return acceptRequest(state, command, ctx);
    case 'forwardRequest': return forwardRequest(state, command, ctx);
    case 'splitRequest': return splitRequest(state, command, ctx);
    case 'refuseRequest': return refuseRequest(state, command, ctx);
    case 'saveReply': return saveReply(state, command, ctx);
    case 'sendPartialReply': return sendPartialReply(state, command, ctx);
    case 'sendReply': return sendReply(state, command, ctx);
    case 'approveReply': return approveReply(state, ctx);
    case 'rejectReplyApproval': return rejectReplyApproval(state, command, ctx);
    case 'closeRequest': return closeRequest(state, ctx);
    case 'requestAdditionalInfo': return requestAdditionalInfo(state, command, ctx);
    case 'acceptAdditionalInfo': return acceptAdditionalInfo(state, ctx);
    case 'refuseAdditionalInfo': return refuseAdditionalInfo(state, command, ctx);
    case 'referRequest': return referRequest(state, command, ctx);
    case 'referralDecision': return referralDecision(state, command, ctx);
    case 'maintainAndClose': return maintainAndClose(state, command, ctx);
    case 'withdrawRequest': return withdrawRequest(state, command, ctx);
    case 'addMessage': return addMessage(state, command, ctx);
    case 'addAttachment': return addAttachment(state, command, ctx);
    case 'assignHandlers': return assignHandlers(state, command, ctx);
    case 'changeLinkedCoordinator': return changeLinkedCoordinator(state, command, ctx);
    case 'copyRequest': return copyRequest(state, command, ctx);
  }
}
