// The SPEC §4 user invariants, the change check the hub runs, and the first user's rights.
import { describe, expect, it } from 'vitest';
import { authorityOf } from '../authority/authority.testkit';
import { checkUserChange, firstUserRights, ldaAlertRights, userInvariantViolations, withImpliedRights } from './invariants';
import { ldaHandler, userOf } from './user.testkit';

const ca = authorityOf();
const coordinator = authorityOf({ areas: [{ role: 'LIMIC', workflows: [{ coordinator: true }] }] });
const sdAuthority = authorityOf({ areas: [{ area: 'SD', workflows: [{}, { workflow: 'ALERT' }] }] });

describe('userInvariantViolations', () => {
  it('accepts a competent authority with one LDA who handles requests', () => {
    expect(userInvariantViolations(ca, [ldaHandler()])).toEqual([]);
  });

  it('requires an LDA', () => {
    expect(userInvariantViolations(ca, [userOf({ rights: [{ roles: ['REQUEST_HANDLER'] }] })])).toEqual([{ code: 'NO_LDA' }]);
  });

  it('does not count deactivated users, but counts blocked ones', () => {
    expect(userInvariantViolations(ca, [{ ...ldaHandler(), status: 'DEACTIVATED' }])).toEqual([
      { code: 'NO_LDA' }, { code: 'NO_REQUEST_HANDLER', area: 'PQ' },
    ]);
    expect(userInvariantViolations(ca, [{ ...ldaHandler(), status: 'BLOCKED' }])).toEqual([]);
  });

  it('does not count users of another authority', () => {
    expect(userInvariantViolations(ca, [ldaHandler('someone-else')])).toHaveLength(2);
  });

  it('requires a request handler in each area with request access', () => {
    const twoAreas = authorityOf({ areas: [{ area: 'PQ' }, { area: 'PR' }] });
    expect(userInvariantViolations(twoAreas, [ldaHandler()])).toEqual([{ code: 'NO_REQUEST_HANDLER', area: 'PR' }]);
  });

  it('stops requiring a request handler once the request access is removed', () => {
    const removed = authorityOf({ areas: [{ area: 'PQ', status: 'SUSPENDED', workflows: [{ status: 'REMOVED' }] }] });
    expect(userInvariantViolations(removed, [userOf({ generalRoles: ['LDA'] })])).toEqual([]);
  });

  it('requires an allocator while the authority uses allocation', () => {
    const allocating = authorityOf({ usesAllocation: true });
    expect(userInvariantViolations(allocating, [ldaHandler()])).toEqual([{ code: 'NO_ALLOCATOR', area: 'PQ' }]);
    const allocator = userOf({ rights: [{ roles: ['ALLOCATOR'] }] });
    expect(userInvariantViolations(allocating, [ldaHandler(), allocator])).toEqual([]);
  });

  it('requires a referral handler and a data administrator in a request coordinator', () => {
    expect(userInvariantViolations(coordinator, [ldaHandler()])).toEqual([
      { code: 'NO_REFERRAL_HANDLER', area: 'PQ' }, { code: 'NO_DATA_ADMINISTRATOR', area: 'PQ' },
    ]);
  });

  it('requires the data administrator to administer that very area', () => {
    const wrongArea = userOf({ generalRoles: ['DATA_ADMINISTRATOR'], dataAdministratorAreas: ['SD'], rights: [{ roles: ['REFERRAL_HANDLER'] }] });
    const rightArea = userOf({ generalRoles: ['DATA_ADMINISTRATOR'], dataAdministratorAreas: ['PQ'], rights: [{ roles: ['REFERRAL_HANDLER'] }] });
    expect(userInvariantViolations(coordinator, [ldaHandler(), wrongArea])).toEqual([{ code: 'NO_DATA_ADMINISTRATOR', area: 'PQ' }]);
    expect(userInvariantViolations(coordinator, [ldaHandler(), rightArea])).toEqual([]);
  });

  it('requires a data administrator in a coordinator that is a plain request authority in the area', () => {
    const dimic = authorityOf({ areas: [{ role: 'DIMIC' }] });
    expect(userInvariantViolations(dimic, [ldaHandler()])).toEqual([{ code: 'NO_DATA_ADMINISTRATOR', area: 'PQ' }]);
  });

  it('checks request roles in the request workflow only', () => {
    const alertHandler = userOf({ generalRoles: ['LDA'], rights: [{ area: 'SD', workflow: 'ALERT', roles: ['ALERT_HANDLER'] }] });
    expect(userInvariantViolations(sdAuthority, [alertHandler])).toEqual([{ code: 'NO_REQUEST_HANDLER', area: 'SD' }]);
  });
});

