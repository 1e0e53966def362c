// Builders for user tests: a user of an authority with exactly the roles a test cares about.
import type { LegislativeArea, Workflow } from '../reference/codes';
import { User } from './user';
import type { ContentRole, GeneralRole } from './user';

let counter = 0;

export function userOf(spec: {
  authorityId?: string;
  generalRoles?: GeneralRole[];
  dataAdministratorAreas?: LegislativeArea[];
  rights?: Array<{ area?: LegislativeArea; workflow?: Workflow; roles: ContentRole[] }>;
  status?: User['status'];
} = {}): User {
  counter += 1;
  return User.parse({
    id: `user-${counter}`, authorityId: spec.authorityId ?? 'auth-1', username: `user${counter}`, name: 'Eva', surname: 'Test',
    preferredLanguage: 'de', email: `user${counter}@example.eu`, status: spec.status ?? 'ACTIVE',
    generalRoles: spec.generalRoles ?? ['BASIC_USER'], dataAdministratorAreas: spec.dataAdministratorAreas ?? [],
    rights: (spec.rights ?? []).map((r) => ({ area: r.area ?? 'PQ', workflow: r.workflow ?? 'REQUEST', roles: r.roles })),
  });
}

/** An LDA who also handles requests in PQ: the smallest staff of a plain competent authority. */
export const ldaHandler = (authorityId = 'auth-1') =>
  userOf({ authorityId, generalRoles: ['LDA', 'BASIC_USER'], rights: [{ roles: ['REQUEST_HANDLER'] }] });
