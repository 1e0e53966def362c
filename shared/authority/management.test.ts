// Who may manage whom (SPEC §3.3): higher level only, same country, SDIMICs within their region.
import { describe, expect, it } from 'vitest';
import type { AccessDecision } from './accessReasons';
import type { AdministrativeRole } from './authority';
import { defaultAlertFlags, defaultRequestFlags } from './authority';
import { administrativeRoleIn, managementParty, mayManage } from './management';
import { authorityOf } from './authority.testkit';

const reasonOf = (d: AccessDecision<unknown>) => (d.ok ? 'ALLOWED' : d.rejection.reason);
const party = (role: AdministrativeRole, region = '', country: 'DE' | 'AT' = 'DE') => ({ country, region, role });

describe('mayManage', () => {
  it.each([
    ['NIMIC', 'SDIMIC'], ['NIMIC', 'LIMIC'], ['NIMIC', 'DIMIC'], ['NIMIC', 'CA'],
    ['SDIMIC', 'LIMIC'], ['SDIMIC', 'DIMIC'], ['SDIMIC', 'CA'],
    ['LIMIC', 'DIMIC'], ['LIMIC', 'CA'],
    ['DIMIC', 'CA'],
  ] as const)('lets a %s manage a %s', (coordinator, target) => {
    expect(reasonOf(mayManage(party(coordinator), party(target)))).toBe('ALLOWED');
  });

  it.each([
    ['NIMIC', 'NIMIC'], ['SDIMIC', 'SDIMIC'], ['SDIMIC', 'NIMIC'], ['LIMIC', 'LIMIC'], ['LIMIC', 'SDIMIC'], ['DIMIC', 'DIMIC'], ['DIMIC', 'LIMIC'],
  ] as const)('refuses a %s managing a %s (not a higher level)', (coordinator, target) => {
    expect(reasonOf(mayManage(party(coordinator), party(target)))).toBe('NOT_HIGHER_LEVEL');
  });

  it('refuses a competent authority managing anyone', () => {
    expect(reasonOf(mayManage(party('CA'), party('CA')))).toBe('NOT_A_COORDINATOR');
  });

  it('refuses managing an authority of another country', () => {
    expect(reasonOf(mayManage(party('NIMIC'), party('CA', '', 'AT')))).toBe('OTHER_COUNTRY');
  });

  it('keeps an SDIMIC within its region, ignoring case and spacing', () => {
    expect(reasonOf(mayManage(party('SDIMIC', 'Bayern'), party('CA', 'Hessen')))).toBe('OTHER_REGION');
    expect(reasonOf(mayManage(party('SDIMIC', 'Bayern'), party('CA', ' bayern ')))).toBe('ALLOWED');
    expect(reasonOf(mayManage(party('NIMIC', 'Berlin'), party('CA', 'Hessen')))).toBe('ALLOWED');
  });
});

describe('administrativeRoleIn', () => {
  it('gives a NIMIC its role in every area, even one its access does not list', () => {
    expect(administrativeRoleIn(authorityOf({ areas: [{ area: 'PQ', role: 'NIMIC' }] }), 'SD')).toBe('NIMIC');
  });

  it('gives other authorities the role of their access to that area, or none', () => {
    const ministry = authorityOf({ areas: [{ area: 'SD', role: 'DIMIC' }, { area: 'PQ', role: 'CA' }] });
    expect(administrativeRoleIn(ministry, 'SD')).toBe('DIMIC');
    expect(administrativeRoleIn(ministry, 'PQ')).toBe('CA');
    expect(administrativeRoleIn(ministry, 'PR')).toBeUndefined();
    expect(managementParty(ministry, 'PR')).toBeUndefined();
  });

  it('lets a DIMIC manage a CA only in the area where it is a DIMIC', () => {
    const ministry = authorityOf({ areas: [{ area: 'SD', role: 'DIMIC' }, { area: 'PQ', role: 'CA' }] });
    const ca = authorityOf({ id: 'ca', areas: [{ area: 'SD' }, { area: 'PQ' }] });
    const decide = (area: 'SD' | 'PQ') => {
      const [c, t] = [managementParty(ministry, area), managementParty(ca, area)];
      return c && t ? reasonOf(mayManage(c, t)) : 'NO_PARTY';
    };
    expect(decide('SD')).toBe('ALLOWED');
    expect(decide('PQ')).toBe('NOT_A_COORDINATOR');
  });
});

describe('flag defaults', () => {
  it('starts request access with the SPEC §3.4 defaults', () => {
    expect(defaultRequestFlags()).toEqual({
      subjectToApproval: false, mayRefuseRequests: false, mayAcceptIncomingRequests: true,
      participatesInReferral: true, approvesRequests: false, approvesReplies: false,
    });
  });

  it('starts alert access without final approval and without the postbox', () => {
    expect(defaultAlertFlags()).toEqual({ finalApproval: false, incomingAlertPostbox: false });
  });

  it('starts an authority without allocation', () => {
    expect(authorityOf().usesAllocation).toBe(false);
  });
});
