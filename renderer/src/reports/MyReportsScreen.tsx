// My reports (SPEC §10): the reports this user generated, kept 30 days — type, request, report language, date,
// certified marker; open, save and print each through the browser; request a certified copy (signed by the hub).
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Cell, Column, Link, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/refusals';
import { useTRPC, useTRPCClient } from '../api/trpc';
import type { DeskOutputs } from '../api/trpc';
import { hrefOf } from '../app/useHashRoute';
import { formatDate, formatDateTime, languageName } from '../i18n/displayNames';
import { Notice } from '../ui/Notice';
import { openPdf, printPdf, readReportPdf, savePdf } from './reportFile';
import { reportFileName, reportTypeName } from './reportNames';

type ReportEntry = DeskOutputs['reports']['list'][number];
type FileAction = 'open' | 'save' | 'print';

export function MyReportsScreen() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const reports = useQuery(trpc.reports.list.queryOptions());
  const jobs = useQuery(trpc.reports.jobs.queryOptions(undefined, { refetchInterval: (query) => ((query.state.data?.length ?? 0) > 0 ? 1_000 : 10_000) }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
  const file = useMutation({
    mutationFn: async ({ report, action }: { report: ReportEntry; action: FileAction }) => {
      const pdf = await readReportPdf(client, report.id);
      if (action === 'open') openPdf(pdf);
      else if (action === 'save') savePdf(pdf, reportFileName(report.type, report.entryNumber, report.language, report.createdAt));
      else printPdf(pdf);
    },
  });
  const certify = useMutation(trpc.reports.certify.mutationOptions({ onSuccess: () => { setDone(t('reports.certifiedDone')); void refresh(); } }));
  const remove = useMutation(trpc.reports.delete.mutationOptions({ onSuccess: () => { setDone(t('reports.deleted')); void refresh(); } }));
  const failure = reports.error ?? file.error ?? certify.error ?? remove.error;
  const requestLabel = (report: Pick<ReportEntry, 'entryNumber'>) =>
    report.entryNumber === null ? t('reports.numberPending') : t('reports.request', { number: report.entryNumber });

  return (
    <section aria-labelledby="my-reports-title">
      <h1 id="my-reports-title">{t('reports.title')}</h1>
      <p className="field-description">{t('reports.keptFor', { days: 30 })}</p>
      {failure ? <Notice kind="error">{errorText(t, failure)}</Notice> : null}
      {done ? <Notice kind="info">{done}</Notice> : null}
      {(jobs.data ?? []).map((job) => (
        <Notice key={job.jobId} kind="info">{t('reports.stillRendering', { type: reportTypeName(t, job.type), language: languageName(job.language, i18n.language) })}</Notice>
      ))}
      <Table aria-label={t('reports.title')} className="reports-table">
        <TableHeader>
          <Column isRowHeader>{t('reports.type')}</Column>
          <Column>{t('reports.requestColumn')}</Column>
          <Column>{t('reports.language')}</Column>
          <Column>{t('reports.created')}</Column>
          <Column>{t('reports.keptUntil')}</Column>
          <Column>{t('reports.actions')}</Column>
        </TableHeader>
        <TableBody items={reports.data ?? []} renderEmptyState={() => (reports.isPending ? t('common.loading') : t('reports.none'))}>
          {(report) => (
            <Row id={report.id}>
              <Cell>
                {reportTypeName(t, report.type)}
                {report.certified ? <span className="certified-mark" data-testid="certified-mark"> {t('reports.certified')}</span> : null}
              </Cell>
              <Cell><Link href={hrefOf({ name: 'request', id: report.caseId })}>{requestLabel(report)}</Link></Cell>
              <Cell>{languageName(report.language, i18n.language)}</Cell>
              <Cell>{formatDateTime(report.createdAt, i18n.language)}</Cell>
              <Cell>{formatDate(report.expiresAt, i18n.language)}</Cell>
              <Cell>
                <div className="row-actions" role="group" aria-label={t('reports.actionsFor', { type: reportTypeName(t, report.type), request: requestLabel(report) })}>
                  <Button className="button button-small" onPress={() => file.mutate({ report, action: 'open' })}>{t('reports.open')}</Button>
                  <Button className="button button-small" onPress={() => file.mutate({ report, action: 'save' })}>{t('reports.save')}</Button>
                  <Button className="button button-small" onPress={() => file.mutate({ report, action: 'print' })}>{t('reports.print')}</Button>
                  {report.certified ? null : (
                    <Button className="button button-small" isPending={certify.isPending && certify.variables.id === report.id}
                      onPress={() => { setDone(null); certify.mutate({ id: report.id }); }}>{t('reports.requestCertified')}</Button>
                  )}
                  <Button className="button button-small" onPress={() => { setDone(null); remove.mutate({ id: report.id }); }}>{t('reports.delete')}</Button>
                </div>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </section>
  );
}
