// Who may register, validate and manage whom (SPEC §3.3, handbook §9.1.1): a coordinator manages only lower levels.
import type { CountryCode, LegislativeArea } from '../reference/codes';
import { ADMINISTRATIVE_LEVEL, areaAccess } from './authority';
import type { AdministrativeRole, Authority } from './authority';
import { allow, refuse } from './accessReasons';
import type { AccessDecision } from './accessReasons';

/** One side of a management relation: an authority as it stands (or is to be registered) in one area. */
export interface ManagementParty {
  country: CountryCode;
  /** Free-text region of the address; an SDIMIC's competence ends at it. */
  region: string;
  role: AdministrativeRole;
}

/** NIMICs and SDIMICs coordinate every area, whatever areas their access lists. */
const HORIZONTAL: readonly AdministrativeRole[] = ['NIMIC', 'SDIMIC'];

/** The administrative role an authority holds in an area, or undefined when it has no access there. */
export function administrativeRoleIn(authority: Authority, area: LegislativeArea): AdministrativeRole | undefined {
  const horizontal = authority.areas.find((a) => HORIZONTAL.includes(a.administrativeRole))?.administrativeRole;
  return horizontal ?? areaAccess(authority, area)?.administrativeRole;
}

export function managementParty(authority: Authority, area: LegislativeArea): ManagementParty | undefined {
  const role = administrativeRoleIn(authority, area);
  return role && { country: authority.country, region: authority.address.region, role };
}

/**
 * Whether `coordinator` may register, validate or manage the access of `target`. A coordinator manages only
 * authorities of its own country and of a strictly lower level, so an SDIMIC never manages another SDIMIC
 * and a LIMIC or DIMIC no coordinator of its own level; an SDIMIC stays within its region.
 */
export function mayManage(coordinator: ManagementParty, target: ManagementParty): AccessDecision<true> {
  if (coordinator.role === 'CA') return refuse('NOT_A_COORDINATOR');
  if (coordinator.country !== target.country) return refuse('OTHER_COUNTRY');
  if (ADMINISTRATIVE_LEVEL[coordinator.role] <= ADMINISTRATIVE_LEVEL[target.role]) {
    return refuse('NOT_HIGHER_LEVEL', `${coordinator.role} cannot manage ${target.role}`);
  }
  const bothRegional = coordinator.region.trim() !== '' && target.region.trim() !== '';
  if (coordinator.role === 'SDIMIC' && bothRegional && !sameRegion(coordinator.region, target.region)) return refuse('OTHER_REGION');
  return allow(true);
}

function sameRegion(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;
}
