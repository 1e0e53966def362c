// The demo data keeps every rule it demonstrates: SPEC §4 invariants hold, the flags the issue asks for exist, every role has a user.
import { describe, expect, it } from 'vitest';
import { requestAccess } from '../../shared/authority/authority';
import { ContentRole, GeneralRole } from '../../shared/user/user';
import { userInvariantViolations } from '../../shared/user/invariants';
import { demoAuthorities, demoUsers } from './demoData';

const authorities = demoAuthorities();
const users = demoUsers(authorities).map((d) => d.user);
const byId = new Map(authorities.map((a) => [a.id, a]));

describe('demo data', () => {
  it('covers IT, HU, DE, FR and PL with a NIMIC each, and a LIMIC or DIMIC in two of them', () => {
    for (const country of ['IT', 'HU', 'DE', 'FR', 'PL']) {
      expect(authorities.some((a) => a.country === country && a.areas.some((x) => x.administrativeRole === 'NIMIC'))).toBe(true);
    }
    const middle = new Set(authorities.filter((a) => a.areas.some((x) => x.administrativeRole === 'LIMIC' || x.administrativeRole === 'DIMIC')).map((a) => a.country));
    expect(middle.size).toBeGreaterThanOrEqual(2);
  });

  it('breaks none of the user invariants in any authority', () => {
    for (const authority of authorities) expect(userInvariantViolations(authority, users.filter((u) => u.authorityId === authority.id)), authority.id).toEqual([]);
  });

  it('links every competent authority to existing coordinators of its own country', () => {
    for (const authority of authorities) {
      for (const area of authority.areas) {
        for (const workflow of area.workflows) {
          for (const coordinatorId of workflow.linkedCoordinatorIds) expect(byId.get(coordinatorId)?.country, `${authority.id} → ${coordinatorId}`).toBe(authority.country);
          if (area.administrativeRole === 'CA') expect(workflow.linkedCoordinatorIds.length, authority.id).toBeGreaterThan(0);
        }
      }
    }
  });

  it('has a CA subject to approval by a coordinator that approves requests and replies, one using allocation, one allowed to refuse', () => {
    const approved = authorities.find((a) => a.areas.some((x) => requestAccess(a, x.area)?.flags.subjectToApproval));
    const coordinatorId = approved && requestAccess(approved, 'PQ')?.linkedCoordinatorIds[0];
    const coordinator = coordinatorId ? byId.get(coordinatorId) : undefined;
    expect(coordinator && requestAccess(coordinator, 'PQ')?.flags).toMatchObject({ approvesRequests: true, approvesReplies: true });
    expect(authorities.some((a) => a.usesAllocation)).toBe(true);
    expect(authorities.some((a) => a.areas.some((x) => requestAccess(a, x.area)?.flags.mayRefuseRequests))).toBe(true);
  });

  it('has a user for every general and content role, with unique usernames and e-mails', () => {
    for (const role of GeneralRole.options) expect(users.some((u) => u.generalRoles.includes(role)), role).toBe(true);
    for (const role of ContentRole.options.flatMap((o) => o.options)) expect(users.some((u) => u.rights.some((r) => r.roles.includes(role))), role).toBe(true);
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
  });
});
