// The interface language menu, each language named in itself. Signed in, the choice is saved in the user's
// desk settings; on the log-in screen it is remembered for this workstation and becomes the language of whoever
// logs in next. i18n loads the catalogue.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, LanguageCode } from '../../../shared/reference/codes';
import { useTRPC } from '../api/trpc';
import { ownLanguageName } from '../i18n/displayNames';
import { rememberWorkstationLanguage } from '../i18n/setupI18n';
import { rememberLoginChoice } from './loginLanguageChoice';
import { SelectField } from '../ui/SelectField';

export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The saved settings become the cached ones at once, so the language effect never reverts the choice.
  const save = useMutation(trpc.settings.set.mutationOptions({
    onSuccess: (settings) => queryClient.setQueryData(trpc.settings.get.queryKey(), settings),
  }));
  const options = LANGUAGE_CODES.map((code) => ({ id: code, label: ownLanguageName(code) }));
  return (
    <SelectField
      className="language-switch"
      label={t('settings.language')}
      options={options}
      value={i18n.language}
      onChange={(value) => {
        const parsed = LanguageCode.safeParse(value);
        if (!parsed.success) return;
        rememberWorkstationLanguage(parsed.data);
        void i18n.changeLanguage(parsed.data);
        if (signedIn) save.mutate({ user: { language: parsed.data } });
        else rememberLoginChoice(parsed.data);
      }}
    />
  );
}
