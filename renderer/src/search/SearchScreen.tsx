// Search by form (area, question set, status, dates, country, overdue) and search all forms (entry number,
// dates, text); results in the same virtualised table as the dashboard.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Tab, TabList, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { EEA_COUNTRY_CODES, LEGISLATIVE_AREAS } from '../../../shared/reference/codes';
import type { CountryCode, LegislativeArea } from '../../../shared/reference/codes';
import { RequestStatus } from '../../../shared/request/requestCase';
import { useTRPC, useTRPCClient } from '../api/trpc';
import type { DeskInputs } from '../api/trpc';
import { errorText } from '../api/refusals';
import { navigate } from '../app/useHashRoute';
import { countryName } from '../i18n/displayNames';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import { RequestTable } from '../dashboard/RequestTable';
import { PAGE_SIZE, usePagedRequests } from '../dashboard/usePagedRequests';
import type { Sorting } from '../dashboard/usePagedRequests';
import { NumberInput } from '../ui/NumberInput';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { TextInput } from '../ui/TextInput';

type Criteria = Omit<DeskInputs['requests']['search'], 'sort' | 'direction' | 'limit' | 'offset'>;

export function SearchScreen() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const localize = useLocalize();
  const [mode, setMode] = useState<'byForm' | 'allForms'>('byForm');
  const [area, setArea] = useState<LegislativeArea | null>(null);
  const [questionSetId, setQuestionSetId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [country, setCountry] = useState<CountryCode | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [entryNumber, setEntryNumber] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [sentFrom, setSentFrom] = useState('');
  const [sentTo, setSentTo] = useState('');
  const [criteria, setCriteria] = useState<Criteria | null>(null);
  const sets = useQuery(trpc.reference.questionSets.queryOptions(area ? { area } : {}));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const dates = { ...(sentFrom ? { sentFrom } : {}), ...(sentTo ? { sentTo } : {}) };
    if (mode === 'allForms') {
      setCriteria({ ...dates, ...(entryNumber ? { entryNumber } : {}), ...(text.trim() ? { text: text.trim() } : {}) });
      return;
    }
    const parsedStatus = RequestStatus.safeParse(status);
    setCriteria({
      ...dates,
      ...(area ? { area } : {}),
      ...(questionSetId ? { questionSetId } : {}),
      ...(parsedStatus.success ? { statuses: [parsedStatus.data] } : {}),
      ...(country ? { country } : {}),
      ...(overdue ? { overdue } : {}),
    });
  };

  return (
    <section className="search" aria-labelledby="search-title">
      <h1 id="search-title">{t('search.title')}</h1>
      <Tabs selectedKey={mode} onSelectionChange={(key) => setMode(key === 'allForms' ? 'allForms' : 'byForm')}>
        <TabList aria-label={t('search.modes')} className="tab-list">
          <Tab id="byForm" className="tab">{t('search.byForm')}</Tab>
          <Tab id="allForms" className="tab">{t('search.allForms')}</Tab>
        </TabList>
      </Tabs>
      <Form className="search-form" onSubmit={onSubmit}>
        {mode === 'byForm' ? (
          <>
            <SelectField label={t('search.area')} value={area} onChange={(v) => { setArea(v as LegislativeArea | null); setQuestionSetId(null); }}
              options={LEGISLATIVE_AREAS.map((a) => ({ id: a, label: t(`areas.${a}`) }))} />
            <SelectField label={t('search.questionSet')} value={questionSetId} onChange={setQuestionSetId}
              options={(sets.data ?? []).map((s) => ({ id: s.id, label: localize(s.title) }))} />
            <SelectField label={t('search.status')} value={status} onChange={setStatus}
              options={RequestStatus.options.map((s) => ({ id: s, label: t(`status.${s}`) }))} />
            <SelectField label={t('search.country')} value={country} onChange={(v) => setCountry(v as CountryCode | null)}
              options={EEA_COUNTRY_CODES.map((c) => ({ id: c, label: countryName(c, i18n.language) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language))} />
            <Checkbox className="checkbox" isSelected={overdue} onChange={setOverdue}>
              <span className="checkbox-box" aria-hidden="true" />{t('search.overdueOnly')}
            </Checkbox>
          </>
        ) : (
          <>
            <NumberInput label={t('search.entryNumber')} value={entryNumber} onChange={setEntryNumber} minValue={1} />
            <TextInput label={t('search.text')} value={text} onChange={setText} />
          </>
        )}
        <TextInput label={t('search.sentFrom')} type="date" value={sentFrom} onChange={setSentFrom} />
        <TextInput label={t('search.sentTo')} type="date" value={sentTo} onChange={setSentTo} />
        <div className="form-actions"><Button type="submit" className="button button-primary">{t('search.submit')}</Button></div>
      </Form>
      {criteria ? <SearchResults criteria={criteria} /> : null}
    </section>
  );
}

function SearchResults({ criteria }: { criteria: Criteria }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [sorting, setSorting] = useState<Sorting>({ sort: 'entryNumber', direction: 'desc' });
  const key = trpc.requests.search.queryKey({ ...criteria, ...sorting });
  const { query, items, total } = usePagedRequests(key, (offset) => client.requests.search.query({ ...criteria, ...sorting, offset, limit: PAGE_SIZE }));
  return (
    <div className="list-panel">
      <h2>{t('search.results', { count: total })}</h2>
      {query.error ? <Notice kind="error">{errorText(t, query.error)}</Notice> : null}
      <RequestTable label={t('search.resultsLabel')} rows={items} sorting={sorting} onSortingChange={setSorting}
        onOpen={(id) => navigate({ name: 'request', id })}
        onLoadMore={() => { if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage(); }}
        isLoading={query.isPending || query.isFetchingNextPage} />
    </div>
  );
}
