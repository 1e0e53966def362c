// Canonical codes of SPEC §2: countries, languages, legislative areas, workflows.
import { z } from 'zod';

export const EU_COUNTRY_CODES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU',
  'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;
export const EEA_COUNTRY_CODES = [...EU_COUNTRY_CODES, 'IS', 'LI', 'NO'] as const;
export const CountryCode = z.enum(EEA_COUNTRY_CODES);
export type CountryCode = z.infer<typeof CountryCode>;
/** The Commission as a pseudo-country for alert recipients. */
export const COMMISSION_PSEUDO_COUNTRY = 'EU' as const;

export const LANGUAGE_CODES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl',
  'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'is', 'no',
] as const;
export const LanguageCode = z.enum(LANGUAGE_CODES);
export type LanguageCode = z.infer<typeof LanguageCode>;
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

export const LEGISLATIVE_AREAS = ['PQ', 'SD', 'PR'] as const;
export const LegislativeArea = z.enum(LEGISLATIVE_AREAS);
export type LegislativeArea = z.infer<typeof LegislativeArea>;

export const WORKFLOWS = ['REQUEST', 'ALERT'] as const;
export const Workflow = z.enum(WORKFLOWS);
export type Workflow = z.infer<typeof Workflow>;

/** Which workflows each legislative area offers (SPEC §2). */
export const WORKFLOWS_BY_AREA: Readonly<Record<LegislativeArea, readonly Workflow[]>> = {
  PQ: ['REQUEST'],
  SD: ['REQUEST', 'ALERT'],
  PR: ['REQUEST'],
};
