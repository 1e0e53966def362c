// Applies the signed-in user's interface language: a choice just made on the log-in screen (saved as theirs),
// else their saved choice, else their preferred language. (setupI18n keeps <html lang> and the missing-text
// count in step with every change.)
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { takeLoginChoice } from './loginLanguageChoice';

export function useInterfaceLanguage(preferredLanguage: string) {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [loginChoice] = useState(takeLoginChoice);
  const settings = useQuery(trpc.settings.get.queryOptions());
  const save = useMutation(trpc.settings.set.mutationOptions({
    onSuccess: (saved) => queryClient.setQueryData(trpc.settings.get.queryKey(), saved),
    retry: 2,
  }));
  const { mutate } = save;
  useEffect(() => {
    if (loginChoice) mutate({ user: { language: loginChoice } });
  }, [loginChoice, mutate]);
  const saved = settings.data?.user?.language ?? null;
  // The log-in choice holds until it is saved as theirs (also if saving failed: the person chose it a moment ago).
  const language = loginChoice && !save.isSuccess ? loginChoice : saved ?? (settings.isSuccess ? preferredLanguage : null);
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
}
