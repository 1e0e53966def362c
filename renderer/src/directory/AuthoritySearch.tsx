// Addressee search (seed 000 §2.1): country, part of the name, town and keywords, accent- and case-insensitive
// on the desk; only authorities with access to the form's workflow come back. Double-click shows the details.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { GridList, GridListItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { EEA_COUNTRY_CODES } from '../../../shared/reference/codes';
import type { CountryCode, LegislativeArea } from '../../../shared/reference/codes';
import { useTRPC } from '../api/trpc';
import { countryName } from '../i18n/displayNames';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import { SelectField } from '../ui/SelectField';
import { TextInput } from '../ui/TextInput';
import { AuthorityDetailsDialog } from './AuthorityDetailsDialog';

export interface AuthoritySearchProps {
  area: LegislativeArea;
  /** Forward and split stay within one country: the country is then fixed. */
  fixedCountry?: CountryCode | undefined;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  isInvalid?: boolean | undefined;
  excludeIds?: readonly string[] | undefined;
}

export function AuthoritySearch({ area, fixedCountry, selectedId, onSelect, isInvalid, excludeIds = [] }: AuthoritySearchProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const localize = useLocalize();
  const [country, setCountry] = useState<CountryCode | null>(fixedCountry ?? null);
  const [name, setName] = useState('');
  const [town, setTown] = useState('');
  const [keywords, setKeywords] = useState('');
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const criteria = {
    area,
    ...(country ? { country } : {}),
    ...(name.trim() ? { name: name.trim() } : {}),
    ...(town.trim() ? { town: town.trim() } : {}),
    ...(keywords.trim() ? { keywords: keywords.split(',').map((k) => k.trim()).filter(Boolean) } : {}),
    limit: 50,
  };
  const results = useQuery(trpc.directory.search.queryOptions(criteria, { placeholderData: (previous) => previous }));
  const items = (results.data?.items ?? []).filter((a) => !excludeIds.includes(a.id));
  const countries = EEA_COUNTRY_CODES.map((c) => ({ id: c, label: countryName(c, i18n.language) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));

  return (
    <fieldset className={`authority-search ${isInvalid ? 'is-invalid' : ''}`}>
      <legend>{t('directory.title')}</legend>
      <div className="search-criteria">
        <SelectField label={t('directory.country')} value={country} onChange={(v) => setCountry(v as CountryCode | null)} options={countries} isDisabled={fixedCountry !== undefined} />
        <TextInput label={t('directory.name')} value={name} onChange={setName} />
        <TextInput label={t('directory.town')} value={town} onChange={setTown} />
        <TextInput label={t('directory.keywords')} value={keywords} onChange={setKeywords} description={t('directory.keywordsHelp')} />
      </div>
      <p className="result-count" role="status">{t('directory.results', { count: items.length })}</p>
      <GridList
        aria-label={t('directory.resultsLabel')}
        className="authority-results"
        items={items}
        selectionMode="single"
        selectionBehavior="replace"
        selectedKeys={selectedId ? [selectedId] : []}
        onSelectionChange={(keys) => { if (keys === 'all') return; const [first] = [...keys]; onSelect(first === undefined ? null : String(first)); }}
        renderEmptyState={() => t('directory.none')}
      >
        {(a) => (
          <GridListItem id={a.id} textValue={a.officialName} className="authority-item">
            <div onDoubleClick={() => setDetailsId(a.id)}>
              <strong>{localize(a.informalTitle) || a.officialName}</strong>
              <span className="authority-meta"> — {a.officialName}, {a.town} ({countryName(a.country, i18n.language)})</span>
            </div>
          </GridListItem>
        )}
      </GridList>
      {selectedId ? (
        <button type="button" className="link-button" onClick={() => setDetailsId(selectedId)}>{t('directory.showDetails')}</button>
      ) : null}
      <AuthorityDetailsDialog id={detailsId} onClose={() => setDetailsId(null)} />
    </fieldset>
  );
}
