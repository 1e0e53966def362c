// A small fixture world for request tests: Italian requesters, Hungarian responders, coordinators with
// every flag variant, users of every role, two question sets; and helpers that run commands through decide/evolve.
import type { z } from 'zod';
import type { CountryCode, LegislativeArea } from '../reference/codes';
import { QuestionSet, SubjectSection } from '../reference/questionSet';
import type { FieldDefinition } from '../reference/questionSet';
import { Authority } from '../authority/authority';
import type { AuthorityStatus, RequestFlags } from '../authority/authority';
import { User } from '../user/user';
import type { Actor, GeneralRole, RequestRole } from '../user/user';
import { RequestCommand } from '../request/commands';
import type { RequestEnvironment } from '../request/environment';
import type { AttachmentMeta, RequestCase } from '../request/requestCase';
import type { RequestEvent } from '../request/events';
import { decide, evolve } from '../request/requestLifecycle';
import type { Decision } from '../request/requestLifecycle';

export const T0 = '2030-03-01T09:00:00.000Z';
export const AREAS: readonly LegislativeArea[] = ['PQ', 'SD'];

const field = (id: string, requirement: FieldDefinition['requirement'], personal: boolean): FieldDefinition => ({
  id, label: { en: id }, kind: 'text', requirement, personal,
});

export const subjectSections: Record<'PQ' | 'SD', SubjectSection> = {
  PQ: SubjectSection.parse({
    area: 'PQ', title: { en: 'Professional' },
    fields: [field('family-name', 'red', true), field('birth-date', 'orange', true), field('profession', 'optional', false)],
  }),
  SD: SubjectSection.parse({
    area: 'SD', title: { en: 'Service provider' },
    fields: [field('provider-name', 'red', false), field('family-name', 'optional', true)],
  }),
};

export const pqStandard = QuestionSet.parse({
  id: 'pq-standard', area: 'PQ', title: { en: 'Professional qualifications' }, maxDueDays: 30, defaultDueDays: 14,
  categories: [{ id: 'diploma', title: { en: 'Diploma' } }, { id: 'person', title: { en: 'Person' } }],
  questions: [
    {
      id: 'diploma-authentic', categoryId: 'diploma', text: { en: 'Is the diploma authentic?' }, answerType: 'yesNo',
      extraDetails: [field('diploma-title', 'orange', false)],
      followUps: [{ id: 'why-not', text: { en: 'Why not?' }, answerType: 'freeText', whenAnswerIn: ['no'] }],
    },
    {
      id: 'registered', categoryId: 'diploma', text: { en: 'Is the professional registered?' }, answerType: 'singleChoice',
      options: [{ id: 'registered', label: { en: 'Registered' } }, { id: 'not-available', label: { en: 'Information not available' } }],
      followUps: [{ id: 'explain', text: { en: 'Explain why' }, answerType: 'freeText', whenAnswerIn: ['not-available'] }],
    },
    { id: 'home-address', categoryId: 'person', text: { en: 'Home address?' }, answerType: 'freeText', personal: true },
  ],
});

export const sdDerogation = QuestionSet.parse({
  id: 'sd-derogation', area: 'SD', title: { en: 'Case-by-case derogation' }, maxDueDays: 15, defaultDueDays: 10,
  categories: [{ id: 'measures', title: { en: 'Measures' } }],
  formFields: [field('case-description', 'red', false), field('justification', 'orange', false)],
  checklist: [{ id: 'step-1', text: { en: 'Step 1' }, requirement: 'orange' }, { id: 'step-2', text: { en: 'Step 2' }, requirement: 'optional' }],
  questions: [
    { id: 'diploma-authentic', categoryId: 'measures', text: { en: 'Is the permit authentic?' }, answerType: 'yesNo' },
    { id: 'measure-taken', categoryId: 'measures', text: { en: 'Was a measure taken?' }, answerType: 'yesNo' },
  ],
});

interface AuthoritySpec {
  id: string;
  country: CountryCode;
  coordinator?: boolean;
  linked?: string[];
  flags?: Partial<RequestFlags>;
  usesAllocation?: boolean;
  status?: AuthorityStatus;
}