describe('checkUserChange', () => {
  it('reports a change that removes the last LDA', () => {
    const lda = ldaHandler();
    expect(checkUserChange(ca, [lda], [{ ...lda, generalRoles: ['BASIC_USER'] }])).toEqual([{ code: 'NO_LDA' }]);
  });

  it('reports deactivating the last request handler', () => {
    const lda = userOf({ generalRoles: ['LDA'] });
    const handler = userOf({ rights: [{ roles: ['REQUEST_HANDLER'] }] });
    expect(checkUserChange(ca, [lda, handler], [lda, { ...handler, status: 'DEACTIVATED' }])).toEqual([{ code: 'NO_REQUEST_HANDLER', area: 'PQ' }]);
  });

  it('allows a change that keeps every invariant', () => {
    const [a, b] = [ldaHandler(), ldaHandler()];
    expect(checkUserChange(ca, [a, b], [a, { ...b, generalRoles: ['BASIC_USER'] }])).toEqual([]);
  });

  it('does not blame a change for violations that already existed', () => {
    const handler = userOf({ rights: [{ roles: ['REQUEST_HANDLER'] }] });
    const viewer = userOf({ rights: [{ roles: ['REQUEST_VIEWER'] }] });
    expect(checkUserChange(ca, [handler], [handler, viewer])).toEqual([]);
  });
});

describe('firstUserRights', () => {
  it('gives the first user of a competent authority LDA and every request right but referral handling', () => {
    expect(firstUserRights(ca)).toEqual({
      generalRoles: ['LDA', 'BASIC_USER'],
      dataAdministratorAreas: [],
      rights: [{ area: 'PQ', workflow: 'REQUEST', roles: ['REQUEST_VIEWER', 'REQUEST_HANDLER', 'ALLOCATOR'] }],
    });
  });

  it('gives the first user of a coordinator data administration and referral handling', () => {
    const rights = firstUserRights(coordinator);
    expect(rights.generalRoles).toContain('DATA_ADMINISTRATOR');
    expect(rights.dataAdministratorAreas).toEqual(['PQ']);
    expect(rights.rights[0]?.roles).toContain('REFERRAL_HANDLER');
  });

  it('gives a first user who satisfies every invariant of the authority', () => {
    for (const authority of [ca, coordinator, sdAuthority, authorityOf({ usesAllocation: true })]) {
      const first = userOf({ authorityId: authority.id, ...firstUserRights(authority) });
      expect(userInvariantViolations(authority, [first])).toEqual([]);
    }
  });

  it('leaves out removed access', () => {
    const removed = authorityOf({ areas: [{ status: 'REMOVED', workflows: [{ status: 'REMOVED' }] }] });
    expect(firstUserRights(removed).rights).toEqual([]);
  });

  it('includes the alert rights, with dissemination only for an alert coordinator', () => {
    expect(firstUserRights(sdAuthority).rights).toContainEqual({ area: 'SD', workflow: 'ALERT', roles: ['ALERT_VIEWER', 'ALERT_HANDLER'] });
    const alertCoordinator = authorityOf({ areas: [{ area: 'SD', workflows: [{ workflow: 'ALERT', coordinator: true }] }] });
    expect(firstUserRights(alertCoordinator).rights[0]?.roles).toContain('ALERT_DISSEMINATOR');
  });
});

describe('LDA alert rights', () => {
  it('has no alert rights to give when the authority lacks the alert workflow', () => {
    expect(ldaAlertRights(ca)).toEqual([]);
  });

  it('gives every LDA all alert rights, merged with what the LDA already holds', () => {
    const lda = userOf({ authorityId: sdAuthority.id, generalRoles: ['LDA'], rights: [{ area: 'SD', roles: ['REQUEST_HANDLER'] }, { area: 'SD', workflow: 'ALERT', roles: ['ALERT_VIEWER'] }] });
    expect(withImpliedRights(sdAuthority, lda).rights).toEqual([
      { area: 'SD', workflow: 'REQUEST', roles: ['REQUEST_HANDLER'] },
      { area: 'SD', workflow: 'ALERT', roles: ['ALERT_VIEWER', 'ALERT_HANDLER'] },
    ]);
  });

  it('leaves users who are not LDAs unchanged', () => {
    const plain = userOf({ authorityId: sdAuthority.id });
    expect(withImpliedRights(sdAuthority, plain)).toBe(plain);
  });
});
