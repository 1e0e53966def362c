// Applies the signed-in user's interface language: their saved choice, else their preferred language.
// (setupI18n keeps <html lang> and the missing-text count in step with every change.)
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';

export function useInterfaceLanguage(preferredLanguage: string) {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const language = settings.data?.user?.language ?? (settings.isSuccess ? preferredLanguage : null);
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
}
