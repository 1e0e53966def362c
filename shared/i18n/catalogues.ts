// Language catalogues as data (resources/i18n/<domain>/<lang>.json, flat key → text with `{name}` placeholders):
// their checks against English, lookup with a reported English fallback, and Intl formats per LanguageCode.
import { z } from 'zod';
import { LANGUAGE_CODES } from '../reference/codes';
import type { LanguageCode } from '../reference/codes';

export const CATALOGUE_DOMAINS = ['questionSets', 'reference', 'reasons', 'reports'] as const;
export const CatalogueDomain = z.enum(CATALOGUE_DOMAINS);
export type CatalogueDomain = z.infer<typeof CatalogueDomain>;
/** What checkCatalogues can judge: the domains above and the hub's e-mail templates (hub/mail/templates/). */
/** The resource domains, the hub's e-mail templates and the renderer's interface strings (i18next, plural keys). */
export type CheckedDomain = CatalogueDomain | 'mailTemplates' | 'interface';

/** One language's texts of one domain: flat key → text. */
export const Catalogue = z.record(z.string(), z.string());
export type Catalogue = z.infer<typeof Catalogue>;
export type CataloguesByLanguage = Partial<Record<LanguageCode, Catalogue>>;

/** `{name}` marks a placeholder; no ICU syntax, so translators cannot break the format. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholder names a text uses, sorted and without repeats. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

export const CATALOGUE_NOT_FLAT = 'CATALOGUE_NOT_FLAT' as const;
/**
 * Flattens a nested catalogue (the report labels are nested by section) into dotted keys, so every
 * domain is checked the same way; a leaf that is not a string is an error value, not a crash.
 */
