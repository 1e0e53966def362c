// Sets up i18next: English bundled, every other language loaded when first chosen (catalogueLoader); a text a
// language lacks falls back to English and is reported (missingTranslations). Keeps <html lang> in step.
import i18next from 'i18next';
import type { BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { intlLocale } from '../../../shared/i18n/catalogues';
import { LanguageCode } from '../../../shared/reference/codes';
import { englishInterface, loadCatalogue, NAMESPACES } from './catalogueLoader';
import { publishMissing, recordMissing } from './missingTranslations';

const lazyCatalogues: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read: (language, namespace, callback) => {
    loadCatalogue(language, namespace).then(
      (catalogue) => {
        if (namespace === 'translation') recordMissing(language, catalogue, englishInterface);
        callback(null, catalogue);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** The language the log-in screen was last shown in on this workstation (before anyone is signed in). */
const WORKSTATION_LANGUAGE_KEY = 'imi-desk.language';

export function workstationLanguage(): LanguageCode {
  try {
    return LanguageCode.catch('en').parse(window.localStorage.getItem(WORKSTATION_LANGUAGE_KEY) ?? 'en');
  } catch {
    return 'en';
  }
}

export function rememberWorkstationLanguage(language: LanguageCode): void {
  try {
    window.localStorage.setItem(WORKSTATION_LANGUAGE_KEY, language);
  } catch {
    // Storage may be disabled; the choice then lasts until the page is reloaded.
  }
}

function applyToPage(language: string): void {
  const code = LanguageCode.safeParse(language);
  document.documentElement.lang = code.success ? intlLocale(code.data) : language;
  publishMissing(language);
}

export async function setupI18n(language: LanguageCode = workstationLanguage()): Promise<typeof i18next> {
  i18next.on('languageChanged', applyToPage);
  await i18next.use(lazyCatalogues).use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LanguageCode.options],
    load: 'currentOnly',
    ns: [...NAMESPACES],
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Without Suspense: while a language loads, the screen keeps the texts it has and re-renders once loaded.
    react: { useSuspense: false, bindI18n: 'languageChanged loaded' },
  });
  applyToPage(i18next.language);
  return i18next;
}
