import { describe, expect, it } from 'vitest';
import { checkCatalogues, createTranslator, flattenCatalogue, formatDate, formatNumber, intlLocale, plural, translate } from './catalogues';
import type { Catalogue } from './catalogues';

const english: Catalogue = { greeting: 'Hello {name}', bye: 'Goodbye', count: '{count} requests' };
const catalogueWith = (overrides: Record<string, string | undefined>): Catalogue => {
  const c: Catalogue = { greeting: 'Hallo {name}', bye: 'Auf Wiedersehen', count: '{count} Ersuchen' };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete c[k];
    else c[k] = v;
  }
  return c;
};

describe('checkCatalogues', () => {
  it('finds nothing wrong with a complete translation', () => {
    expect(checkCatalogues('reasons', { en: english, de: catalogueWith({}) })).toEqual([]);
  });

  it('names missing, empty, unknown keys and differing placeholders per language', () => {
    const de = catalogueWith({ bye: undefined, count: '  ', extra: 'Zusatz', greeting: 'Hallo {nom}' });
    const codes = checkCatalogues('reasons', { en: english, de }).map((p) => `${p.code}:${p.language}:${p.key}`);
    expect(codes.sort()).toEqual(['EMPTY_TEXT:de:count', 'MISSING_KEY:de:bye', 'PLACEHOLDERS_DIFFER:de:greeting', 'UNKNOWN_KEY:de:extra']);
  });

  it('refuses to judge without the English catalogue', () => {
    expect(checkCatalogues('reports', { de: catalogueWith({}) })).toEqual([{ code: 'NO_ENGLISH', domain: 'reports', language: 'en' }]);
  });
});

describe('flattenCatalogue', () => {
  it('turns nested sections into dotted keys', () => {
    expect(flattenCatalogue({ header: { status: 'Status' }, title: 'T' })).toEqual({ ok: true, catalogue: { 'header.status': 'Status', title: 'T' } });
  });

  it('reports a leaf that is not text', () => {
    expect(flattenCatalogue({ header: { pages: 3 } })).toEqual({ ok: false, code: 'CATALOGUE_NOT_FLAT', key: 'header.pages' });
  });
});

describe('translate', () => {
  it('fills placeholders from the language catalogue without reporting anything', () => {
    const missing: unknown[] = [];
    expect(translate(catalogueWith({}), english, 'greeting', { name: 'Anna' }, (m) => missing.push(m))).toBe('Hallo Anna');
    expect(missing).toEqual([]);
  });

  it('falls back to English and reports the fallback', () => {
    const missing: unknown[] = [];
    expect(translate(catalogueWith({ bye: undefined }), english, 'bye', {}, (m) => missing.push(m))).toBe('Goodbye');
    expect(missing).toEqual([{ code: 'FELL_BACK_TO_ENGLISH', key: 'bye' }]);
  });

  it('shows the key when even English lacks it, and says so', () => {
    const { t, missing } = createTranslator(undefined, english);
    expect(t('nowhere')).toBe('nowhere');
    expect(missing).toEqual([{ code: 'NO_TEXT', key: 'nowhere' }]);
  });

  it('leaves a placeholder visible when no value is given', () => {
    expect(translate(undefined, english, 'greeting')).toBe('Hello {name}');
  });
});

describe('Intl formats per language', () => {
  it('maps Norwegian to Bokmål for Intl', () => {
    expect(intlLocale('no')).toBe('nb');
    expect(formatDate('2030-03-01T09:00:00.000Z', 'no', { month: 'long', timeZone: 'UTC' })).toBe('mars');
  });

  it('writes dates in the language and script of the reader', () => {
    expect(formatDate('2030-03-01T09:00:00.000Z', 'el', { month: 'long', timeZone: 'UTC' })).toBe('Μαρτίου');
    expect(formatDate('2030-03-01T09:00:00.000Z', 'hu', { dateStyle: 'long', timeZone: 'UTC' })).toBe('2030. március 1.');
  });

  it('groups digits the local way', () => {
    expect(formatNumber(63351.5, 'de')).toBe('63.351,5');
    expect(formatNumber(1234567, 'fr').replace(/\s/g, ' ')).toBe('1 234 567');
  });

  it('picks the plural form of the language', () => {
    const pl = { one: '{count} wniosek', few: '{count} wnioski', many: '{count} wniosków', other: '{count} wniosku' };
    expect([1, 2, 5, 22].map((n) => plural(n, 'pl', pl))).toEqual(['1 wniosek', '2 wnioski', '5 wniosków', '22 wnioski']);
    const ga = { one: '{count} iarratas', two: '{count} iarratas', few: '{count} iarratas', many: '{count} n-iarratas', other: '{count} iarratas' };
    expect(plural(7, 'ga', ga)).toBe('7 n-iarratas');
  });
});