/** Every authority of the world; ids say what each one is for. */
export const AUTHORITY_SPECS: readonly AuthoritySpec[] = [
  { id: 'it-ca', country: 'IT', linked: ['it-coord'] },
  { id: 'it-coord', country: 'IT', coordinator: true },
  { id: 'it-ca-approval', country: 'IT', linked: ['it-coord-approves'], flags: { subjectToApproval: true } },
  { id: 'it-coord-approves', country: 'IT', coordinator: true, flags: { approvesRequests: true, participatesInReferral: false } },
  { id: 'it-two', country: 'IT', linked: ['it-coord', 'it-coord-approves'] },
  { id: 'it-alloc', country: 'IT', linked: ['it-coord'], usesAllocation: true },
  { id: 'hu-ca', country: 'HU', linked: ['hu-coord'] },
  { id: 'hu-ca2', country: 'HU', linked: ['hu-coord'] },
  { id: 'hu-refuser', country: 'HU', linked: ['hu-coord'], flags: { mayRefuseRequests: true } },
  { id: 'hu-ca-approval', country: 'HU', linked: ['hu-coord-approves'], flags: { subjectToApproval: true } },
  { id: 'hu-alloc', country: 'HU', linked: ['hu-coord'], usesAllocation: true },
  { id: 'hu-closed', country: 'HU', linked: ['hu-coord'], flags: { mayAcceptIncomingRequests: false } },
  { id: 'hu-suspended', country: 'HU', linked: ['hu-coord'], status: 'SUSPENDED' },
  { id: 'hu-coord', country: 'HU', coordinator: true },
  { id: 'hu-coord-approves', country: 'HU', coordinator: true, flags: { approvesReplies: true, participatesInReferral: false } },
  { id: 'fr-ca', country: 'FR', linked: [] },
];

function buildAuthority(spec: AuthoritySpec, patch: Partial<RequestFlags>, usesAllocation: boolean | undefined): Authority {
  const flags = { ...spec.flags, ...patch };
  return Authority.parse({
    id: spec.id, country: spec.country, status: spec.status ?? 'ACTIVE', officialName: `Authority ${spec.id}`, informalTitle: { en: spec.id },
    languages: ['en'], address: { town: 'Town' }, contactEmail: `${spec.id}@example.eu`, validatingCoordinatorId: null,
    usesAllocation: usesAllocation ?? spec.usesAllocation ?? false,
    areas: AREAS.map((area) => ({
      area, status: 'ACTIVE', administrativeRole: spec.coordinator ? 'LIMIC' : 'CA', accessCoordinatorId: null, keywords: [],
      workflows: [{
        workflow: 'REQUEST', status: 'ACTIVE', role: spec.coordinator ? 'REQUEST_COORDINATOR' : 'REQUEST_AUTHORITY',
        flags: RequestFlagsDefaults(flags), linkedCoordinatorIds: spec.linked ?? [],
      }],
    })),
  });
}

const RequestFlagsDefaults = (flags: Partial<RequestFlags>): RequestFlags => ({
  subjectToApproval: false, mayRefuseRequests: false, mayAcceptIncomingRequests: true,
  participatesInReferral: true, approvesRequests: false, approvesReplies: false, ...flags,
});

/** User kinds every authority has; coordinators also have referral handlers. Ids are `<authority>:<kind>`. */
export const USER_KINDS = {
  handler: ['REQUEST_HANDLER'],
  handler2: ['REQUEST_HANDLER'],
  viewer: ['REQUEST_VIEWER'],
  allocator: ['ALLOCATOR'],
  basic: [],
  referral: ['REFERRAL_HANDLER'],
  referral2: ['REFERRAL_HANDLER'],
} as const satisfies Record<string, readonly RequestRole[]>;
export type UserKind = keyof typeof USER_KINDS;

function buildUser(authorityId: string, kind: UserKind): User {
  const generalRoles: GeneralRole[] = ['BASIC_USER'];
  const roles: RequestRole[] = [...USER_KINDS[kind]];
  return User.parse({
    id: `${authorityId}:${kind}`, authorityId, username: `${authorityId}-${kind}`, name: kind, surname: authorityId, preferredLanguage: 'en',
    email: `${kind}@${authorityId}.example.eu`, status: 'ACTIVE', generalRoles,
    rights: roles.length ? AREAS.map((area) => ({ area, workflow: 'REQUEST', roles })) : [],
  });
}

export interface WorldOptions {
  /** Flag changes per authority id, e.g. `{ 'hu-coord': { participatesInReferral: false } }`. */
  flags?: Record<string, Partial<RequestFlags>>;
  usesAllocation?: Record<string, boolean>;
}

export interface World {
  env: RequestEnvironment;
  authorities: ReadonlyMap<string, Authority>;
  users: ReadonlyMap<string, User>;
  /** The actor for a user id such as `hu-ca:handler`; throws for an unknown id. */
  actor(userId: string): Actor;
}

