// An authority's name from the desk's directory: the informal title in the reader's language, else the official name.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { localize } from '../../../shared/reference/text';
import { LanguageCode } from '../../../shared/reference/codes';

export function useAuthorityName(id: string | null): string {
  const trpc = useTRPC();
  const { i18n } = useTranslation();
  const query = useQuery(trpc.directory.get.queryOptions({ id: id ?? '' }, { enabled: id !== null, staleTime: 60_000 }));
  if (id === null) return '';
  const authority = query.data;
  if (!authority) return id;
  const language = LanguageCode.catch('en').parse(i18n.language);
  const informal = authority.informalTitle[language];
  return informal ?? authority.officialName ?? localize(authority.informalTitle, language);
}

export function AuthorityName({ id }: { id: string | null }) {
  return <>{useAuthorityName(id)}</>;
}
