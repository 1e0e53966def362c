// Management information: entry number, status and the history (action, user, authority, time, justification).
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/displayNames';
import { AuthorityName } from '../dashboard/AuthorityName';
import type { FullCase } from './useRequest';

export function HistoryTab({ c }: { c: FullCase }) {
  const { t, i18n } = useTranslation();
  const rows = c.history.map((h, index) => ({ ...h, key: `${index}` }));
  return (
    <div className="tab-content">
      <h2>{t('request.tabs.management')}</h2>
      <Table aria-label={t('history.label')} className="history-table">
        <TableHeader>
          <Column isRowHeader>{t('history.time')}</Column>
          <Column>{t('history.action')}</Column>
          <Column>{t('history.user')}</Column>
          <Column>{t('history.authority')}</Column>
          <Column>{t('history.status')}</Column>
          <Column>{t('history.justification')}</Column>
        </TableHeader>
        <TableBody items={rows}>
          {(h) => (
            <Row id={h.key}>
              <Cell>{formatDateTime(h.at, i18n.language)}</Cell>
              <Cell>{t(`commands.${h.action}`, { defaultValue: h.action })}</Cell>
              <Cell>{h.userId}</Cell>
              <Cell><AuthorityName id={h.authorityId} /></Cell>
              <Cell>{t(`status.${h.status}`)}</Cell>
              <Cell>{h.justification?.text ?? ''}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
