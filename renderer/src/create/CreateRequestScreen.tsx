// Create or edit a request as a sequence of tabs (seed 000 §2): Request summary (form, addressee, due days),
// subject, the question tabs, Messages and Attachments; Previous/Next/Create/Send in a toolbar. Red issues
// block leaving their tab and saving; orange ones allow saving after a Yes/No warning and block sending.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LEGISLATIVE_AREAS } from '../../../shared/reference/codes';
import type { LegislativeArea } from '../../../shared/reference/codes';
import { validateDraft } from '../../../shared/request/draftValidation';
import type { DraftValidation, FieldIssue } from '../../../shared/request/draftValidation';
import { hasRequestRole } from '../../../shared/user/user';
import { useTRPC } from '../api/trpc';
import { errorText, reasonText } from '../api/refusals';
import { navigate } from '../app/useHashRoute';
import { AuthoritySearch } from '../directory/AuthoritySearch';
import { useFreeTextLanguage, useLocalize } from '../i18n/useFreeTextLanguage';
import { FreeTextField } from '../request/JustificationField';
import { useRequestCommand } from '../request/useRequestCommand';
import type { FullCase, RequestDetails } from '../request/useRequest';
import type { SignedInStatus } from '../session/useSession';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Notice } from '../ui/Notice';
import { NumberInput } from '../ui/NumberInput';
import { RequirementMark } from '../ui/RequirementMark';
import { SelectField } from '../ui/SelectField';
import { categoryTab, MESSAGES_TAB, SUBJECT_TAB, SUMMARY_TAB, tabOfIssue, tabOrder } from './draftTabs';
import { FormFieldInput } from './FormFieldInput';
import { QuestionGrid } from './QuestionGrid';
import { useDraftState } from './useDraftForm';
import { ValidationPanel } from './ValidationPanel';

export function CreateRequestScreen({ session, draftId }: { session: SignedInStatus; draftId: string | null }) {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const existing = useQuery({ ...trpc.requests.get.queryOptions({ id: draftId ?? '' }, { enabled: draftId !== null }), select: (data: unknown) => data as RequestDetails });
  if (draftId !== null && existing.isPending) return <p>{t('common.loading')}</p>;
  if (existing.error) return <Notice kind="error">{errorText(t, existing.error)}</Notice>;
  const view = existing.data?.view;
  const c = view && view.level !== 'MONITORING' ? view.case : undefined;
  return <DraftEditor session={session} existing={c} />;
}

type Panel = { title: string; issues: FieldIssue[] } | null;

