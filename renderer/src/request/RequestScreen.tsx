// Request view: the banner, the tabs (summary and subject, questions, reply, messages and attachments,
// management information) and the actions this user can take now, each through its dialog.
import { useState } from 'react';
import type { Key } from 'react-aria-components';
import { Button, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RequestCommandType } from '../../../shared/request/commands';
import { CLOSED_STATUSES } from '../../../shared/request/requestCase';
import { errorText, reasonText } from '../api/refusals';
import { navigate } from '../app/useHashRoute';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import type { SignedInStatus } from '../session/useSession';
import { Notice } from '../ui/Notice';
import { ActionToolbar } from './ActionToolbar';
import { CommandDialog } from './CommandDialog';
import type { DialogCommand } from './CommandDialog';
import { HistoryTab } from './HistoryTab';
import { MessagesTab } from './MessagesTab';
import { QuestionsTab } from './QuestionsTab';
import { ReplyEditor } from './ReplyEditor';
import { RequestBanner } from './RequestBanner';
import { SummaryTab } from './SummaryTab';
import { useRequest } from './useRequest';
import type { FullCase } from './useRequest';

const REPLY_COMMANDS = ['saveReply', 'sendPartialReply', 'sendReply'] as const;
const NOT_AS_BUTTONS: readonly RequestCommandType[] = [...REPLY_COMMANDS, 'createDraft', 'editDraft', 'copyRequest', 'addAttachment', 'assignHandlers', 'changeLinkedCoordinator'];

/** Why a user of a party sees no action on an open request: allocation assigned it to someone else. */
function readOnlyReason(c: FullCase, session: SignedInStatus): string | null {
  const assigned = c.assignments[session.user.authorityId];
  if (assigned && assigned.length > 0 && !assigned.includes(session.user.id)) return 'request.readOnly.notAssigned';
  return null;
}

export function RequestScreen({ id, session }: { id: string; session: SignedInStatus }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { request, questionSet, subjectSection } = useRequest(id);
  const [dialog, setDialog] = useState<DialogCommand | null>(null);
  const [tab, setTab] = useState<Key>('summary');
  const [done, setDone] = useState<string | null>(null);

  if (request.isPending) return <p>{t('common.loading')}</p>;
  if (request.isError) return <Notice kind="error">{errorText(t, request.error)}</Notice>;
  const { view, commands, pending, overdue, attention } = request.data;
  const c = view.case;
  const banner = (
    <RequestBanner entryNumber={c.entryNumber} status={c.status} requestingAuthorityId={c.requestingAuthorityId}
      respondingAuthorityId={c.respondingAuthorityId} dueDate={c.dueDate} pending={pending} overdue={overdue}
      questionSetTitle={questionSet ? localize(questionSet.title) : ''} />
  );
  if (view.level === 'MONITORING') {
    return <section className="request-screen">{banner}<Notice kind="info">{t('request.monitoringOnly')}</Notice></section>;
  }
  const full = view.case;
  const seesPersonalData = view.level === 'FULL';
  const replyCommands = REPLY_COMMANDS.filter((type) => commands.some((cmd) => cmd.type === type));
  const canEditDraft = full.status === 'DRAFT' && commands.some((cmd) => cmd.type === 'deleteDraft' || cmd.type === 'sendRequest');
  const readOnly = commands.length === 0 && !CLOSED_STATUSES.includes(full.status) ? readOnlyReason(full, session) : null;

  return (
    <section className="request-screen" aria-label={t('request.label')}>
      {banner}
      {done ? <Notice kind="info">{done}</Notice> : null}
      {attention.map((item) => <Notice key={item.id} kind="warning">{t('attention.onRequest', { command: t(`commands.${item.command.type}`), reason: reasonText(t, item.reason) })}</Notice>)}
      {readOnly ? <Notice kind="info">{t(readOnly)}</Notice> : null}
      <ActionToolbar commands={commands} hidden={NOT_AS_BUTTONS} onAction={(type) => setDialog(type as DialogCommand)}
        extra={canEditDraft ? <Button className="button" onPress={() => navigate({ name: 'editDraft', id: full.id })}>{t('commands.editDraft')}</Button> : null} />
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="request-tabs">
        <TabList aria-label={t('request.tabsLabel')} className="tab-list">
          <Tab id="summary" className="tab">{t('request.tabs.summary')}</Tab>
          <Tab id="questions" className="tab">{t('request.tabs.questions')}</Tab>
          {replyCommands.length > 0 && questionSet ? <Tab id="reply" className="tab">{t('request.tabs.reply')}</Tab> : null}
          <Tab id="messages" className="tab">{t('request.tabs.messages')}</Tab>
          <Tab id="management" className="tab">{t('request.tabs.management')}</Tab>
        </TabList>
        <TabPanel id="summary" className="tab-panel"><SummaryTab c={full} seesPersonalData={seesPersonalData} questionSet={questionSet} subjectSection={subjectSection} /></TabPanel>
        <TabPanel id="questions" className="tab-panel"><QuestionsTab c={full} questionSet={questionSet} seesPersonalData={seesPersonalData} /></TabPanel>
        {replyCommands.length > 0 && questionSet ? (
          <TabPanel id="reply" className="tab-panel">
            <ReplyEditor key={`${full.status}-${full.answers.length}`} c={full} questionSet={questionSet} allowed={replyCommands} onSent={() => setTab('questions')} />
          </TabPanel>
        ) : null}
        <TabPanel id="messages" className="tab-panel"><MessagesTab c={full} /></TabPanel>
        <TabPanel id="management" className="tab-panel"><HistoryTab c={full} /></TabPanel>
      </Tabs>
      {dialog ? (
        <CommandDialog type={dialog} c={full} ownCountry={session.authority?.country ?? 'IT'} questionSet={questionSet}
          onClose={() => setDialog(null)}
          onDone={(type) => {
            setDialog(null);
            setDone(t(`commandDone.${type}`));
            if (type === 'deleteDraft') navigate({ name: 'dashboard' });
          }} />
      ) : null}
    </section>
  );
}
