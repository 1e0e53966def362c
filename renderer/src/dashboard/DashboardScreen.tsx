// Dashboard (SPEC §5.7): the user's action lists with their counts; the chosen list below, each row opening its request.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTRPC, useTRPCClient } from '../api/trpc';
import type { DeskOutputs } from '../api/trpc';
import { errorText } from '../api/refusals';
import { navigate } from '../app/useHashRoute';
import { Notice } from '../ui/Notice';
import { RequestTable } from './RequestTable';
import { usePagedRequests, PAGE_SIZE } from './usePagedRequests';
import type { Sorting } from './usePagedRequests';

type ActionListName = DeskOutputs['requests']['actionLists'][number]['list'];

export function DashboardScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const lists = useQuery(trpc.requests.actionLists.queryOptions({ limit: 0 }));
  const [chosen, setChosen] = useState<ActionListName | null>(null);
  const list = chosen ?? lists.data?.find((l) => l.total > 0)?.list ?? lists.data?.[0]?.list ?? null;

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {lists.error ? <Notice kind="error">{errorText(t, lists.error)}</Notice> : null}
      <ToggleButtonGroup
        className="action-lists"
        aria-label={t('dashboard.actionLists')}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={list ? [list] : []}
        onSelectionChange={(keys) => { const [first] = [...keys]; if (first) setChosen(String(first) as ActionListName); }}
      >
        {(lists.data ?? []).map((entry) => (
          <ToggleButton key={entry.list} id={entry.list} className="action-list-tile" data-testid={`list-${entry.list}`}>
            <span className="tile-count">{entry.total}</span>
            <span className="tile-label">{t(`dashboard.lists.${entry.list}`)}</span>
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {list ? <ActionListTable list={list} /> : null}
    </section>
  );
}

function ActionListTable({ list }: { list: ActionListName }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [sorting, setSorting] = useState<Sorting>({ sort: 'dueDate', direction: 'asc' });
  const key = trpc.requests.actionList.queryKey({ list, ...sorting });
  const { query, items } = usePagedRequests(key, (offset) => client.requests.actionList.query({ list, ...sorting, offset, limit: PAGE_SIZE }));
  return (
    <div className="list-panel">
      <h2>{t(`dashboard.lists.${list}`)}</h2>
      {query.error ? <Notice kind="error">{errorText(t, query.error)}</Notice> : null}
      <RequestTable
        label={t(`dashboard.lists.${list}`)}
        rows={items}
        sorting={sorting}
        onSortingChange={setSorting}
        onOpen={(id) => navigate({ name: 'request', id })}
        onLoadMore={() => { if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage(); }}
        isLoading={query.isPending || query.isFetchingNextPage}
      />
    </div>
  );
}
