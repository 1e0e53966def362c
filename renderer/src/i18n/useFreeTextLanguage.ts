// The language free text is recorded in by default: the interface language (the user can change it per field).
import { useTranslation } from 'react-i18next';
import { LanguageCode } from '../../../shared/reference/codes';

export function useFreeTextLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  return LanguageCode.catch('en').parse(i18n.language);
}

export function useLocalize() {
  const language = useFreeTextLanguage();
  return (text: Partial<Record<LanguageCode, string>>) => text[language] ?? text.en ?? '';
}
