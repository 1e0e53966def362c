// The status lifecycles of SPEC §3.5 (authority, area access, workflow access) and when roles may change.
// Pure decisions: the caller supplies what it counted (open exchanges); the hub stores the returned status.
import { WORKFLOWS_BY_AREA } from '../reference/codes';
import type { LegislativeArea, Workflow } from '../reference/codes';
import { areaAccess, workflowAccess } from './authority';
import type { AccessStatus, Authority, AuthorityStatus } from './authority';
import { allow, refuse } from './accessReasons';
import type { AccessDecision } from './accessReasons';

const AUTHORITY_EDGES: Readonly<Record<AuthorityStatus, readonly AuthorityStatus[]>> = {
  REGISTRATION_REQUESTED: ['ACTIVE', 'REGISTRATION_REFUSED'],
  // A refused registration stays validatable until it is deleted six months later.
  REGISTRATION_REFUSED: ['ACTIVE'],
  ACTIVE: ['SUSPENDED'],
  SUSPENDED: ['ACTIVE', 'INACTIVE'],
  INACTIVE: [],
};

/** `null` stands for "no access yet": the only way out of it is a request. */
const ACCESS_EDGES: Readonly<Record<AccessStatus | 'NONE', readonly AccessStatus[]>> = {
  NONE: ['REQUESTED'],
  REQUESTED: ['ACTIVE'],
  ACTIVE: ['SUSPENDED'],
  SUSPENDED: ['ACTIVE', 'SUSPENDED_REACTIVATION_REQUESTED', 'REMOVED'],
  SUSPENDED_REACTIVATION_REQUESTED: ['ACTIVE', 'SUSPENDED'],
  REMOVED: ['REMOVED_REACTIVATION_REQUESTED'],
  REMOVED_REACTIVATION_REQUESTED: ['SUSPENDED', 'REMOVED'],
};

const AT_REST: readonly AccessStatus[] = ['SUSPENDED', 'REMOVED'];
const REACTIVATION_REQUESTS: readonly AccessStatus[] = ['SUSPENDED_REACTIVATION_REQUESTED', 'REMOVED_REACTIVATION_REQUESTED'];

function edgeExists(from: AccessStatus | null, to: AccessStatus): boolean {
  return ACCESS_EDGES[from ?? 'NONE'].includes(to);
}

/** Every area and every workflow of the authority is SUSPENDED or REMOVED. */
function allAccessAtRest(authority: Authority): boolean {
  return authority.areas.every((a) => AT_REST.includes(a.status) && a.workflows.every((w) => AT_REST.includes(w.status)));
}

/**
 * Moves an authority to `to`. Suspension and reactivation happen only once all its access is at rest
 * (ongoing exchanges continue meanwhile); deactivation only once it has no open exchange.
 */
export function authorityTransition(authority: Authority, to: AuthorityStatus, openExchanges: number): AccessDecision<AuthorityStatus> {
  if (!AUTHORITY_EDGES[authority.status].includes(to)) return refuse('TRANSITION_NOT_ALLOWED', `${authority.status} → ${to}`);
  const suspendOrReactivate = (authority.status === 'ACTIVE' && to === 'SUSPENDED') || (authority.status === 'SUSPENDED' && to === 'ACTIVE');
  if (suspendOrReactivate && !allAccessAtRest(authority)) return refuse('ACCESS_STILL_ACTIVE');
  if (to === 'INACTIVE' && openExchanges > 0) return refuse('OPEN_EXCHANGES', `${openExchanges} open`);
  return allow(to);
}

/**
 * Moves an authority's access to a legislative area to `to`. Covers changes to a registered authority;
 * a new registration carries its requested areas in `REQUESTED` from the start.
 */