export function flattenCatalogue(tree: unknown): { ok: true; catalogue: Catalogue } | { ok: false; code: typeof CATALOGUE_NOT_FLAT; key: string } {
  const catalogue: Catalogue = {};
  const walk = (value: unknown, path: string[]): string | undefined => {
    if (typeof value === 'string') {
      catalogue[path.join('.')] = value;
      return undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return path.join('.');
    for (const [k, v] of Object.entries(value)) {
      const bad = walk(v, [...path, k]);
      if (bad !== undefined) return bad;
    }
    return undefined;
  };
  const bad = walk(tree, []);
  return bad === undefined ? { ok: true, catalogue } : { ok: false, code: CATALOGUE_NOT_FLAT, key: bad };
}

export const CatalogueProblemCode = z.enum(['NO_ENGLISH', 'MISSING_KEY', 'EMPTY_TEXT', 'PLACEHOLDERS_DIFFER', 'UNKNOWN_KEY']);
export type CatalogueProblemCode = z.infer<typeof CatalogueProblemCode>;
export interface CatalogueProblem {
  code: CatalogueProblemCode;
  domain: CheckedDomain;
  language: LanguageCode;
  key?: string;
  /** For PLACEHOLDERS_DIFFER: what English has and what the translation has. */
  expected?: string[];
  found?: string[];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Every way each language's catalogue differs from the English one: missing or empty keys, other placeholders, unknown keys. */
const PLURAL_SUFFIX = /^(.*)_(zero|one|two|few|many|other)$/;

/** The plural categories (CLDR, through Intl) a language needs for a counted text, e.g. pl: one few many other. */
export function pluralCategories(language: LanguageCode): readonly Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(intlLocale(language)).resolvedOptions().pluralCategories;
}

/**
 * The English keys a language must have, with the English text whose placeholders each must carry. Interface
 * catalogues use i18next plural keys: English `x_one`/`x_other` means every language needs `x_<category>` for its
 * own categories (Polish `x_few`, `x_many`; Irish also `x_two`), each with the placeholders of `x_other`.
 */
function expectedKeys(domain: CheckedDomain, english: Catalogue, language: LanguageCode): Map<string, { source: string; plural: boolean }> {
  const expected = new Map<string, { source: string; plural: boolean }>();
  for (const [key, source] of Object.entries(english)) {
    const plural = domain === 'interface' ? PLURAL_SUFFIX.exec(key) : null;
    if (!plural) {
      expected.set(key, { source, plural: false });
      continue;
    }
    const base = plural[1] ?? '';
    const other = english[`${base}_other`] ?? source;
    for (const category of pluralCategories(language)) expected.set(`${base}_${category}`, { source: other, plural: true });
  }
  return expected;
}

export function checkCatalogues(domain: CheckedDomain, byLanguage: CataloguesByLanguage): CatalogueProblem[] {
  const english = byLanguage.en;
  if (!english) return [{ code: 'NO_ENGLISH', domain, language: 'en' }];
  const problems: CatalogueProblem[] = [];
  for (const language of LANGUAGE_CODES) {
    const catalogue = byLanguage[language];
    if (!catalogue) continue;
    const expected = expectedKeys(domain, english, language);
    for (const [key, { source, plural }] of expected) {
      const text = catalogue[key];
      if (text === undefined) problems.push({ code: 'MISSING_KEY', domain, language, key });
      else if (text.trim() === '') problems.push({ code: 'EMPTY_TEXT', domain, language, key });
      else {
        const wanted = placeholdersOf(source);
        const found = placeholdersOf(text);
        // A plural form may leave out the count ("one change" in words), never add a placeholder English lacks.
        const fits = plural ? found.every((name) => wanted.includes(name)) : sameList(wanted, found);
        if (!fits) problems.push({ code: 'PLACEHOLDERS_DIFFER', domain, language, key, expected: wanted, found });
      }
    }
    for (const key of Object.keys(catalogue)) if (!expected.has(key)) problems.push({ code: 'UNKNOWN_KEY', domain, language, key });
  }
  return problems;
}

/** A key looked up in a language that lacks it, so the English text was shown instead. */
export interface MissingTranslation {
  code: 'FELL_BACK_TO_ENGLISH' | 'NO_TEXT';
  key: string;
}
export type TranslationParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing silently. */
export function fillPlaceholders(text: string, params: TranslationParams = {}): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The text for `key` from `catalogue`, else from `fallback` (English), else the key itself. Every
 * fallback is reported through `onMissing`, so gaps are seen rather than silently papered over.
 */
export function translate(
  catalogue: Catalogue | undefined,
  fallback: Catalogue,
  key: string,
  params?: TranslationParams,
  onMissing?: (missing: MissingTranslation) => void,
): string {
  const own = catalogue?.[key];
  if (own) return fillPlaceholders(own, params);
  const english = fallback[key];
  onMissing?.({ code: english ? 'FELL_BACK_TO_ENGLISH' : 'NO_TEXT', key });
  return fillPlaceholders(english || key, params);
}

/** A translator bound to one language that collects what it had to borrow from English. */
export function createTranslator(catalogue: Catalogue | undefined, fallback: Catalogue) {
  const missing: MissingTranslation[] = [];
  const t = (key: string, params?: TranslationParams) => translate(catalogue, fallback, key, params, (m) => missing.push(m));
  return { t, missing: missing as readonly MissingTranslation[] };
}

/** The Intl locale of a language: Intl knows Norwegian Bokmål as `nb`, not `no`. */
export function intlLocale(language: LanguageCode): string {
  return language === 'no' ? 'nb' : language;
}

export function formatDate(date: Date | string, language: LanguageCode, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  return new Intl.DateTimeFormat(intlLocale(language), options).format(typeof date === 'string' ? new Date(date) : date);
}

export function formatNumber(value: number, language: LanguageCode, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}

/** Plural forms by CLDR category; `other` is required because every language has it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form for `count` in `language` (Irish has five, Polish three…), with `{count}` filled in the locale's digits. */
export function plural(count: number, language: LanguageCode, forms: PluralForms): string {
  const category = new Intl.PluralRules(intlLocale(language)).select(count);
  return fillPlaceholders(forms[category] ?? forms.other, { count: formatNumber(count, language) });
}
