// Who may see a request at which level (SPEC §5.1), and the request as that user may receive it.
// The hub masks with `viewFor` before anything leaves it; the desk replica stores the same `RequestView`.
import { z } from 'zod';
import type { LegislativeArea } from '../reference/codes';
import { requestAccess } from '../authority/authority';
import type { Authority, AuthorityId } from '../authority/authority';
import { hasRequestRole } from '../user/user';
import type { User } from '../user/user';
import { Answer, AnswerValue, Attachment, RequestCase } from './requestCase';
import type { FieldValues } from './requestCase';
import type { RequestEnvironment } from './environment';

export type VisibilityLevel = 'FULL' | 'FULL_NO_PD' | 'MONITORING' | 'NONE';

/** Highest first: the order in which levels combine. */
const RANK: Readonly<Record<VisibilityLevel, number>> = { FULL: 3, FULL_NO_PD: 2, MONITORING: 1, NONE: 0 };

function max(a: VisibilityLevel, b: VisibilityLevel): VisibilityLevel {
  return RANK[a] >= RANK[b] ? a : b;
}
function min(a: VisibilityLevel, b: VisibilityLevel): VisibilityLevel {
  return RANK[a] <= RANK[b] ? a : b;
}

type Viewer = Pick<User, 'id' | 'authorityId' | 'generalRoles' | 'rights'>;

/**
 * A viewer's status: the object passed in may be a full `User`; otherwise the directory decides.
 * A user the directory does not know sees nothing (default deny).
 */
function isActive(user: Viewer, env: RequestEnvironment): boolean {
  const status = 'status' in user ? user.status : env.user(user.id)?.status;
  return status === 'ACTIVE';
}

/** Level a user of one of the two parties gets from their request roles (handler/viewer, allocator, basic user). */
function partyLevel(c: RequestCase, user: Viewer, seesPersonalData: boolean): VisibilityLevel {
  let level: VisibilityLevel = user.generalRoles.includes('BASIC_USER') ? 'MONITORING' : 'NONE';
  if (hasRequestRole(user, c.area, 'ALLOCATOR')) level = max(level, 'FULL_NO_PD');
  if (hasRequestRole(user, c.area, 'REQUEST_HANDLER') || hasRequestRole(user, c.area, 'REQUEST_VIEWER')) {
    level = max(level, seesPersonalData ? 'FULL' : 'FULL_NO_PD');
  }
  return level;
}

function linkedCoordinatorIds(party: Authority | undefined, area: LegislativeArea): readonly AuthorityId[] {
  return party ? (requestAccess(party, area)?.linkedCoordinatorIds ?? []) : [];
}

/**
 * Linked authorities watch each other's requests. SPEC §3.3 has the party list its watchers, §4 has the
 * watcher list the party whose requests it sees; both are links an LDA set, so either direction counts.
 */
function isLinkedAuthority(viewerAuthority: Authority | undefined, party: Authority | undefined, viewerId: AuthorityId): boolean {
  if (!party) return false;
  return party.linkedAuthorityIds.includes(viewerId) || (viewerAuthority?.linkedAuthorityIds.includes(party.id) ?? false);
}

export function visibilityLevel(c: RequestCase, user: Viewer, env: RequestEnvironment): VisibilityLevel {
  if (!isActive(user, env)) return 'NONE';
  const own = user.authorityId;
  const isRequester = own === c.requestingAuthorityId;
  // The addressee and its side learn of a request only once it is sent to them: not while it waits for
  // the requesting coordinator's approval (SPEC §5.3 sendRequest/approveRequest).
  const reachedResponder = c.status !== 'AWAITING_REQUEST_APPROVAL';
  const isResponder = reachedResponder && c.respondingAuthorityId !== null && own === c.respondingAuthorityId;
  if (c.status === 'DRAFT') return isRequester ? partyLevel(c, user, true) : 'NONE';
  // An authority that forwarded the request away lost it entirely, whatever else links it to the case.
  if (!isRequester && !isResponder && c.formerRespondingAuthorityIds.includes(own)) return 'NONE';

  let level: VisibilityLevel = 'NONE';
  if (isRequester) level = max(level, partyLevel(c, user, true));
  if (isResponder) level = max(level, partyLevel(c, user, c.acceptedAt !== null));

  const isCaseCoordinator = own === c.requestingCoordinatorId || own === c.respondingCoordinatorId;
  if (isCaseCoordinator) {
    level = max(level, hasRequestRole(user, c.area, 'REFERRAL_HANDLER') ? 'FULL_NO_PD' : 'MONITORING');
  }

  const requester = env.authority(c.requestingAuthorityId);
  const responder = c.respondingAuthorityId === null || !reachedResponder ? undefined : env.authority(c.respondingAuthorityId);
  const viewerAuthority = env.authority(own);
  const watches =
    linkedCoordinatorIds(requester, c.area).includes(own) ||
    linkedCoordinatorIds(responder, c.area).includes(own) ||
    isLinkedAuthority(viewerAuthority, requester, own) ||
    isLinkedAuthority(viewerAuthority, responder, own);
  if (watches) level = max(level, 'MONITORING');

  // Coordinators never see personal data, whatever roles their users hold (SPEC §3.3, §5.1).
  return isCaseCoordinator ? min(level, 'FULL_NO_PD') : level;
}

// ---------------------------------------------------------------------------------------------------
// Which fields are personal

/**
 * Answers "is this field personal?" for one area and question set. Anything the schema does not know
 * counts as personal, so a field added to a case without a definition is never leaked.
 */