function DraftEditor({ session, existing }: { session: SignedInStatus; existing: FullCase | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const localize = useLocalize();
  const language = useFreeTextLanguage();
  const run = useRequestCommand();
  const { state, setState, patchForm } = useDraftState(existing);
  const [savedId, setSavedId] = useState<string | null>(existing?.id ?? null);
  const [tab, setTab] = useState<string>(SUMMARY_TAB);
  const [panel, setPanel] = useState<Panel>(null);
  const [confirmSave, setConfirmSave] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const areas = LEGISLATIVE_AREAS.filter((a) => hasRequestRole(session.user, a, 'REQUEST_HANDLER'));
  const sets = useQuery(trpc.reference.questionSets.queryOptions({ area: state.area ?? 'PQ' }, { enabled: state.area !== null }));
  const questionSet = useQuery(trpc.reference.questionSet.queryOptions({ id: state.questionSetId ?? '' }, { enabled: state.questionSetId !== null })).data;
  const subjectSection = useQuery(trpc.reference.subjectSection.queryOptions({ area: state.area ?? 'PQ' }, { enabled: state.area !== null })).data ?? undefined;

  const validation: DraftValidation | null = useMemo(
    () => (questionSet ? validateDraft(state.form, questionSet, subjectSection) : null),
    [state.form, questionSet, subjectSection],
  );
  // The panel lists what failed at the last check, minus what the user has fixed since.
  const stillFailing = new Set([...(validation?.errors ?? []), ...(validation?.warnings ?? [])].map((i) => i.field));
  const liveIssues = (panel?.issues ?? []).filter((i) => (i.field === 'questionSetId' ? !state.questionSetId : stillFailing.has(i.field)));
  const shownIssues = new Set(liveIssues.map((i) => i.field));
  const order = tabOrder(questionSet);
  const tabIndex = order.indexOf(tab);

  const labelOf = (field: string): string => {
    const [head, id, detail] = field.split('.');
    if (head === 'subject') { const f = subjectSection?.fields.find((x) => x.id === id); return f ? localize(f.label) : field; }
    if (head === 'formFields') { const f = questionSet?.formFields.find((x) => x.id === id); return f ? localize(f.label) : field; }
    if (head === 'checklist') { const f = questionSet?.checklist.find((x) => x.id === id); return f ? localize(f.text) : field; }
    if (head === 'questions' && id && detail) {
      const q = questionSet?.questions.find((x) => x.id === id);
      const d = q?.extraDetails.find((x) => x.id === detail);
      return q && d ? `${localize(q.text)} — ${localize(d.label)}` : field;
    }
    return t(`draft.fields.${head}`, { defaultValue: field });
  };

  /** Red issues of the tab being left block leaving it forward (seed 000 §2.1). */
  const goTo = (next: string) => {
    const leavingForward = order.indexOf(next) > tabIndex;
    const blocking = leavingForward ? (validation?.errors ?? []).filter((e) => tabOfIssue(e, questionSet) === tab) : [];
    if (!state.questionSetId && next !== SUMMARY_TAB) {
      setPanel({ title: t('draft.errorsTitle'), issues: [{ field: 'questionSetId', requirement: 'red' }] });
      return;
    }
    if (blocking.length > 0) { setPanel({ title: t('draft.errorsTitle'), issues: blocking }); return; }
    setTab(next);
  };

  const save = () => {
    if (!state.area || !state.questionSetId) return;
    const form = state.form;
    const command = savedId
      ? { type: 'editDraft' as const, caseId: savedId, form }
      : { type: 'createDraft' as const, caseId: crypto.randomUUID(), area: state.area, questionSetId: state.questionSetId, form };
    run.mutate({ command }, {
      onSuccess: (result) => {
        if (!result.ok) { setNotice({ kind: 'error', text: reasonText(t, result.rejection.reason) }); return; }
        setSavedId(command.caseId);
        setPanel(null);
        setNotice({ kind: 'info', text: t('draft.saved') });
      },
    });
  };

  const onCreate = () => {
    if (!validation || !state.questionSetId) {
      setPanel({ title: t('draft.errorsTitle'), issues: [{ field: 'questionSetId', requirement: 'red' }] });
      return;
    }
    if (validation.errors.length > 0) { setPanel({ title: t('draft.errorsTitle'), issues: validation.errors }); return; }
    if (validation.warnings.length > 0) { setPanel({ title: t('draft.warningsTitle'), issues: validation.warnings }); setConfirmSave(true); return; }
    save();
  };

  const onSend = () => {
    if (!validation || !savedId) return;
    const issues = [...validation.errors, ...validation.warnings];
    if (issues.length > 0) { setPanel({ title: t('draft.cannotSend'), issues }); return; }
    run.mutate({ command: { type: 'editDraft', caseId: savedId, form: state.form } }, {
      onSuccess: (saved) => {
        if (!saved.ok) { setNotice({ kind: 'error', text: reasonText(t, saved.rejection.reason) }); return; }
        run.mutate({ command: { type: 'sendRequest', caseId: savedId, requestingCoordinatorId: state.form.requestingCoordinatorId } }, {
          onSuccess: (sent) => {
            if (!sent.ok) { setNotice({ kind: 'error', text: reasonText(t, sent.rejection.reason) }); return; }
            navigate({ name: 'request', id: savedId });
          },
        });
      },
    });
  };

  const invalid = (field: string) => shownIssues.has(field);
  const maxDays = questionSet?.maxDueDays ?? 365;

  return (
    <section className="create-request" aria-labelledby="create-title">
      <div className="create-header">
        <h1 id="create-title">{existing ? t('draft.editTitle') : t('draft.newTitle')}</h1>
        <div className="toolbar" role="toolbar" aria-label={t('draft.toolbar')}>
          <Button className="button" isDisabled={tabIndex <= 0} onPress={() => { const prev = order[tabIndex - 1]; if (prev) setTab(prev); }}>{t('draft.previous')}</Button>
          <Button className="button" isDisabled={tabIndex >= order.length - 1} onPress={() => { const next = order[tabIndex + 1]; if (next) goTo(next); }}>{t('draft.next')}</Button>
          <Button className="button button-primary" onPress={onCreate} isPending={run.isPending}>{savedId ? t('draft.save') : t('draft.create')}</Button>
          <Button className="button button-primary" onPress={onSend} isDisabled={!savedId}>{t('draft.send')}</Button>
        </div>
      </div>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {panel && liveIssues.length > 0 ? <ValidationPanel title={panel.title} issues={liveIssues} labelOf={labelOf} onClose={() => setPanel(null)}
        onGoTo={(issue) => setTab(issue.field === 'questionSetId' ? SUMMARY_TAB : tabOfIssue(issue, questionSet))} /> : null}
      <Tabs selectedKey={tab} onSelectionChange={(key) => goTo(String(key))} className="draft-tabs">
        <TabList aria-label={t('draft.tabsLabel')} className="tab-list">
          <Tab id={SUMMARY_TAB} className="tab">{t('draft.tabs.summary')}</Tab>
          <Tab id={SUBJECT_TAB} className="tab">{subjectSection ? localize(subjectSection.title) : t('draft.tabs.subject')}</Tab>
          {(questionSet?.categories ?? []).map((cat) => <Tab key={cat.id} id={categoryTab(cat.id)} className="tab">{localize(cat.title)}</Tab>)}
          <Tab id={MESSAGES_TAB} className="tab">{t('draft.tabs.messages')}</Tab>
        </TabList>
        <TabPanel id={SUMMARY_TAB} className="tab-panel">
          <div className="form-grid">
            <SelectField label={t('draft.area')} requirement="red" value={state.area} isDisabled={savedId !== null}
              options={areas.map((a) => ({ id: a, label: t(`areas.${a}`) }))}
              onChange={(v) => setState((s) => ({ ...s, area: v as LegislativeArea | null, questionSetId: null }))} />
            <SelectField label={t('draft.questionSet')} requirement="red" value={state.questionSetId} isDisabled={savedId !== null || state.area === null}
              isInvalid={invalid('questionSetId')} options={(sets.data ?? []).map((s) => ({ id: s.id, label: localize(s.title) }))}
              onChange={(v) => {
                const chosen = sets.data?.find((s) => s.id === v);
                setState((s) => ({ ...s, questionSetId: v, form: { ...s.form, proposedDueDays: s.form.proposedDueDays ?? chosen?.maxDueDays ?? null } }));
              }} />
            <NumberInput label={t('draft.dueDays')} requirement="orange" value={state.form.proposedDueDays} minValue={1} maxValue={maxDays}
              onChange={(proposedDueDays) => patchForm({ proposedDueDays })} isInvalid={invalid('proposedDueDays')}
              description={t('draft.dueDaysHelp', { max: maxDays })} />
          </div>
          {questionSet?.formFields.map((f) => (
            <FormFieldInput key={f.id} field={f} value={state.form.formFields[f.id]} isInvalid={invalid(`formFields.${f.id}`)}
              onChange={(value) => patchForm({ formFields: { ...state.form.formFields, [f.id]: value } })} />
          ))}
          {questionSet && questionSet.checklist.length > 0 ? (
            <fieldset className="checklist">
              <legend>{t('draft.checklist')}</legend>
              {questionSet.checklist.map((item) => (
                <Checkbox key={item.id} className={`checkbox ${invalid(`checklist.${item.id}`) ? 'is-invalid' : ''}`} isSelected={state.form.checklist.includes(item.id)}
                  onChange={(on) => patchForm({ checklist: on ? [...state.form.checklist, item.id] : state.form.checklist.filter((x) => x !== item.id) })}>
                  <span className="checkbox-box" aria-hidden="true" />{localize(item.text)}<RequirementMark requirement={item.requirement} />
                </Checkbox>
              ))}
            </fieldset>
          ) : null}
          {state.area ? (
            <div className="addressee">
              <h2>{t('draft.addressee')}<RequirementMark requirement="orange" /></h2>
              <AuthoritySearch area={state.area} selectedId={state.form.respondingAuthorityId} isInvalid={invalid('respondingAuthorityId')}
                excludeIds={[session.user.authorityId]} onSelect={(respondingAuthorityId) => patchForm({ respondingAuthorityId })} />
            </div>
          ) : <p className="detail-hint">{t('draft.chooseAreaFirst')}</p>}
        </TabPanel>
        <TabPanel id={SUBJECT_TAB} className="tab-panel">
          <div className="form-grid">
            {(subjectSection?.fields ?? []).map((f) => (
              <FormFieldInput key={f.id} field={f} value={state.form.subject[f.id]} isInvalid={invalid(`subject.${f.id}`)}
                onChange={(value) => patchForm({ subject: { ...state.form.subject, [f.id]: value } })} />
            ))}
          </div>
        </TabPanel>
        {(questionSet?.categories ?? []).map((cat) => (
          <TabPanel key={cat.id} id={categoryTab(cat.id)} className="tab-panel">
            {invalid('questions') ? <Notice kind="error">{t('draft.chooseQuestion')}</Notice> : null}
            <QuestionGrid label={localize(cat.title)} questions={questionSet?.questions.filter((q) => q.categoryId === cat.id) ?? []}
              selected={state.form.questions} onChange={(questions) => patchForm({ questions })} invalidFields={shownIssues} />
          </TabPanel>
        ))}
        <TabPanel id={MESSAGES_TAB} className="tab-panel">
          <FreeTextField label={t('draft.summaryComment')}
            value={state.form.summary ?? { text: '', language }} onChange={(summary) => patchForm({ summary: summary.text.trim() ? summary : null })} />
          <p className="detail-hint">{t('draft.attachmentsLater')}</p>
        </TabPanel>
      </Tabs>
      <ConfirmDialog isOpen={confirmSave} title={t('draft.incompleteTitle')} message={t('draft.incompleteQuestion')}
        onYes={() => { setConfirmSave(false); save(); }} onNo={() => setConfirmSave(false)} />
    </section>
  );
}
