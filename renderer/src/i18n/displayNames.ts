// Names of countries and languages in the interface language, from the browser's CLDR data (Intl.DisplayNames),
// so no catalogue has to list them for every language.
import type { CountryCode, LanguageCode } from '../../../shared/reference/codes';

const cache = new Map<string, Intl.DisplayNames>();
function names(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale}:${type}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' });
    cache.set(key, found);
  }
  return found;
}

/** Greece is EL in EU usage but GR in ISO; the codes here are ISO. */
export function countryName(code: CountryCode | string, locale: string): string {
  return names(locale, 'region').of(code) ?? code;
}

export function languageName(code: LanguageCode | string, locale: string): string {
  // Norwegian: `no` is the macrolanguage the spec lists; CLDR names it well.
  return names(locale, 'language').of(code) ?? code;
}

export function formatDate(iso: string | null, locale: string): string {
  if (!iso) return '';
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: iso.length === 10 ? 'UTC' : undefined }).format(date);
}

export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
