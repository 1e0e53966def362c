// The interface language, persisted in the user's desk settings and applied to i18n and the page's lang.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, LanguageCode } from '../../../shared/reference/codes';
import { useTRPC } from '../api/trpc';
import { languageName } from '../i18n/displayNames';
import { SelectField } from '../ui/SelectField';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The saved settings become the cached ones at once, so the language effect never reverts the choice.
  const save = useMutation(trpc.settings.set.mutationOptions({
    onSuccess: (settings) => queryClient.setQueryData(trpc.settings.get.queryKey(), settings),
  }));
  // Each language named in itself, as language menus usually do.
  const options = LANGUAGE_CODES.map((code) => ({ id: code, label: languageName(code, code) }));
  return (
    <SelectField
      className="language-switch"
      label={t('settings.language')}
      options={options}
      value={i18n.language}
      onChange={(value) => {
        const parsed = LanguageCode.safeParse(value);
        if (!parsed.success) return;
        void i18n.changeLanguage(parsed.data);
        save.mutate({ user: { language: parsed.data } });
      }}
    />
  );
}
