// A sortable, virtualised, keyboard-navigable table of requests (react-aria Table + Virtualizer); Enter or
// a click opens the request. Pending (not yet synced) and overdue rows are marked.
import { Cell, Collection, Column, Row, Table, TableBody, TableHeader, TableLayout, TableLoadMoreItem, Virtualizer } from 'react-aria-components';
import type { SortDescriptor } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/displayNames';
import { AuthorityName } from './AuthorityName';
import type { RequestRow, SortKey, Sorting } from './usePagedRequests';

export interface RequestTableProps {
  label: string;
  rows: readonly RequestRow[];
  sorting: Sorting;
  onSortingChange: (sorting: Sorting) => void;
  onOpen: (id: string) => void;
  onLoadMore: () => void;
  isLoading: boolean;
}

const SORTABLE: readonly SortKey[] = ['entryNumber', 'dueDate', 'sentAt', 'status'];

export function RequestTable({ label, rows, sorting, onSortingChange, onOpen, onLoadMore, isLoading }: RequestTableProps) {
  const { t, i18n } = useTranslation();
  const descriptor: SortDescriptor = { column: sorting.sort, direction: sorting.direction === 'asc' ? 'ascending' : 'descending' };
  return (
    <Virtualizer layout={TableLayout} layoutOptions={{ rowHeight: 36, headingHeight: 38 }}>
      <Table
        aria-label={label}
        className="request-table"
        sortDescriptor={descriptor}
        onSortChange={(next) => {
          const column = String(next.column) as SortKey;
          if (SORTABLE.includes(column)) onSortingChange({ sort: column, direction: next.direction === 'ascending' ? 'asc' : 'desc' });
        }}
        onRowAction={(key) => onOpen(String(key))}
      >
        <TableHeader>
          <Column id="entryNumber" isRowHeader allowsSorting>{t('requestList.entryNumber')}</Column>
          <Column id="area">{t('requestList.area')}</Column>
          <Column id="status" allowsSorting>{t('requestList.status')}</Column>
          <Column id="requesting">{t('requestList.requestingAuthority')}</Column>
          <Column id="responding">{t('requestList.respondingAuthority')}</Column>
          <Column id="sentAt" allowsSorting>{t('requestList.sent')}</Column>
          <Column id="dueDate" allowsSorting>{t('requestList.dueDate')}</Column>
        </TableHeader>
        <TableBody renderEmptyState={() => (isLoading ? t('common.loading') : t('requestList.empty'))}>
          <Collection items={rows}>
            {(row) => (
              <Row id={row.id} className={`request-row ${row.pending ? 'is-pending' : ''} ${row.overdue ? 'is-overdue' : ''}`}>
                <Cell>
                  {row.entryNumber ?? t('request.numberPending')}
                  {row.pending ? <span className="pending-mark" title={t('sync.pendingItem')}> ⟳<span className="visually-hidden">{t('sync.pendingItem')}</span></span> : null}
                </Cell>
                <Cell>{row.area ?? ''}</Cell>
                <Cell>{row.status ? t(`status.${row.status}`) : ''}</Cell>
                <Cell><AuthorityName id={row.requestingAuthorityId} /></Cell>
                <Cell><AuthorityName id={row.respondingAuthorityId} /></Cell>
                <Cell>{formatDate(row.sentAt, i18n.language)}</Cell>
                <Cell>
                  {formatDate(row.dueDate, i18n.language)}
                  {row.overdue ? <span className="overdue-mark">{` ${t('requestList.overdue')}`}</span> : null}
                </Cell>
              </Row>
            )}
          </Collection>
          <TableLoadMoreItem onLoadMore={onLoadMore} isLoading={isLoading} className="load-more">{t('common.loading')}</TableLoadMoreItem>
        </TableBody>
      </Table>
    </Virtualizer>
  );
}