export interface PersonalFieldIds {
  /** Every id the schema marks personal (subject and form fields, extra details, questions, follow-ups). */
  readonly ids: ReadonlySet<string>;
  subjectField(fieldId: string): boolean;
  formField(fieldId: string): boolean;
  extraDetail(questionId: string, fieldId: string): boolean;
  /** Whether the answer to a question (and so all its follow-up answers) is personal. */
  answer(questionId: string): boolean;
  followUp(questionId: string, followUpId: string): boolean;
}

export function personalFieldIds(area: LegislativeArea, questionSetId: string, env: RequestEnvironment): PersonalFieldIds {
  const subject = new Map((env.subjectSection(area)?.fields ?? []).map((f) => [f.id, f.personal]));
  const set = env.questionSet(questionSetId);
  const usable = set !== undefined && set.area === area;
  const formFields = new Map((usable ? set.formFields : []).map((f) => [f.id, f.personal]));
  const questions = new Map((usable ? set.questions : []).map((q) => [q.id, q]));

  const ids = new Set<string>();
  for (const [id, personal] of [...subject, ...formFields]) if (personal) ids.add(id);
  for (const q of questions.values()) {
    if (q.personal) ids.add(q.id);
    for (const d of q.extraDetails) if (d.personal) ids.add(d.id);
    for (const f of q.followUps) if (f.personal || q.personal) ids.add(f.id);
  }

  const answer = (questionId: string) => questions.get(questionId)?.personal ?? true;
  return {
    ids,
    subjectField: (id) => subject.get(id) ?? true,
    formField: (id) => formFields.get(id) ?? true,
    extraDetail: (qid, id) => questions.get(qid)?.extraDetails.find((d) => d.id === id)?.personal ?? true,
    answer,
    followUp: (qid, id) => answer(qid) || (questions.get(qid)?.followUps.find((f) => f.id === id)?.personal ?? true),
  };
}

// ---------------------------------------------------------------------------------------------------
// The view sent to a desk

/** An attachment's metadata; its content can be fetched only at `FULL`. */
const attachmentView = <T extends boolean>(contentAvailable: z.ZodLiteral<T>) => Attachment.extend({ contentAvailable });
/** An answer whose value is absent when it is personal data and the viewer is below `FULL`. */
export const AnswerView = Answer.extend({ value: AnswerValue.nullable().optional() });
export type AnswerView = z.infer<typeof AnswerView>;

const caseView = <T extends boolean>(contentAvailable: z.ZodLiteral<T>) =>
  RequestCase.extend({ answers: z.array(AnswerView), attachments: z.array(attachmentView(contentAvailable)) });

export const MONITORING_KEYS = [
  'id', 'entryNumber', 'area', 'questionSetId', 'status', 'requestingAuthorityId', 'respondingAuthorityId',
  'requestingCoordinatorId', 'respondingCoordinatorId', 'dueDate', 'sentAt', 'closedAt',
] as const;
export const MonitoringCase = RequestCase.pick(Object.fromEntries(MONITORING_KEYS.map((k) => [k, true])) as { [K in (typeof MONITORING_KEYS)[number]]: true });
export type MonitoringCase = z.infer<typeof MonitoringCase>;

/** A request as one user receives it: the wire type of the hub and the row type of the desk replica. */
export const RequestView = z.discriminatedUnion('level', [
  z.object({ level: z.literal('FULL'), case: caseView(z.literal(true)) }),
  z.object({ level: z.literal('FULL_NO_PD'), case: caseView(z.literal(false)) }),
  z.object({ level: z.literal('MONITORING'), case: MonitoringCase }),
]);
export type RequestView = z.infer<typeof RequestView>;

function withoutPersonal(values: FieldValues, isPersonal: (id: string) => boolean): FieldValues {
  return Object.fromEntries(Object.entries(values).filter(([id]) => !isPersonal(id)));
}

function maskAnswer(a: AnswerView, personal: PersonalFieldIds): AnswerView {
  const followUps = Object.fromEntries(Object.entries(a.followUps).filter(([id]) => !personal.followUp(a.questionId, id)));
  if (!personal.answer(a.questionId)) return { ...a, followUps };
  const { value: _value, ...rest } = a;
  return { ...rest, followUps };
}

type NoPdCase = Extract<RequestView, { level: 'FULL_NO_PD' }>['case'];
type MaskableCase = Omit<RequestCase, 'answers'> & { answers: AnswerView[] };

/**
 * The one place where personal data is taken out of a case: keys of personal fields are removed
 * (absent, not blanked) and attachments closed. Used by `viewFor` and by anything that lowers a
 * FULL view (e.g. a report without personal data).
 */
export function withoutPersonalData(c: MaskableCase, personal: PersonalFieldIds): NoPdCase {
  return {
    ...c,
    subject: withoutPersonal(c.subject, personal.subjectField),
    formFields: withoutPersonal(c.formFields, personal.formField),
    questions: c.questions.map((q) => ({ ...q, extraDetails: withoutPersonal(q.extraDetails, (id) => personal.extraDetail(q.questionId, id)) })),
    answers: c.answers.map((a) => maskAnswer(a, personal)),
    attachments: c.attachments.map(({ contentAvailable: _open, ...a }: Attachment & { contentAvailable?: boolean }) => ({ ...a, contentAvailable: false as const })),
  };
}

export function viewFor(c: RequestCase, user: Viewer, env: RequestEnvironment): RequestView | null {
  const level = visibilityLevel(c, user, env);
  switch (level) {
    case 'NONE':
      return null;
    case 'MONITORING':
      return { level, case: Object.fromEntries(MONITORING_KEYS.map((k) => [k, c[k]])) as MonitoringCase };
    case 'FULL':
      return { level, case: { ...c, attachments: c.attachments.map((a) => ({ ...a, contentAvailable: true as const })) } };
    case 'FULL_NO_PD':
      return { level, case: withoutPersonalData(c, personalFieldIds(c.area, c.questionSetId, env)) };
  }
}
