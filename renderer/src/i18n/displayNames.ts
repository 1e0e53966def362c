// Names of countries, languages and legislative areas in the interface language, from the shared catalogues
// of resources/i18n/reference (the same names the reports and e-mails use); for a language without that
// catalogue, country and language names come from the browser's CLDR data (Intl.DisplayNames), which
// knows every EU language, so no catalogue has to list them twice. Dates and numbers are Intl too.
import i18next from 'i18next';
import { intlLocale } from '../../../shared/i18n/catalogues';
import { LanguageCode } from '../../../shared/reference/codes';
import type { CountryCode, LegislativeArea } from '../../../shared/reference/codes';

/** The Intl locale of an interface language (`no` is Bokmål, `nb`, to Intl). */
export function localeOf(language: string): string {
  const code = LanguageCode.safeParse(language);
  return code.success ? intlLocale(code.data) : language;
}

const cache = new Map<string, Intl.DisplayNames>();
function names(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale}:${type}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DisplayNames([localeOf(locale), 'en'], { type, fallback: 'code' });
    cache.set(key, found);
  }
  return found;
}

/** A text of the shared reference catalogue in exactly this language, if that catalogue has it. */
function sharedName(language: string, key: string): string | undefined {
  const text: unknown = i18next.getResource(language, 'reference', key);
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

/** Greece is EL in EU usage but GR in ISO; the codes here are ISO. */
export function countryName(code: CountryCode | string, locale: string): string {
  return sharedName(locale, `countries.${code}.name`) ?? names(locale, 'region').of(code) ?? code;
}

export function languageName(code: LanguageCode | string, locale: string): string {
  return sharedName(locale, `languages.${code}.name`) ?? names(locale, 'language').of(code) ?? code;
}

/**
 * Each language named in itself (CLDR endonyms, capitalised as a menu entry). A fixed list rather than Intl: a
 * browser built with a reduced ICU (Debian's Chromium) has no data for e.g. Irish, Maltese or Icelandic and would
 * name them in English, and the shared catalogues of all 26 languages are too much to load for one menu.
 */
const ENDONYMS: Readonly<Record<LanguageCode, string>> = {
  bg: 'Български', cs: 'Čeština', da: 'Dansk', de: 'Deutsch', el: 'Ελληνικά', en: 'English', es: 'Español', et: 'Eesti',
  fi: 'Suomi', fr: 'Français', ga: 'Gaeilge', hr: 'Hrvatski', hu: 'Magyar', it: 'Italiano', lt: 'Lietuvių', lv: 'Latviešu',
  mt: 'Malti', nl: 'Nederlands', pl: 'Polski', pt: 'Português', ro: 'Română', sk: 'Slovenčina', sl: 'Slovenščina',
  sv: 'Svenska', is: 'Íslenska', no: 'Norsk',
};

export function ownLanguageName(code: LanguageCode): string {
  return ENDONYMS[code];
}

/** A legislative area's title; languages without the catalogue fall back to English like every other text. */
export function areaName(area: LegislativeArea | string, language: string): string {
  return sharedName(language, `legislativeAreas.${area}.title`) ?? sharedName('en', `legislativeAreas.${area}.title`) ?? area;
}

export function formatDate(iso: string | null, locale: string): string {
  if (!iso) return '';
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(localeOf(locale), { dateStyle: 'medium', timeZone: iso.length === 10 ? 'UTC' : undefined }).format(date);
}

export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(localeOf(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(localeOf(locale)).format(value);
}
