// Interface texts a language's catalogue lacks (English is shown instead): logged to the console once per
// language and published on <html data-missing-translations> and window.imiI18n for tests and translators.
import { checkCatalogues, flattenCatalogue } from '../../../shared/i18n/catalogues';
import type { Catalogue } from '../../../shared/i18n/catalogues';
import { LanguageCode } from '../../../shared/reference/codes';

const missingByLanguage = new Map<string, string[]>();

function flat(tree: unknown): Catalogue {
  const result = flattenCatalogue(tree);
  return result.ok ? result.catalogue : {};
}

/** Compares a language's interface catalogue with English (plural keys by the language's own categories). */
export function recordMissing(language: string, catalogue: unknown, english: unknown): string[] {
  const code = LanguageCode.safeParse(language);
  if (!code.success || code.data === 'en') {
    missingByLanguage.set(language, []);
    return [];
  }
  const problems = checkCatalogues('interface', { en: flat(english), [code.data]: flat(catalogue) });
  const missing = problems.filter((p) => p.code === 'MISSING_KEY' || p.code === 'EMPTY_TEXT').map((p) => p.key ?? '');
  missingByLanguage.set(language, missing);
  if (missing.length > 0) {
    console.warn(`i18n: ${missing.length} interface texts missing in "${language}", shown in English:`, missing);
  }
  return missing;
}

export function missingTranslations(language: string): readonly string[] {
  return missingByLanguage.get(language) ?? [];
}

/** Shows the count of the language now in use where a test (or a curious translator) can read it. */
export function publishMissing(language: string): void {
  document.documentElement.dataset.missingTranslations = String(missingTranslations(language).length);
}

declare global {
  interface Window {
    imiI18n?: { missing: (language: string) => readonly string[] };
  }
}
window.imiI18n = { missing: missingTranslations };
