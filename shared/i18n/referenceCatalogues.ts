// The bridge between the reference data's LocalizedText fields and the `questionSets`/`reference`
// catalogues: the English catalogues are extracted from the data, translations are merged back into it.
import { LANGUAGE_CODES } from '../reference/codes';
import type { LanguageCode } from '../reference/codes';
import type { ReferenceData } from '../reference/referenceData';
import { checkCatalogues } from './catalogues';
import type { Catalogue, CatalogueProblem, CataloguesByLanguage } from './catalogues';
import { mapLocalizedTexts } from './localizedPaths';
import type { TextByLanguage } from './localizedPaths';

export type ReferenceDomain = 'questionSets' | 'reference';
export type ReferenceCatalogues = Record<ReferenceDomain, CataloguesByLanguage>;

/**
 * Copies the data, passing each text to `replace` with its domain and key. Question-set keys start with
 * the set's id (`pq-diploma-authenticity.questions.q1.text`); the rest with the part's name
 * (`legislativeAreas.PQ.keywords.recognition-of-qualifications.label`).
 */
function mapReferenceTexts(data: ReferenceData, replace: (domain: ReferenceDomain, key: string, text: TextByLanguage) => TextByLanguage): ReferenceData {
  const copy: Record<string, unknown> = {};
  for (const [part, items] of Object.entries(data)) {
    copy[part] =
      part === 'questionSets'
        ? data.questionSets.map((set) => mapLocalizedTexts(set, [set.id], (key, text) => replace('questionSets', key, text)))
        : mapLocalizedTexts(items, [part], (key, text) => replace('reference', key, text));
  }
  return copy as ReferenceData;
}

export const DUPLICATE_CATALOGUE_KEY = 'DUPLICATE_CATALOGUE_KEY' as const;

/** The English catalogues of the data, in document order; two texts with one key are an error value. */
export function englishReferenceCatalogues(
  data: ReferenceData,
): { ok: true; catalogues: Record<ReferenceDomain, Catalogue> } | { ok: false; code: typeof DUPLICATE_CATALOGUE_KEY; keys: string[] } {
  const catalogues: Record<ReferenceDomain, Catalogue> = { questionSets: {}, reference: {} };
  const duplicates: string[] = [];
  mapReferenceTexts(data, (domain, key, text) => {
    if (key in catalogues[domain]) duplicates.push(`${domain}:${key}`);
    catalogues[domain][key] = text.en ?? '';
    return text;
  });
  return duplicates.length ? { ok: false, code: DUPLICATE_CATALOGUE_KEY, keys: duplicates } : { ok: true, catalogues };
}

/** What start-up could not translate: problems of a catalogue, or a language with no catalogue at all. */
export type TranslationGap = CatalogueProblem | { code: 'NO_CATALOGUE'; domain: ReferenceDomain; language: LanguageCode };

/**
 * Writes each translation into the data's LocalizedText fields, so `localize(text, 'hu')` reads the
 * Hungarian catalogue. A key a language lacks stays absent, so `localize` falls back to English; every
 * such gap (and every key no longer in the data) is listed rather than refused, so start-up never fails on it.
 */
export function localizeReferenceData(data: ReferenceData, catalogues: ReferenceCatalogues): { data: ReferenceData; gaps: TranslationGap[] } {
  const english = englishReferenceCatalogues(data);
  const gaps: TranslationGap[] = [];
  if (english.ok) {
    for (const domain of ['questionSets', 'reference'] as const) {
      gaps.push(...checkCatalogues(domain, { ...catalogues[domain], en: english.catalogues[domain] }));
      for (const language of LANGUAGE_CODES) if (!catalogues[domain][language] && language !== 'en') gaps.push({ code: 'NO_CATALOGUE', domain, language });
    }
  }
  const merged = mapReferenceTexts(data, (domain, key, text) => {
    const translated: Record<string, string> = { ...text } as Record<string, string>;
    for (const language of LANGUAGE_CODES) {
      // English stays as the data has it: the JSON sources are the English source of truth.
      const value = language === 'en' ? undefined : catalogues[domain][language]?.[key];
      if (value && value.trim() !== '') translated[language] = value;
    }
    return translated;
  });
  return { data: merged, gaps };
}
