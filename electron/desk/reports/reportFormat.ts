// Dates, numbers, sizes, country and language names formatted with Intl in the report's language, so a
// report reads the same whatever the interface language of the desk is.
import type { LanguageCode } from '../../../shared/reference/codes';

export interface ReportFormat {
  /** A calendar date (`YYYY-MM-DD`), printed without shifting it through a time zone. */
  date(isoDate: string): string;
  /** An instant, printed in the report's time zone with the zone named. */
  dateTime(iso: string): string;
  number(n: number): string;
  bytes(size: number): string;
  country(code: string): string;
  language(code: string): string;
}

/** `no` is the IMI code for Norwegian; ICU knows Norwegian Bokmål formats best under `nb`. */
const intlLocale = (language: LanguageCode): string => (language === 'no' ? 'nb' : language);

export function reportFormat(language: LanguageCode, timeZone: string): ReportFormat {
  const locale = intlLocale(language);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const zoneName = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
  const numberFormat = new Intl.NumberFormat(locale);
  const kiloFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  const megaFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const countries = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  return {
    date: (isoDate) => {
      const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDate : dateFormat.format(d);
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      const zone = zoneName.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
      return zone ? `${dateTimeFormat.format(d)} ${zone}` : dateTimeFormat.format(d);
    },
    number: (n) => numberFormat.format(n),
    bytes: (size) => (size >= 1024 * 1024 ? megaFormat.format(size / (1024 * 1024)) : kiloFormat.format(Math.max(size / 1024, 0.1))),
    country: (code) => (code === 'EU' ? code : countries.of(code) ?? code),
    language: (code) => languages.of(code === 'no' ? 'nb' : code) ?? code,
  };
}
