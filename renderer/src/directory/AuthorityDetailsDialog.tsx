// The details of an authority, to judge whether it is the right addressee.
import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { countryName, languageName } from '../i18n/displayNames';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import { ModalDialog } from '../ui/ModalDialog';

export function AuthorityDetailsDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const localize = useLocalize();
  const authority = useQuery(trpc.directory.get.queryOptions({ id: id ?? '' }, { enabled: id !== null })).data;
  return (
    <ModalDialog title={authority?.officialName ?? t('directory.details')} isOpen={id !== null} onClose={onClose} wide
      actions={<Button className="button" onPress={onClose}>{t('common.close')}</Button>}>
      {authority ? (
        <dl className="field-list">
          <div><dt>{t('directory.informalTitle')}</dt><dd>{localize(authority.informalTitle)}</dd></div>
          <div><dt>{t('directory.description')}</dt><dd>{authority.description || '—'}</dd></div>
          <div><dt>{t('directory.address')}</dt><dd>{[authority.address.street, authority.address.postCode, authority.address.town].filter(Boolean).join(', ')} ({countryName(authority.country, i18n.language)})</dd></div>
          <div><dt>{t('directory.languages')}</dt><dd>{authority.languages.map((l) => languageName(l, i18n.language)).join(', ')}</dd></div>
          <div><dt>{t('directory.email')}</dt><dd>{authority.contactEmail}</dd></div>
          <div><dt>{t('directory.telephone')}</dt><dd>{authority.telephone || '—'}</dd></div>
          <div><dt>{t('directory.website')}</dt><dd>{authority.website || '—'}</dd></div>
        </dl>
      ) : <p>{t('common.loading')}</p>}
    </ModalDialog>
  );
}