export function areaAccessTransition(authority: Authority, area: LegislativeArea, to: AccessStatus, openExchanges: number): AccessDecision<AccessStatus> {
  const access = areaAccess(authority, area);
  const from = access?.status ?? null;
  if (!edgeExists(from, to)) return refuse('TRANSITION_NOT_ALLOWED', `${from ?? 'NONE'} → ${to}`);
  // An area cannot be (or be asked to be) in use while the authority itself is not.
  const needsActiveAuthority = to === 'REQUESTED' || to === 'ACTIVE' || REACTIVATION_REQUESTS.includes(to);
  if (needsActiveAuthority && authority.status !== 'ACTIVE') return refuse('AUTHORITY_NOT_ACTIVE');
  if (to === 'REMOVED' && from === 'SUSPENDED') {
    if (openExchanges > 0) return refuse('OPEN_EXCHANGES', `${openExchanges} open`);
    if (!access?.workflows.every((w) => w.status === 'REMOVED')) return refuse('WORKFLOWS_NOT_REMOVED');
  }
  return allow(to);
}

/** Moves an authority's access to one workflow of an area to `to`; the workflow lives inside its area's access. */
export function workflowAccessTransition(
  authority: Authority,
  area: LegislativeArea,
  workflow: Workflow,
  to: AccessStatus,
  openExchanges: number,
): AccessDecision<AccessStatus> {
  if (!WORKFLOWS_BY_AREA[area].includes(workflow)) return refuse('WORKFLOW_NOT_IN_AREA', `${workflow} in ${area}`);
  const areaStatus = areaAccess(authority, area)?.status;
  if (areaStatus === undefined) return refuse('NO_AREA_ACCESS');
  const from = workflowAccess(authority, area, workflow)?.status ?? null;
  if (!edgeExists(from, to)) return refuse('TRANSITION_NOT_ALLOWED', `${from ?? 'NONE'} → ${to}`);
  const needsActiveAuthority = to === 'REQUESTED' || to === 'ACTIVE' || REACTIVATION_REQUESTS.includes(to);
  if (needsActiveAuthority && authority.status !== 'ACTIVE') return refuse('AUTHORITY_NOT_ACTIVE');
  // A workflow may be requested together with its area; it is used or reactivated only inside an active area.
  const areaOk = to === 'REQUESTED' ? areaStatus === 'ACTIVE' || areaStatus === 'REQUESTED' : areaStatus === 'ACTIVE';
  if ((to === 'ACTIVE' || to === 'REQUESTED' || REACTIVATION_REQUESTS.includes(to)) && !areaOk) return refuse('AREA_NOT_ACTIVE');
  if (to === 'REMOVED' && from === 'SUSPENDED' && openExchanges > 0) return refuse('OPEN_EXCHANGES', `${openExchanges} open`);
  return allow(to);
}

/**
 * A workflow role (request authority ⇄ request coordinator, …) changes only while the workflow is not in use:
 * its access SUSPENDED or REQUESTED, or the whole authority still awaiting registration.
 */
export function mayChangeWorkflowRole(authority: Authority, area: LegislativeArea, workflow: Workflow): AccessDecision<true> {
  const access = workflowAccess(authority, area, workflow);
  if (!access) return refuse('NO_WORKFLOW_ACCESS');
  if (authority.status === 'REGISTRATION_REQUESTED' || access.status === 'SUSPENDED' || access.status === 'REQUESTED') return allow(true);
  return refuse('ROLE_CHANGE_NOT_ALLOWED', `workflow access is ${access.status}`);
}

/** An area's administrative role (CA, DIMIC, LIMIC, …) changes only while the area access is SUSPENDED or REQUESTED. */
export function mayChangeAdministrativeRole(authority: Authority, area: LegislativeArea): AccessDecision<true> {
  const access = areaAccess(authority, area);
  if (!access) return refuse('NO_AREA_ACCESS');
  if (access.status === 'SUSPENDED' || access.status === 'REQUESTED') return allow(true);
  return refuse('ROLE_CHANGE_NOT_ALLOWED', `area access is ${access.status}`);
}
