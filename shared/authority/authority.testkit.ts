// Builders for authority tests: an authority with the statuses, roles and workflows a test cares about.
import type { LegislativeArea, Workflow } from '../reference/codes';
import { Authority, defaultAlertFlags, defaultRequestFlags } from './authority';
import type { AccessStatus, AdministrativeRole, AreaAccess, AuthorityStatus, WorkflowAccess } from './authority';

export interface WorkflowSpec {
  workflow?: Workflow;
  status?: AccessStatus;
  coordinator?: boolean;
  linkedCoordinatorIds?: string[];
}
export interface AreaSpec {
  area?: LegislativeArea;
  status?: AccessStatus;
  role?: AdministrativeRole;
  workflows?: WorkflowSpec[];
}

export function workflowAccessOf(spec: WorkflowSpec = {}): WorkflowAccess {
  const status = spec.status ?? 'ACTIVE';
  const linkedCoordinatorIds = spec.linkedCoordinatorIds ?? [];
  return spec.workflow === 'ALERT'
    ? { workflow: 'ALERT', status, role: spec.coordinator ? 'ALERT_COORDINATOR' : 'ALERT_AUTHORITY', flags: defaultAlertFlags(), linkedCoordinatorIds }
    : { workflow: 'REQUEST', status, role: spec.coordinator ? 'REQUEST_COORDINATOR' : 'REQUEST_AUTHORITY', flags: defaultRequestFlags(), linkedCoordinatorIds };
}

export function areaAccessOf(spec: AreaSpec = {}): AreaAccess {
  return {
    area: spec.area ?? 'PQ',
    status: spec.status ?? 'ACTIVE',
    administrativeRole: spec.role ?? 'CA',
    accessCoordinatorId: null,
    keywords: [],
    professions: [],
    workflows: (spec.workflows ?? [{}]).map(workflowAccessOf),
  };
}

/** An authority in Germany; by default ACTIVE with active request access to PQ. */
export function authorityOf(spec: { id?: string; status?: AuthorityStatus; areas?: AreaSpec[]; region?: string; usesAllocation?: boolean } = {}): Authority {
  const id = spec.id ?? 'auth-1';
  return Authority.parse({
    id, country: 'DE', status: spec.status ?? 'ACTIVE', officialName: `Authority ${id}`, informalTitle: { en: id }, languages: ['de'],
    address: { town: 'Stuttgart', region: spec.region ?? '' }, contactEmail: `${id}@example.eu`, validatingCoordinatorId: null,
    ...(spec.usesAllocation === undefined ? {} : { usesAllocation: spec.usesAllocation }),
    areas: (spec.areas ?? [{}]).map(areaAccessOf),
  });
}
