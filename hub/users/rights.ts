// Which rights an authority can hand out (from the shared firstUserRights: everything available to it),
// and the rights a user ends up with once the roles' implications are merged in.
import type { Authority } from '../../shared/authority/authority';
import { firstUserRights, withImpliedRights, type UserRights } from '../../shared/user/invariants';
import type { User } from '../../shared/user/user';

/** The rights asked for that the authority's access does not offer, as "AREA/WORKFLOW/ROLE" strings; empty when all fit. */
export function unavailableRights(authority: Authority, asked: UserRights): string[] {
  const offered = firstUserRights(authority);
  const missing: string[] = [];
  for (const r of asked.rights) {
    const available = offered.rights.find((o) => o.area === r.area && o.workflow === r.workflow);
    for (const role of r.roles) if (!available?.roles.includes(role)) missing.push(`${r.area}/${r.workflow}/${role}`);
  }
  for (const area of asked.dataAdministratorAreas) if (!offered.dataAdministratorAreas.includes(area)) missing.push(`${area}/DATA_ADMINISTRATOR`);
  if (asked.generalRoles.includes('DATA_ADMINISTRATOR') && offered.dataAdministratorAreas.length === 0) missing.push('DATA_ADMINISTRATOR');
  return missing;
}

/**
 * The user with normalised rights: everyone is a BASIC_USER, LDAs hold every alert right (SPEC §4),
 * duplicate roles and empty role lists are dropped.
 */
export function normaliseRights(authority: Authority, user: User): User {
  const generalRoles = [...new Set([...user.generalRoles, 'BASIC_USER' as const])];
  const dataAdministratorAreas = generalRoles.includes('DATA_ADMINISTRATOR') ? [...new Set(user.dataAdministratorAreas)] : [];
  const rights = user.rights.map((r) => ({ ...r, roles: [...new Set(r.roles)] })).filter((r) => r.roles.length > 0);
  return withImpliedRights(authority, { ...user, generalRoles, dataAdministratorAreas, rights });
}
