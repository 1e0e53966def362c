// Small builders for visibility tests: authorities, users, a request case and a directory around them.
import type { LegislativeArea } from '../reference/codes';
import { QuestionSet, SubjectSection } from '../reference/questionSet';
import type { FieldDefinition } from '../reference/questionSet';
import { Authority } from '../authority/authority';
import type { AreaAccess } from '../authority/authority';
import { User } from '../user/user';
import type { ContentRole, GeneralRole } from '../user/user';
import { RequestCase } from './requestCase';
import type { RequestEnvironment } from './environment';

export const AREA: LegislativeArea = 'PQ';
export const SET_ID = 'pq-standard';

const field = (id: string, personal: boolean): FieldDefinition => ({
  id, label: { en: id }, kind: 'text', requirement: 'optional', personal,
});

export const subjectSection = SubjectSection.parse({
  area: AREA,
  title: { en: 'Subject' },
  fields: [field('birth-date', true), field('family-name', true), field('profession', false), field('country', false)],
});

export const questionSet = QuestionSet.parse({
  id: SET_ID,
  area: AREA,
  title: { en: 'Standard' },
  maxDueDays: 60,
  defaultDueDays: 14,
  categories: [{ id: 'general', title: { en: 'General' } }],
  formFields: [field('case-description', false), field('patient-record', true)],
  questions: [
    {
      id: 'diploma-authentic', categoryId: 'general', text: { en: 'Is the diploma authentic?' }, answerType: 'yesNo',
      extraDetails: [field('diploma-title', false), field('holder-address', true)],
      followUps: [
        { id: 'why-not', text: { en: 'Why not?' }, answerType: 'freeText', whenAnswerIn: ['no'] },
        { id: 'holder-id', text: { en: 'Holder id?' }, answerType: 'freeText', whenAnswerIn: ['no'], personal: true },
      ],
    },
    {
      id: 'home-address', categoryId: 'general', text: { en: 'Home address?' }, answerType: 'freeText', personal: true,
      followUps: [{ id: 'since-when', text: { en: 'Since when?' }, answerType: 'date', whenAnswerIn: ['yes'] }],
    },
  ],
});

export function authority(id: string, overrides: { linkedCoordinatorIds?: string[]; linkedAuthorityIds?: string[]; coordinator?: boolean } = {}): Authority {
  const area: AreaAccess = {
    area: AREA, status: 'ACTIVE', administrativeRole: overrides.coordinator ? 'LIMIC' : 'CA', accessCoordinatorId: null, keywords: [], professions: [],
    workflows: [{
      workflow: 'REQUEST', status: 'ACTIVE', role: overrides.coordinator ? 'REQUEST_COORDINATOR' : 'REQUEST_AUTHORITY',
      flags: { subjectToApproval: false, mayRefuseRequests: false, mayAcceptIncomingRequests: true, participatesInReferral: true, approvesRequests: false, approvesReplies: false },
      linkedCoordinatorIds: overrides.linkedCoordinatorIds ?? [],
    }],
  };
  return Authority.parse({
    id, country: 'DE', status: 'ACTIVE', officialName: `Authority ${id}`, informalTitle: { en: id }, languages: ['de'],
    address: { town: 'Berlin' }, contactEmail: `${id}@example.eu`, validatingCoordinatorId: null,
    linkedAuthorityIds: overrides.linkedAuthorityIds ?? [], areas: [area],
  });
}

let userCounter = 0;
export function user(authorityId: string, roles: ContentRole[], options: { generalRoles?: GeneralRole[]; status?: User['status']; area?: LegislativeArea } = {}): User {
  userCounter += 1;
  return User.parse({
    id: `u${userCounter}`, authorityId, username: `user${userCounter}`, name: 'Ana', surname: 'Test', preferredLanguage: 'en',
    email: `user${userCounter}@example.eu`, status: options.status ?? 'ACTIVE', generalRoles: options.generalRoles ?? ['BASIC_USER'],
    rights: roles.length ? [{ area: options.area ?? AREA, workflow: 'REQUEST', roles }] : [],
  });
}

export function requestCase(overrides: Partial<RequestCase> = {}): RequestCase {
  return RequestCase.parse({
    id: 'case-1', entryNumber: 63351, area: AREA, questionSetId: SET_ID, status: 'AWAITING_ACCEPTANCE',
    requestingAuthorityId: 'req', respondingAuthorityId: 'resp', requestingCoordinatorId: 'reqCo', respondingCoordinatorId: 'respCo',
    proposedDueDays: 14, acceptedDays: null, dueDate: '2030-01-15', createdByUserId: 'u0', createdAt: '2030-01-01T09:00:00Z',
    sentAt: '2030-01-01T10:00:00Z', acceptedAt: null, closedAt: null, summary: null,
    formFields: { 'case-description': 'Cross-border check', 'patient-record': 'record 42' }, checklist: [], referencedEntryNumber: null,
    subject: { 'birth-date': '1980-02-03', 'family-name': 'Muster', profession: 'nurse', country: 'DE' },
    questions: [{ questionId: 'diploma-authentic', extraDetails: { 'diploma-title': 'BSc Nursing', 'holder-address': 'Hauptstr. 1' } }, { questionId: 'home-address' }],
    tabComments: [],
    answers: [
      { questionId: 'diploma-authentic', value: { kind: 'yesNo', value: false }, followUps: { 'why-not': { kind: 'text', text: { text: 'forged', language: 'en' } }, 'holder-id': { kind: 'text', text: { text: 'ID-123', language: 'en' } } } },
      { questionId: 'home-address', value: { kind: 'text', text: { text: 'Hauptstr. 1', language: 'de' } }, followUps: { 'since-when': { kind: 'date', date: '2001-01-01' } } },
    ],
    messages: [],
    attachments: [{
      id: 'att-1', name: 'diploma.pdf', nameLanguage: 'en', documentLanguage: 'de', tabId: 'subject', size: 1000,
      sha256: 'a'.repeat(64), mediaType: 'application/pdf', authorityId: 'req', userId: 'u0', at: '2030-01-01T09:30:00Z',
    }],
    assignments: {}, referralPath: [], formerRespondingAuthorityIds: [], splitFromCaseId: null, splitIntoCaseIds: [],
    copiedFromCaseId: null, history: [],
    ...overrides,
  });
}

/** A directory of the given authorities and users, with the test subject section and question set. */
export function environment(authorities: Authority[], users: User[] = []): RequestEnvironment {
  return {
    authority: (id) => authorities.find((a) => a.id === id),
    user: (id) => users.find((u) => u.id === id),
    questionSet: (id) => (id === questionSet.id ? questionSet : undefined),
    subjectSection: (area) => (area === subjectSection.area ? subjectSection : undefined),
  };
}

/** The standard cast: requester and responder, each with its own linked coordinators, plus bystanders. */
export function standardDirectory(): Authority[] {
  return [
    authority('req', { linkedCoordinatorIds: ['reqCo', 'reqCo2'] }),
    authority('resp', { linkedCoordinatorIds: ['respCo'], linkedAuthorityIds: ['respWatcher'] }),
    authority('reqCo', { coordinator: true }),
    authority('reqCo2', { coordinator: true }),
    authority('respCo', { coordinator: true }),
    authority('respWatcher'),
    authority('reqWatcher', { linkedAuthorityIds: ['req'] }),
    authority('former'),
    authority('stranger'),
  ];
}
