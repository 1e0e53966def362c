// Folds one request event into the case it concerns. Pure and total: events carry every value they set,
// so evolve never looks anything up (the hub and every desk replica fold the same events the same way).
import { CLOSED_STATUSES } from './requestCase';
import type { DraftForm, RequestCase } from './requestCase';
import { EVENT_ACTION } from './events';
import type { CommandEvent, RequestEvent } from './events';

type Stamp = Pick<CommandEvent, 'userId' | 'authorityId' | 'at'>;

function draftFields(form: DraftForm, by: Stamp) {
  return {
    respondingAuthorityId: form.respondingAuthorityId,
    proposedDueDays: form.proposedDueDays,
    requestingCoordinatorId: form.requestingCoordinatorId,
    summary: form.summary,
    formFields: form.formFields,
    checklist: form.checklist,
    referencedEntryNumber: form.referencedEntryNumber,
    subject: form.subject,
    questions: form.questions,
    tabComments: form.tabComments.map((t) => ({ ...t, authorityId: by.authorityId, userId: by.userId, at: by.at })),
  };
}

function withoutKeys<V>(record: Record<string, V>, keys: readonly (string | null)[]): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}

/** The event's own change, before the status and the history entry that every event gets. */
function apply(c: RequestCase | undefined, e: CommandEvent): RequestCase | undefined {
  switch (e.type) {
    case 'draftCreated':
      return {
        id: e.caseId, entryNumber: null, area: e.area, questionSetId: e.questionSetId, status: 'DRAFT',
        requestingAuthorityId: e.authorityId, respondingCoordinatorId: null, acceptedDays: null, dueDate: null,
        createdByUserId: e.userId, createdAt: e.at, sentAt: null, acceptedAt: null, closedAt: null,
        ...draftFields(e.form, e),
        answers: [], messages: [], attachments: [],
        // The creator of an outgoing request is assigned automatically (SPEC §5.3 assignHandlers).
        assignments: { [e.authorityId]: [e.userId] },
        referralPath: [], formerRespondingAuthorityIds: [], splitFromCaseId: null, splitIntoCaseIds: [], copiedFromCaseId: null, history: [],
      };
    case 'splitCaseCreated':
    case 'copyCreated':
      return e.case;
    case 'draftDeleted':
      return undefined;
  }
  if (!c) return undefined;
  switch (e.type) {
    case 'draftEdited':
      return { ...c, ...draftFields(e.form, e) };
    case 'requestSent':
      return { ...c, requestingCoordinatorId: e.requestingCoordinatorId, sentAt: e.at };
    case 'requestApprovalRejected':
      return { ...c, sentAt: null };
    case 'requestAccepted':
      return { ...c, acceptedDays: e.days, dueDate: e.dueDate, respondingCoordinatorId: e.respondingCoordinatorId, acceptedAt: e.at };
    case 'requestForwarded':
      // The old responder loses everything: its assignments, its coordinator, its draft answers.
      return {
        ...c,
        respondingAuthorityId: e.toAuthorityId,
        formerRespondingAuthorityIds: [...c.formerRespondingAuthorityIds.filter((id) => id !== e.toAuthorityId && id !== e.fromAuthorityId), e.fromAuthorityId],
        assignments: withoutKeys(c.assignments, [e.fromAuthorityId, c.respondingCoordinatorId === c.requestingCoordinatorId ? null : c.respondingCoordinatorId]),
        respondingCoordinatorId: null,
        acceptedDays: null,
        dueDate: null,
        acceptedAt: null,
        answers: [],
      };
    case 'requestSplit':
      return {
        ...c,
        questions: c.questions.filter((q) => !e.questionIds.includes(q.questionId)),
        answers: c.answers.filter((a) => !e.questionIds.includes(a.questionId)),
        splitIntoCaseIds: [...c.splitIntoCaseIds, e.newCaseId],
      };
    case 'replySaved':
    case 'partialReplySent':
    case 'replySent':
    case 'replyApproved':
      return { ...c, answers: e.answers };
    case 'additionalInfoRequested':
      // A new request for more information starts a new round: no coordinator has taken part in it yet.
      return { ...c, referralPath: [] };
    case 'requestReferred':
    case 'referralDecided':
      return { ...c, referralPath: e.referralPath };
    case 'messageAdded':
      return { ...c, messages: [...c.messages, e.message] };
    case 'attachmentAdded':
      return { ...c, attachments: [...c.attachments, e.attachment] };
    case 'handlersAssigned':
      return { ...c, assignments: { ...c.assignments, [e.forAuthorityId]: e.userIds } };
    case 'linkedCoordinatorChanged': {
      const previous = e.side === 'REQUESTING' ? c.requestingCoordinatorId : c.respondingCoordinatorId;
      const stillInvolved = [c.requestingAuthorityId, c.respondingAuthorityId, e.side === 'REQUESTING' ? c.respondingCoordinatorId : c.requestingCoordinatorId];
      const assignments = previous === null || stillInvolved.includes(previous) ? c.assignments : withoutKeys(c.assignments, [previous]);
      return e.side === 'REQUESTING'
        ? { ...c, requestingCoordinatorId: e.coordinatorId, assignments }
        : { ...c, respondingCoordinatorId: e.coordinatorId, assignments };
    }
    default:
      return c;
  }
}

export function evolve(state: RequestCase | undefined, event: RequestEvent): RequestCase | undefined {
  if (event.type === 'entryNumberAssigned') return state ? { ...state, entryNumber: event.entryNumber } : undefined;
  const next = apply(state, event);
  if (!next) return undefined;
  const closing = CLOSED_STATUSES.includes(event.status) && next.closedAt === null;
  return {
    ...next,
    status: event.status,
    closedAt: closing ? event.at : next.closedAt,
    history: [
      ...next.history,
      { action: EVENT_ACTION[event.type], userId: event.userId, authorityId: event.authorityId, at: event.at, justification: event.justification, status: event.status },
    ],
  };
}
