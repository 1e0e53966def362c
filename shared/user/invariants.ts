// The user invariants of SPEC §4 that the hub refuses to break, and the rights an authority can hand out.
// A user counts unless DEACTIVATED: a BLOCKED account is a lock an LDA or coordinator lifts (SPEC §4), not a loss.
import { z } from 'zod';
import { LegislativeArea } from '../reference/codes';
import type { AccessStatus, Authority } from '../authority/authority';
import type { AreaRights, ContentRole, GeneralRole, User } from './user';

export const ViolationCode = z.enum([
  'NO_LDA',
  'NO_REQUEST_HANDLER',
  'NO_ALLOCATOR',
  'NO_REFERRAL_HANDLER',
  'NO_DATA_ADMINISTRATOR',
]);
export type ViolationCode = z.infer<typeof ViolationCode>;

export const Violation = z.object({ code: ViolationCode, area: LegislativeArea.optional() });
export type Violation = z.infer<typeof Violation>;

/** Access that was removed no longer needs anyone to work it. */
const GONE: readonly AccessStatus[] = ['REMOVED', 'REMOVED_REACTIVATION_REQUESTED'];
const present = (status: AccessStatus) => !GONE.includes(status);

function counts(user: User, authority: Authority): boolean {
  return user.authorityId === authority.id && user.status !== 'DEACTIVATED';
}

function holds(user: User, area: LegislativeArea, workflow: AreaRights['workflow'], role: ContentRole): boolean {
  return user.rights.some((r) => r.area === area && r.workflow === workflow && r.roles.includes(role));
}

/** Areas in which the authority has request-workflow access, with its role there. */
function requestAreas(authority: Authority) {
  return authority.areas.flatMap((a) =>
    a.workflows.flatMap((w) => (w.workflow === 'REQUEST' && present(a.status) && present(w.status) ? [{ area: a.area, role: w.role }] : [])),
  );
}

export function userInvariantViolations(authority: Authority, users: readonly User[]): Violation[] {
  const members = users.filter((u) => counts(u, authority));
  const some = (test: (u: User) => boolean) => members.some(test);
  const violations: Violation[] = [];

  if (!some((u) => u.generalRoles.includes('LDA'))) violations.push({ code: 'NO_LDA' });
  for (const { area, role } of requestAreas(authority)) {
    if (!some((u) => holds(u, area, 'REQUEST', 'REQUEST_HANDLER'))) violations.push({ code: 'NO_REQUEST_HANDLER', area });
    if (authority.usesAllocation && !some((u) => holds(u, area, 'REQUEST', 'ALLOCATOR'))) violations.push({ code: 'NO_ALLOCATOR', area });
    if (role === 'REQUEST_COORDINATOR' && !some((u) => holds(u, area, 'REQUEST', 'REFERRAL_HANDLER'))) {
      violations.push({ code: 'NO_REFERRAL_HANDLER', area });
    }
  }
  for (const a of authority.areas) {
    if (a.administrativeRole === 'CA' || !present(a.status)) continue;
    const administers = (u: User) => u.generalRoles.includes('DATA_ADMINISTRATOR') && u.dataAdministratorAreas.includes(a.area);
    if (!some(administers)) violations.push({ code: 'NO_DATA_ADMINISTRATOR', area: a.area });
  }
  return violations;
}

const key = (v: Violation) => `${v.code}:${v.area ?? ''}`;

/** The violations a change of the authority's users would introduce; the hub refuses the change when any. */
export function checkUserChange(authority: Authority, usersBefore: readonly User[], usersAfter: readonly User[]): Violation[] {
  const before = new Set(userInvariantViolations(authority, usersBefore).map(key));
  return userInvariantViolations(authority, usersAfter).filter((v) => !before.has(key(v)));
}

const REQUEST_ROLES: readonly ContentRole[] = ['REQUEST_VIEWER', 'REQUEST_HANDLER', 'ALLOCATOR'];
const ALERT_ROLES: readonly ContentRole[] = ['ALERT_VIEWER', 'ALERT_HANDLER'];

/** Every content right the authority's access offers: coordinators add referral handling and dissemination. */
function availableRights(authority: Authority): AreaRights[] {
  return authority.areas.filter((a) => present(a.status)).flatMap((a) =>
    a.workflows.filter((w) => present(w.status)).map((w): AreaRights => {
      if (w.workflow === 'REQUEST') {
        return { area: a.area, workflow: 'REQUEST', roles: w.role === 'REQUEST_COORDINATOR' ? [...REQUEST_ROLES, 'REFERRAL_HANDLER'] : [...REQUEST_ROLES] };
      }
      return { area: a.area, workflow: 'ALERT', roles: w.role === 'ALERT_COORDINATOR' ? [...ALERT_ROLES, 'ALERT_DISSEMINATOR'] : [...ALERT_ROLES] };
    }),
  );
}

export type UserRights = Pick<User, 'generalRoles' | 'dataAdministratorAreas' | 'rights'>;

/** What the first user of an authority receives: every right available to it (SPEC §4). */
export function firstUserRights(authority: Authority): UserRights {
  const administered = authority.areas.filter((a) => a.administrativeRole !== 'CA' && present(a.status)).map((a) => a.area);
  const generalRoles: GeneralRole[] = ['LDA', 'BASIC_USER', ...(administered.length ? (['DATA_ADMINISTRATOR'] as const) : [])];
  return { generalRoles, dataAdministratorAreas: administered, rights: availableRights(authority) };
}

/** The alert rights every LDA holds while the authority has the alert workflow. */
export function ldaAlertRights(authority: Authority): AreaRights[] {
  return availableRights(authority).filter((r) => r.workflow === 'ALERT');
}

/** A user's rights with what their general roles imply merged in: an LDA gets all alert rights. */
export function withImpliedRights(authority: Authority, user: User): User {
  if (!user.generalRoles.includes('LDA')) return user;
  const rights = [...user.rights];
  for (const implied of ldaAlertRights(authority)) {
    const index = rights.findIndex((r) => r.area === implied.area && r.workflow === implied.workflow);
    const current = index >= 0 ? rights[index] : undefined;
    const merged: AreaRights = { ...implied, roles: [...new Set([...(current?.roles ?? []), ...implied.roles])] };
    if (index >= 0) rights[index] = merged;
    else rights.push(merged);
  }
  return { ...user, rights };
}
