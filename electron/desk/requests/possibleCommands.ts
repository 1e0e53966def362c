// The commands a user can currently take on a case, for the UI to offer: the transition table narrows by
// status, then a dry run of the shared `decide` with a placeholder payload removes what this user may not
// do (role, side, allocation). Payload-dependent refusals (unanswered questions…) are kept and reported.
import type { RequestCommand, RequestCommandType } from '../../../shared/request/commands';
import type { RequestEnvironment } from '../../../shared/request/environment';
import type { Rejection, RejectionReason } from '../../../shared/request/reasons';
import type { RequestCase } from '../../../shared/request/requestCase';
import { decide } from '../../../shared/request/requestLifecycle';
import { commandsFrom } from '../../../shared/request/transitions';
import type { Actor } from '../../../shared/user/user';

/** Refusals that say "not you / not now" whatever the user would type. */
const NOT_FOR_THIS_USER: readonly RejectionReason[] = [
  'CASE_NOT_FOUND', 'WRONG_STATUS', 'ROLE_REQUIRED', 'NOT_YOUR_AUTHORITY', 'NOT_ASSIGNED', 'REFUSAL_NOT_ALLOWED',
  'MAINTAIN_NOT_ALLOWED', 'AUTHORITY_NOT_ACTIVE', 'NO_REFERRAL_COORDINATOR',
];

/** Commands with no payload worth probing are decided exactly; the others with a neutral placeholder. */
const PROBE_TEXT = { text: '-', language: 'en' as const };
function probe(type: RequestCommandType, c: RequestCase): RequestCommand | null {
  const caseId = c.id;
  const justification = PROBE_TEXT;
  switch (type) {
    // Creating cases is offered elsewhere (new request, copy), not as an action on this case.
    case 'createDraft': case 'copyRequest': return null;
    case 'editDraft': return null;
    case 'sendRequest': return { type, caseId, requestingCoordinatorId: c.requestingCoordinatorId };
    case 'acceptRequest': return { type, caseId, days: Math.max(1, c.proposedDueDays ?? 1), respondingCoordinatorId: null };
    case 'forwardRequest': return { type, caseId, toAuthorityId: c.requestingAuthorityId, justification };
    case 'splitRequest': return { type, caseId, newCaseId: `${caseId}-probe`, toAuthorityId: c.requestingAuthorityId, questionIds: c.questions.slice(0, 1).map((q) => q.questionId), attachmentIds: [], justification };
    case 'saveReply': case 'sendPartialReply': case 'sendReply': return { type, caseId, answers: [] };
    case 'referralDecision': return { type, caseId, agrees: true, justification };
    case 'addMessage': return { type, caseId, messageId: 'probe', messageType: 'OTHER', text: PROBE_TEXT };
    case 'addAttachment': return null;
    case 'assignHandlers': return { type, caseId, userIds: [] };
    case 'changeLinkedCoordinator': return null;
    case 'rejectRequestApproval': case 'refuseRequest': case 'rejectReplyApproval': case 'requestAdditionalInfo':
    case 'refuseAdditionalInfo': case 'referRequest': case 'maintainAndClose': case 'withdrawRequest':
      return { type, caseId, justification };
    case 'deleteDraft': case 'approveRequest': case 'approveReply': case 'closeRequest': case 'acceptAdditionalInfo':
      return { type, caseId };
  }
}

export interface PossibleCommand {
  type: RequestCommandType;
  /** Null when the command would be accepted as it stands; otherwise what still stands in the way (e.g. unanswered questions). */
  rejection: Rejection | null;
}

export function possibleCommands(c: RequestCase, actor: Actor, now: string, env: RequestEnvironment): PossibleCommand[] {
  const result: PossibleCommand[] = [];
  for (const type of commandsFrom(c.status)) {
    const command = probe(type, c);
    if (!command) {
      // Unprobed commands are offered by status only when the actor belongs to one of the parties.
      if (type === 'editDraft' && c.requestingAuthorityId === actor.authorityId) result.push({ type, rejection: null });
      if ((type === 'addAttachment' || type === 'changeLinkedCoordinator') && [c.requestingAuthorityId, c.respondingAuthorityId].includes(actor.authorityId)) result.push({ type, rejection: null });
      continue;
    }
    let decision;
    try {
      decision = decide(c, command, actor, now, env);
    } catch {
      continue;
    }
    if (decision.ok) result.push({ type, rejection: null });
    else if (!NOT_FOR_THIS_USER.includes(decision.rejection.reason)) result.push({ type, rejection: decision.rejection });
  }
  return result;
}
