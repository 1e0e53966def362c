// "Print / report" from a request (SPEC §10): the report types this user may produce (the desk says which),
// a report language independent of the interface, the sections of a customised report, then progress while the
// desk renders it into My reports.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, CheckboxGroup, Label, ProgressBar, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, LanguageCode } from '../../../shared/reference/codes';
import { ReportSection, ReportType } from '../../../shared/reports/reportTypes';
import { errorText } from '../api/refusals';
import { useTRPC, useTRPCClient } from '../api/trpc';
import type { DeskOutputs } from '../api/trpc';
import { hrefOf } from '../app/useHashRoute';
import { languageName } from '../i18n/displayNames';
import { ModalDialog } from '../ui/ModalDialog';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { openPdf, readReportPdf } from './reportFile';
import { reportSectionName, reportTypeName } from './reportNames';

type ReportEntry = DeskOutputs['reports']['list'][number];

export function ReportDialog({ requestId, onClose }: { requestId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const allowed = useQuery(trpc.reports.allowedTypes.queryOptions({ requestId }));
  const [type, setType] = useState<ReportType | null>(null);
  const [language, setLanguage] = useState<LanguageCode>(LanguageCode.catch('en').parse(i18n.language));
  const [sections, setSections] = useState<string[]>([...ReportSection.options]);
  const [withPersonalData, setWithPersonalData] = useState(true);
  const generate = useMutation(trpc.reports.generate.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() }),
  }));
  const open = useMutation({ mutationFn: async (report: ReportEntry) => openPdf(await readReportPdf(client, report.id)) });

  const types = allowed.data?.types ?? [];
  const chosen = type ?? types[0] ?? null;
  const submit = () => {
    if (!chosen) return;
    generate.mutate({
      requestId, type: chosen, language,
      ...(chosen === 'CUSTOM' ? { sections: sections.map((s) => ReportSection.parse(s)), customWithPersonalData: withPersonalData && (allowed.data?.customMayPrintPersonalData ?? false) } : {}),
    });
  };
  const done = generate.data;

  return (
    <ModalDialog title={t('reports.dialogTitle')} isOpen onClose={onClose} wide
      actions={done ? <>
        <Button className="button" onPress={() => open.mutate(done)} isPending={open.isPending}>{t('reports.open')}</Button>
        <a className="button" href={hrefOf({ name: 'myReports' })} onClick={onClose}>{t('reports.goToMyReports')}</a>
        <Button className="button button-primary" onPress={onClose}>{t('common.close')}</Button>
      </> : <>
        <Button className="button" onPress={onClose}>{t('common.cancel')}</Button>
        <Button className="button button-primary" onPress={submit} isDisabled={!chosen || generate.isPending || (chosen === 'CUSTOM' && sections.length === 0)}>{t('reports.generate')}</Button>
      </>}>
      {allowed.error ? <Notice kind="error">{errorText(t, allowed.error)}</Notice> : null}
      {generate.error ? <Notice kind="error">{errorText(t, generate.error)}</Notice> : null}
      {open.error ? <Notice kind="error">{errorText(t, open.error)}</Notice> : null}
      {allowed.data && types.length === 0 ? <Notice kind="info">{t('reports.noneAllowed')}</Notice> : null}
      {done ? (
        <Notice kind="info">{t('reports.ready', { type: reportTypeName(t, done.type), language: languageName(done.language, i18n.language) })}</Notice>
      ) : generate.isPending ? (
        <ProgressBar isIndeterminate className="report-progress" aria-label={t('reports.generating')}>
          <Label>{t('reports.generating')}</Label>
          <div className="progress-track"><div className="progress-fill" /></div>
        </ProgressBar>
      ) : types.length > 0 ? (
        <>
          <RadioGroup className="field report-types" value={chosen} onChange={(v) => setType(ReportType.parse(v))}>
            <Label>{t('reports.type')}</Label>
            {types.map((option) => <Radio key={option} value={option} className="radio">{reportTypeName(t, option)}</Radio>)}
          </RadioGroup>
          <SelectField label={t('reports.language')} value={language}
            onChange={(v) => { const p = LanguageCode.safeParse(v); if (p.success) setLanguage(p.data); }}
            options={LANGUAGE_CODES.map((code) => ({ id: code, label: languageName(code, i18n.language) }))} />
          {chosen === 'CUSTOM' ? (
            <>
              <CheckboxGroup className="field report-sections" value={sections} onChange={setSections}>
                <Label>{t('reports.sections')}</Label>
                {(allowed.data?.sections ?? []).map((section) => (
                  <Checkbox key={section} value={section} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{reportSectionName(t, section)}</Checkbox>
                ))}
              </CheckboxGroup>
              {allowed.data?.customMayPrintPersonalData ? (
                <Checkbox className="checkbox" isSelected={withPersonalData} onChange={setWithPersonalData}>
                  <span className="checkbox-box" aria-hidden="true" />{t('reports.withPersonalData')}
                </Checkbox>
              ) : <p className="field-description">{t('reports.withoutPersonalData')}</p>}
            </>
          ) : null}
        </>
      ) : null}
    </ModalDialog>
  );
}

/** The "Print / report" button of a request, with its dialog. */
export function RequestReportButton({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="button" onPress={() => setOpen(true)}>{t('reports.printReport')}</Button>
      {open ? <ReportDialog requestId={requestId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
