// Sets up i18next with the interface catalogues of renderer/i18n/ (English complete; others fall back to it).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../i18n/en.json';
import type { LanguageCode } from '../../../shared/reference/codes';

export async function setupI18n(language: LanguageCode = 'en'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
