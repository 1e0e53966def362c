// Every allowed and refused transition of the SPEC §3.5 lifecycles, and when roles may change.
import { describe, expect, it } from 'vitest';
import { AccessStatus, AuthorityStatus } from './authority';
import type { AccessDecision } from './accessReasons';
import {
  areaAccessTransition, authorityTransition, mayChangeAdministrativeRole, mayChangeWorkflowRole, workflowAccessTransition,
} from './accessLifecycle';
import { authorityOf } from './authority.testkit';

const reasonOf = (d: AccessDecision<unknown>) => (d.ok ? 'ALLOWED' : d.rejection.reason);

const AUTHORITY_ALLOWED: ReadonlyArray<[AuthorityStatus, AuthorityStatus]> = [
  ['REGISTRATION_REQUESTED', 'ACTIVE'],
  ['REGISTRATION_REQUESTED', 'REGISTRATION_REFUSED'],
  ['REGISTRATION_REFUSED', 'ACTIVE'],
  ['ACTIVE', 'SUSPENDED'],
  ['SUSPENDED', 'ACTIVE'],
  ['SUSPENDED', 'INACTIVE'],
];

describe('authorityTransition', () => {
  const atRest = [{ status: 'SUSPENDED' as const, workflows: [{ status: 'SUSPENDED' as const }] }, { area: 'SD' as const, status: 'REMOVED' as const, workflows: [{ status: 'REMOVED' as const }] }];

  it.each(AUTHORITY_ALLOWED)('allows %s → %s when its conditions hold', (from, to) => {
    expect(authorityTransition(authorityOf({ status: from, areas: atRest }), to, 0)).toEqual({ ok: true, value: to });
  });

  const refusedPairs = AuthorityStatus.options.flatMap((from) =>
    AuthorityStatus.options.filter((to) => !AUTHORITY_ALLOWED.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as const),
  );
  it.each(refusedPairs)('refuses %s → %s as TRANSITION_NOT_ALLOWED', (from, to) => {
    expect(reasonOf(authorityTransition(authorityOf({ status: from, areas: atRest }), to, 0))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('refuses suspension while an area is still active', () => {
    expect(reasonOf(authorityTransition(authorityOf({ areas: [{ status: 'ACTIVE', workflows: [{ status: 'SUSPENDED' }] }] }), 'SUSPENDED', 0))).toBe('ACCESS_STILL_ACTIVE');
  });

  it('refuses suspension while a workflow is still active in a suspended area', () => {
    expect(reasonOf(authorityTransition(authorityOf({ areas: [{ status: 'SUSPENDED', workflows: [{ status: 'ACTIVE' }] }] }), 'SUSPENDED', 0))).toBe('ACCESS_STILL_ACTIVE');
  });

  it('refuses suspension while a reactivation request is pending', () => {
    const pending = authorityOf({ areas: [{ status: 'SUSPENDED_REACTIVATION_REQUESTED', workflows: [{ status: 'SUSPENDED' }] }] });
    expect(reasonOf(authorityTransition(pending, 'SUSPENDED', 0))).toBe('ACCESS_STILL_ACTIVE');
  });

  it('lets a suspended authority keep open exchanges but refuses to deactivate it until they are closed', () => {
    const suspended = authorityOf({ status: 'SUSPENDED', areas: atRest });
    expect(reasonOf(authorityTransition(suspended, 'INACTIVE', 2))).toBe('OPEN_EXCHANGES');
    expect(reasonOf(authorityTransition(authorityOf({ areas: atRest }), 'SUSPENDED', 2))).toBe('ALLOWED');
  });
});

const ACCESS_ALLOWED: ReadonlyArray<[AccessStatus | null, AccessStatus]> = [
  [null, 'REQUESTED'],
  ['REQUESTED', 'ACTIVE'],
  ['ACTIVE', 'SUSPENDED'],
  ['SUSPENDED', 'ACTIVE'],
  ['SUSPENDED', 'SUSPENDED_REACTIVATION_REQUESTED'],
  ['SUSPENDED_REACTIVATION_REQUESTED', 'ACTIVE'],
  ['SUSPENDED_REACTIVATION_REQUESTED', 'SUSPENDED'],
  ['SUSPENDED', 'REMOVED'],
  ['REMOVED', 'REMOVED_REACTIVATION_REQUESTED'],
  ['REMOVED_REACTIVATION_REQUESTED', 'SUSPENDED'],
  ['REMOVED_REACTIVATION_REQUESTED', 'REMOVED'],
];
const ACCESS_REFUSED = [null, ...AccessStatus.options].flatMap((from) =>
  AccessStatus.options.filter((to) => !ACCESS_ALLOWED.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as const),
);

/** An authority whose PQ area is `from` (absent when null); a workflow follows its area into removal. */
const withArea = (from: AccessStatus | null) =>
  authorityOf({ areas: from === null ? [] : [{ status: from, workflows: [{ status: from === 'ACTIVE' || from === 'REQUESTED' ? from : 'REMOVED' }] }] });

describe('areaAccessTransition', () => {
  it.each(ACCESS_ALLOWED)('allows %s → %s when its conditions hold', (from, to) => {
    expect(areaAccessTransition(withArea(from), 'PQ', to, 0)).toEqual({ ok: true, value: to });
  });

  it.each(ACCESS_REFUSED)('refuses %s → %s as TRANSITION_NOT_ALLOWED', (from, to) => {
    expect(reasonOf(areaAccessTransition(withArea(from), 'PQ', to, 0))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it.each(['REQUESTED', 'SUSPENDED_REACTIVATION_REQUESTED', 'REMOVED_REACTIVATION_REQUESTED'] as const)(
    'refuses a request for %s while the authority is not active',
    (to) => {
      const from = to === 'REQUESTED' ? [] : [{ status: to === 'REMOVED_REACTIVATION_REQUESTED' ? 'REMOVED' as const : 'SUSPENDED' as const, workflows: [{ status: 'REMOVED' as const }] }];
      expect(reasonOf(areaAccessTransition(authorityOf({ status: 'SUSPENDED', areas: from }), 'PQ', to, 0))).toBe('AUTHORITY_NOT_ACTIVE');
    },
  );

  it('refuses removal while exchanges in the area are open', () => {
    expect(reasonOf(areaAccessTransition(withArea('SUSPENDED'), 'PQ', 'REMOVED', 1))).toBe('OPEN_EXCHANGES');
  });

  it('refuses removal of an area before all its workflows are removed', () => {
    const a = authorityOf({ areas: [{ area: 'SD', status: 'SUSPENDED', workflows: [{ status: 'REMOVED' }, { workflow: 'ALERT', status: 'SUSPENDED' }] }] });
    expect(reasonOf(areaAccessTransition(a, 'SD', 'REMOVED', 0))).toBe('WORKFLOWS_NOT_REMOVED');
  });

  it('lets a coordinator refuse a pending reactivation even of a suspended authority', () => {
    const a = authorityOf({ status: 'SUSPENDED', areas: [{ status: 'REMOVED_REACTIVATION_REQUESTED', workflows: [{ status: 'REMOVED' }] }] });
    expect(reasonOf(areaAccessTransition(a, 'PQ', 'REMOVED', 0))).toBe('ALLOWED');
  });
});

/** An authority with an ACTIVE PQ area whose request workflow is `from` (absent when null). */
const withWorkflow = (from: AccessStatus | null, areaStatus: AccessStatus = 'ACTIVE') =>
  authorityOf({ areas: [{ status: areaStatus, workflows: from === null ? [] : [{ status: from }] }] });

describe('workflowAccessTransition', () => {
  it.each(ACCESS_ALLOWED)('allows %s → %s when its conditions hold', (from, to) => {
    expect(workflowAccessTransition(withWorkflow(from), 'PQ', 'REQUEST', to, 0)).toEqual({ ok: true, value: to });
  });

  it.each(ACCESS_REFUSED)('refuses %s → %s as TRANSITION_NOT_ALLOWED', (from, to) => {
    expect(reasonOf(workflowAccessTransition(withWorkflow(from), 'PQ', 'REQUEST', to, 0))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('refuses a workflow the area does not offer', () => {
    expect(reasonOf(workflowAccessTransition(withWorkflow(null), 'PQ', 'ALERT', 'REQUESTED', 0))).toBe('WORKFLOW_NOT_IN_AREA');
  });

  it('refuses a workflow in an area the authority has no access to', () => {
    expect(reasonOf(workflowAccessTransition(withWorkflow(null), 'SD', 'ALERT', 'REQUESTED', 0))).toBe('NO_AREA_ACCESS');
  });

  it('allows requesting a workflow together with its requested area', () => {
    expect(reasonOf(workflowAccessTransition(withWorkflow(null, 'REQUESTED'), 'PQ', 'REQUEST', 'REQUESTED', 0))).toBe('ALLOWED');
  });

  it.each(['SUSPENDED_REACTIVATION_REQUESTED', 'REMOVED_REACTIVATION_REQUESTED'] as const)('refuses a request for %s while the area is not active', (to) => {
    const from = to === 'SUSPENDED_REACTIVATION_REQUESTED' ? 'SUSPENDED' : 'REMOVED';
    expect(reasonOf(workflowAccessTransition(withWorkflow(from, 'SUSPENDED'), 'PQ', 'REQUEST', to, 0))).toBe('AREA_NOT_ACTIVE');
  });

  it('refuses to activate a workflow inside a suspended area', () => {
    expect(reasonOf(workflowAccessTransition(withWorkflow('SUSPENDED', 'SUSPENDED'), 'PQ', 'REQUEST', 'ACTIVE', 0))).toBe('AREA_NOT_ACTIVE');
  });

  it('refuses a reactivation request while the authority is not active', () => {
    const a = authorityOf({ status: 'SUSPENDED', areas: [{ status: 'ACTIVE', workflows: [{ status: 'SUSPENDED' }] }] });
    expect(reasonOf(workflowAccessTransition(a, 'PQ', 'REQUEST', 'SUSPENDED_REACTIVATION_REQUESTED', 0))).toBe('AUTHORITY_NOT_ACTIVE');
  });

  it('refuses removal while exchanges in the workflow are open', () => {
    expect(reasonOf(workflowAccessTransition(withWorkflow('SUSPENDED'), 'PQ', 'REQUEST', 'REMOVED', 3))).toBe('OPEN_EXCHANGES');
  });
});

describe('role changes', () => {
  it.each(['SUSPENDED', 'REQUESTED'] as const)('allows changing the workflow role while the workflow is %s', (status) => {
    expect(reasonOf(mayChangeWorkflowRole(withWorkflow(status), 'PQ', 'REQUEST'))).toBe('ALLOWED');
  });

  it.each(['ACTIVE', 'REMOVED', 'SUSPENDED_REACTIVATION_REQUESTED'] as const)('refuses changing the workflow role while the workflow is %s', (status) => {
    expect(reasonOf(mayChangeWorkflowRole(withWorkflow(status), 'PQ', 'REQUEST'))).toBe('ROLE_CHANGE_NOT_ALLOWED');
  });

  it('allows changing the workflow role of an authority awaiting registration, whatever the workflow status', () => {
    const a = authorityOf({ status: 'REGISTRATION_REQUESTED', areas: [{ workflows: [{ status: 'ACTIVE' }] }] });
    expect(reasonOf(mayChangeWorkflowRole(a, 'PQ', 'REQUEST'))).toBe('ALLOWED');
  });

  it('refuses a workflow role change for a workflow the authority lacks', () => {
    expect(reasonOf(mayChangeWorkflowRole(withWorkflow(null), 'PQ', 'REQUEST'))).toBe('NO_WORKFLOW_ACCESS');
  });

  it.each(['SUSPENDED', 'REQUESTED'] as const)('allows changing the administrative role while the area is %s', (status) => {
    expect(reasonOf(mayChangeAdministrativeRole(authorityOf({ areas: [{ status }] }), 'PQ'))).toBe('ALLOWED');
  });

  it.each(['ACTIVE', 'REMOVED', 'REMOVED_REACTIVATION_REQUESTED'] as const)('refuses changing the administrative role while the area is %s', (status) => {
    expect(reasonOf(mayChangeAdministrativeRole(authorityOf({ areas: [{ status }] }), 'PQ'))).toBe('ROLE_CHANGE_NOT_ALLOWED');
  });

  it('refuses an administrative role change in an area the authority lacks', () => {
    expect(reasonOf(mayChangeAdministrativeRole(authorityOf(), 'SD'))).toBe('NO_AREA_ACCESS');
  });
});
