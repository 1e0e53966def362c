import { describe, expect, it } from 'vitest';
import type { Authority } from '../../shared/authority/authority';
import { demoAuthorities } from '../demo/demoData';
import { applyOwnAuthorityPatch, checkLinks, isSubstantialTitleChange } from './ownAuthorityChange';

const directory = new Map(demoAuthorities().map((a) => [a.id, a]));
const authority = (id: string, change: Partial<Authority> = {}): Authority => {
  const found = directory.get(id);
  if (!found) throw new Error(`no demo authority ${id}`);
  return { ...found, ...change };
};
const lookupWith = (...replacements: Authority[]) => (id: string) => replacements.find((a) => a.id === id) ?? directory.get(id);

describe('isSubstantialTitleChange', () => {
  it('treats case, spacing and punctuation as cosmetic', () => {
    expect(isSubstantialTitleChange({ en: 'Ministry of Health' }, { en: 'ministry  of health.' })).toBe(false);
  });
  it('treats other words, or a language added or dropped, as substantial', () => {
    expect(isSubstantialTitleChange({ en: 'Ministry of Health' }, { en: 'Ministry of Welfare' })).toBe(true);
    expect(isSubstantialTitleChange({ en: 'Ministry of Health' }, { en: 'Ministry of Health', it: 'Ministero della Salute' })).toBe(true);
  });
});

describe('checkLinks', () => {
  it('accepts same-country active authorities, deduplicated and sorted', () => {
    expect(checkLinks(authority('it-salute'), ['it-omceo-roma', 'it-cciaa-milano', 'it-omceo-roma'], lookupWith())).toEqual({ ok: true, value: ['it-cciaa-milano', 'it-omceo-roma'] });
  });
  it('refuses a newly linked authority that is not ACTIVE but keeps one linked before it was suspended', () => {
    const suspended = authority('it-omceo-roma', { status: 'SUSPENDED' });
    expect(checkLinks(authority('it-salute'), ['it-omceo-roma'], lookupWith(suspended))).toEqual({ ok: false, reason: 'LINKED_AUTHORITY_NOT_ACTIVE', details: { authorityIds: ['it-omceo-roma'] } });
    expect(checkLinks(authority('it-salute', { linkedAuthorityIds: ['it-omceo-roma'] }), ['it-omceo-roma'], lookupWith(suspended)).ok).toBe(true);
  });
});

describe('applyOwnAuthorityPatch', () => {
  it('refuses a new official name but accepts the current one unchanged', () => {
    const before = authority('it-salute');
    expect(applyOwnAuthorityPatch(before, { officialName: 'Altro nome' }, []).ok).toBe(false);
    expect(applyOwnAuthorityPatch(before, { officialName: before.officialName, website: 'https://www.salute.gov.it' }, [])).toMatchObject({ ok: true, value: { changed: ['website'] } });
  });
  it('names no field when nothing changes', () => {
    const before = authority('it-salute');
    expect(applyOwnAuthorityPatch(before, { description: before.description }, before.linkedAuthorityIds)).toMatchObject({ ok: true, value: { changed: [] } });
  });
});
