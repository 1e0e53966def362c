// A small directory for the e-mail tests: a requester, a responder, one responder that allocates, two coordinators,
// their users, and a request case with history; every object goes through the shared zod schemas.
import { Authority } from '../../shared/authority/authority';
import type { LanguageCode } from '../../shared/reference/codes';
import { HistoryEntry, RequestCase } from '../../shared/request/requestCase';
import type { RequestStatus } from '../../shared/request/requestCase';
import { User } from '../../shared/user/user';
import type { RequestRole, UserStatus } from '../../shared/user/user';
import type { MailDirectory } from './requestRecipients';

export const AREA = 'PQ' as const;

interface AuthoritySpec {
  id: string;
  languages: LanguageCode[];
  coordinator?: boolean;
  usesAllocation?: boolean;
}

export function authority(spec: AuthoritySpec): Authority {
  return Authority.parse({
    id: spec.id, country: 'DE', status: 'ACTIVE', officialName: `Authority ${spec.id}`, informalTitle: { en: spec.id },
    languages: spec.languages, address: { town: 'Berlin' }, contactEmail: `${spec.id}@authority.example.eu`,
    validatingCoordinatorId: null, usesAllocation: spec.usesAllocation ?? false,
    areas: [{
      area: AREA, status: 'ACTIVE', administrativeRole: spec.coordinator ? 'LIMIC' : 'CA', accessCoordinatorId: null, keywords: [],
      workflows: [{
        workflow: 'REQUEST', status: 'ACTIVE', role: spec.coordinator ? 'REQUEST_COORDINATOR' : 'REQUEST_AUTHORITY', flags: {},
        linkedCoordinatorIds: spec.coordinator ? [] : ['reqCo'],
      }],
    }],
  });
}

export function user(id: string, authorityId: string, roles: RequestRole[], options: { language?: LanguageCode; status?: UserStatus; email?: string } = {}): User {
  return User.parse({
    id, authorityId, username: `login-${id}`, name: `Name-${id}`, surname: `Surname-${id}`, preferredLanguage: options.language ?? 'en',
    email: options.email ?? `${id}@people.example.eu`, status: options.status ?? 'ACTIVE', generalRoles: ['BASIC_USER'],
    rights: [{ area: AREA, workflow: 'REQUEST', roles }],
  });
}

/** The cast every recipient test starts from; tests add or replace entries for their case. */
export function world() {
  const authorities = [
    authority({ id: 'req', languages: ['de', 'en'] }),
    authority({ id: 'resp', languages: ['fr', 'en'] }),
    authority({ id: 'respAlloc', languages: ['it'], usesAllocation: true }),
    authority({ id: 'reqCo', languages: ['de'], coordinator: true }),
    authority({ id: 'respCo', languages: ['fr'], coordinator: true, usesAllocation: true }),
  ];
  const users = [
    user('reqAnna', 'req', ['REQUEST_HANDLER'], { language: 'de' }),
    user('reqBen', 'req', ['REQUEST_HANDLER'], { language: 'en' }),
    user('reqViewer', 'req', ['REQUEST_VIEWER']),
    user('respClaire', 'resp', ['REQUEST_HANDLER'], { language: 'fr' }),
    user('respDavid', 'resp', ['REQUEST_HANDLER', 'ALLOCATOR'], { language: 'en' }),
    user('respAllocOnly', 'resp', ['ALLOCATOR']),
    user('respBlocked', 'resp', ['REQUEST_HANDLER'], { status: 'BLOCKED' }),
    user('respGone', 'resp', ['REQUEST_HANDLER'], { status: 'DEACTIVATED' }),
    user('allocEva', 'respAlloc', ['ALLOCATOR'], { language: 'it' }),
    user('allocFilip', 'respAlloc', ['REQUEST_HANDLER']),
    user('allocGina', 'respAlloc', ['REQUEST_HANDLER']),
    user('reqCoHana', 'reqCo', ['REFERRAL_HANDLER'], { language: 'de' }),
    user('reqCoAllocator', 'reqCo', ['ALLOCATOR']),
    user('respCoIvo', 'respCo', ['REFERRAL_HANDLER']),
    user('respCoJana', 'respCo', ['ALLOCATOR'], { language: 'fr' }),
  ];
  return { authorities, users };
}

export function directory(authorities: Authority[], users: User[]): MailDirectory {
  return {
    authority: (id) => authorities.find((a) => a.id === id),
    user: (id) => users.find((u) => u.id === id),
    usersOf: (authorityId) => users.filter((u) => u.authorityId === authorityId),
    questionSet: () => undefined,
    subjectSection: () => undefined,
  };
}

let minute = 0;
/** One history entry: who did what and the status after it. */
export function did(action: string, userId: string, authorityId: string, status: RequestStatus): HistoryEntry {
  minute += 1;
  const at = new Date(Date.UTC(2030, 0, 1, 9, minute)).toISOString();
  return HistoryEntry.parse({ action, userId, authorityId, at, justification: null, status });
}

export function requestCase(overrides: Partial<RequestCase> = {}): RequestCase {
  return RequestCase.parse({
    id: 'case-1', entryNumber: 63351, area: AREA, questionSetId: 'pq-standard', status: 'AWAITING_ACCEPTANCE',
    requestingAuthorityId: 'req', respondingAuthorityId: 'resp', requestingCoordinatorId: 'reqCo', respondingCoordinatorId: null,
    proposedDueDays: 14, acceptedDays: null, dueDate: null, createdByUserId: 'reqAnna', createdAt: '2030-01-01T09:00:00Z',
    sentAt: '2030-01-01T10:00:00Z', acceptedAt: null, closedAt: null, summary: { text: 'Checking Maria Muster', language: 'en' },
    formFields: {}, checklist: [], referencedEntryNumber: null, subject: { 'family-name': 'Muster' },
    questions: [{ questionId: 'diploma-authentic' }], tabComments: [], answers: [], messages: [], attachments: [],
    assignments: {}, referralPath: [], formerRespondingAuthorityIds: [], splitFromCaseId: null, splitIntoCaseIds: [],
    copiedFromCaseId: null,
    history: [did('createDraft', 'reqAnna', 'req', 'DRAFT'), did('sendRequest', 'reqAnna', 'req', 'AWAITING_ACCEPTANCE')],
    ...overrides,
  });
}
