// The per-language catalogue of report labels (resources/i18n/reports/*.json), with English as the fallback
// for a language not yet translated and for any key a translation lacks.
import { CATALOGUE_FILES } from '../../../shared/i18n/catalogueFiles';
import type { LanguageCode } from '../../../shared/reference/codes';
import en from '../../../resources/i18n/reports/en.json';

export type ReportLabels = typeof en;

/** Every shipped catalogue of report labels (the generated index of resources/i18n/reports/). */
const CATALOGUES: Partial<Record<LanguageCode, unknown>> = CATALOGUE_FILES.reports;

export interface LabelChoice {
  labels: ReportLabels;
  /** Set when some or all labels are printed in English because `language` has no (complete) catalogue. */
  fallback: { code: 'LABELS_FALLBACK_TO_ENGLISH'; language: LanguageCode; missingKeys: number } | null;
}

type Tree = { [key: string]: string | Tree };

/** Overlays a translation on the English catalogue key by key, counting the keys it had to borrow. */
function overlay(base: Tree, translated: unknown): { merged: Tree; missing: number } {
  const source = typeof translated === 'object' && translated !== null ? (translated as Record<string, unknown>) : {};
  const merged: Tree = {};
  let missing = 0;
  for (const [key, value] of Object.entries(base)) {
    const candidate = source[key];
    if (typeof value === 'string') {
      if (typeof candidate === 'string' && candidate.length > 0) merged[key] = candidate;
      else {
        merged[key] = value;
        missing += 1;
      }
    } else {
      const inner = overlay(value, candidate);
      merged[key] = inner.merged;
      missing += inner.missing;
    }
  }
  return { merged, missing };
}

/** The labels in `language`, from the shipped catalogues (or the given ones), English where a label is missing. */
export function reportLabels(language: LanguageCode, catalogues: Partial<Record<LanguageCode, unknown>> = CATALOGUES): LabelChoice {
  if (language === 'en') return { labels: en, fallback: null };
  const { merged, missing } = overlay(en, catalogues[language]);
  return {
    labels: merged as ReportLabels,
    fallback: missing > 0 ? { code: 'LABELS_FALLBACK_TO_ENGLISH', language, missingKeys: missing } : null,
  };
}

/** Fills `{name}` placeholders of a label. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