export function world(options: WorldOptions = {}): World {
  const authorities = new Map(AUTHORITY_SPECS.map((s) => [s.id, buildAuthority(s, options.flags?.[s.id] ?? {}, options.usesAllocation?.[s.id])]));
  const users = new Map<string, User>();
  for (const s of AUTHORITY_SPECS) {
    for (const kind of Object.keys(USER_KINDS) as UserKind[]) {
      if ((kind === 'referral' || kind === 'referral2') && !s.coordinator) continue;
      const u = buildUser(s.id, kind);
      users.set(u.id, u);
    }
  }
  const sets = new Map([pqStandard, sdDerogation].map((q) => [q.id, q]));
  const env: RequestEnvironment = {
    authority: (id) => authorities.get(id),
    user: (id) => users.get(id),
    questionSet: (id) => sets.get(id),
    subjectSection: (area) => (area === 'PQ' || area === 'SD' ? subjectSections[area] : undefined),
  };
  return {
    env, authorities, users,
    actor(userId) {
      const u = users.get(userId);
      if (!u) throw new Error(`no user ${userId} in the fixture world`);
      return { id: u.id, authorityId: u.authorityId, generalRoles: u.generalRoles, rights: u.rights };
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Running commands

export type CommandInput = z.input<typeof RequestCommand>;

export function attempt(w: World, state: RequestCase | undefined, command: CommandInput, userId: string, at = T0): Decision {
  return decide(state, RequestCommand.parse(command), w.actor(userId), at, w.env);
}

/** Folds the events that concern `caseId`. */
export function fold(state: RequestCase | undefined, events: readonly RequestEvent[], caseId = state?.id): RequestCase | undefined {
  return events.filter((e) => e.caseId === caseId).reduce<RequestCase | undefined>(evolve, state);
}

/** Runs a command that must be accepted and returns the case afterwards; throws with the reason otherwise. */
export function act(w: World, state: RequestCase | undefined, command: CommandInput, userId: string, at = T0): RequestCase {
  const decision = attempt(w, state, command, userId, at);
  if (!decision.ok) throw new Error(`${command.type} by ${userId} refused: ${JSON.stringify(decision.rejection)}`);
  const next = fold(state, decision.events, command.caseId);
  if (!next) throw new Error(`${command.type} left no case`);
  return next;
}

export const text = (t: string) => ({ text: t, language: 'en' as const });

/** Metadata of a harmless PDF attachment; override the name to try executables. */
export function attachmentMeta(overrides: Partial<AttachmentMeta> = {}): AttachmentMeta {
  return {
    id: 'att-1', name: 'diploma.pdf', nameLanguage: 'en', documentLanguage: 'it', comment: null, tabId: 'summary',
    size: 1024, sha256: 'a'.repeat(64), mediaType: 'application/pdf', ...overrides,
  };
}
export const why = text('Because the file says so.');

// ---------------------------------------------------------------------------------------------------
// Case builders: each runs the real commands, so a fixture is always a state the lifecycle can reach.

export function draftForm(overrides: Record<string, unknown> = {}) {
  return {
    respondingAuthorityId: 'hu-ca',
    proposedDueDays: 14,
    subject: { 'family-name': 'Rossi', 'birth-date': '1980-01-01', profession: 'Nurse' },
    questions: [
      { questionId: 'diploma-authentic', extraDetails: { 'diploma-title': 'Nursing diploma' } },
      { questionId: 'registered' },
      { questionId: 'home-address' },
    ],
    ...overrides,
  };
}

export interface Built {
  w: World;
  c: RequestCase;
  requester: string;
  responder: string;
}

export interface CaseOptions {
  w?: World;
  caseId?: string;
  /** Authority ids; their `:handler` users act. */
  requester?: string;
  responder?: string;
  form?: Record<string, unknown>;
}

export function draftCase(opts: CaseOptions = {}): Built {
  const w = opts.w ?? world();
  const requester = opts.requester ?? 'it-ca';
  const responder = opts.responder ?? 'hu-ca';
  const c = act(w, undefined, {
    type: 'createDraft', caseId: opts.caseId ?? 'case-1', area: 'PQ', questionSetId: 'pq-standard',
    form: draftForm({ respondingAuthorityId: responder, ...opts.form }),
  }, `${requester}:handler`);
  return { w, c, requester, responder };
}

export function sentCase(opts: CaseOptions = {}): Built {
  const b = draftCase(opts);
  return { ...b, c: act(b.w, b.c, { type: 'sendRequest', caseId: b.c.id }, `${b.requester}:handler`) };
}

export function acceptedCase(opts: CaseOptions = {}): Built {
  const b = sentCase(opts);
  return { ...b, c: act(b.w, b.c, { type: 'acceptRequest', caseId: b.c.id, days: 10 }, `${b.responder}:handler`) };
}

/** A complete answer to every question of the standard set. */
export function fullAnswers() {
  return [
    { questionId: 'diploma-authentic', value: { kind: 'yesNo' as const, value: true } },
    { questionId: 'registered', value: { kind: 'choice' as const, optionIds: ['registered'] } },
    { questionId: 'home-address', value: { kind: 'text' as const, text: text('Via Roma 1') } },
  ];
}

export function answeredCase(opts: CaseOptions = {}): Built {
  const b = acceptedCase(opts);
  return { ...b, c: act(b.w, b.c, { type: 'sendReply', caseId: b.c.id, answers: fullAnswers() }, `${b.responder}:handler`) };
}

/** Answered, asked for more, and refused: the point where referral or closure comes next. */
export function additionalInfoRefusedCase(opts: CaseOptions = {}): Built {
  const b = answeredCase(opts);
  let c = act(b.w, b.c, { type: 'requestAdditionalInfo', caseId: b.c.id, justification: why }, `${b.requester}:handler`);
  c = act(b.w, c, { type: 'refuseAdditionalInfo', caseId: c.id, justification: why }, `${b.responder}:handler`);
  return { ...b, c };
}
