// Request view: the banner, the tabs (summary and subject, questions, reply, messages and attachments,
// management information) and the actions this user can take now, each through its dialog.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Key } from 'react-aria-components';
import { Button, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RequestCommandType } from '../../../shared/request/commands';
import { CLOSED_STATUSES } from '../../../shared/request/requestCase';
import { errorText, reasonText } from '../api/refusals';
import { useTRPC } from '../api/trpc';
import { navigate } from '../app/useHashRoute';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import type { SignedInStatus } from '../session/useSession';
import { Notice } from '../ui/Notice';
import { hasRequestRole } from '../../../shared/user/user';
import { ActionToolbar } from './ActionToolbar';
import { AllocationDialog } from './AllocationDialog';
import { CommandDialog } from './CommandDialog';
import { CopyRequestDialog } from './CopyRequestDialog';
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

/** Commands that do not move the request on: offered to readers of a party too, so they do not make a user an actor. */
const NOT_ACTING: readonly RequestCommandType[] = ['addAttachment', 'changeLinkedCoordinator', 'assignHandlers'];

/**
 * Why a user sees no action on an open request (SPEC §5.5): allocation gave it to other handlers or to
 * nobody yet, the user allocates but does not handle, or the user's role only reads.
 */
function readOnlyReason(c: FullCase, session: SignedInStatus, allocates: boolean): string | null {
  const own = session.user.authorityId;
  const assigned = c.assignments[own] ?? [];
  if (session.authority?.usesAllocation && !assigned.includes(session.user.id)) {
    if (allocates && !hasRequestRole(session.user, c.area, 'REQUEST_HANDLER')) return 'request.readOnly.allocatorOnly';
    return assigned.length > 0 ? 'request.readOnly.notAssigned' : 'request.readOnly.notYetAllocated';
  }
  if (assigned.length > 0 && !assigned.includes(session.user.id)) return 'request.readOnly.notAssigned';
  const party = own === c.requestingAuthorityId || own === c.respondingAuthorityId;
  if (party && !hasRequestRole(session.user, c.area, 'REQUEST_HANDLER')) return 'request.readOnly.viewerOnly';
  return null;
}

export function RequestScreen({ id, session }: { id: string; session: SignedInStatus }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { request, questionSet, subjectSection } = useRequest(id);
  const [dialog, setDialog] = useState<DialogCommand | 'assignHandlers' | 'copyRequest' | null>(null);
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
  const acting = commands.filter((cmd) => !NOT_ACTING.includes(cmd.type));
  const allocates = commands.some((cmd) => cmd.type === 'assignHandlers');
  const readOnly = acting.length === 0 && full.status !== 'DRAFT' && !CLOSED_STATUSES.includes(full.status) ? readOnlyReason(full, session, allocates) : null;
  const own = session.user.authorityId;
  // Reuse data: a handler of either authority, any status (SPEC §5.3 copyRequest); the desk decides the rest.
  const mayCopy = (own === full.requestingAuthorityId || own === full.respondingAuthorityId) && hasRequestRole(session.user, full.area, 'REQUEST_HANDLER');
  const assignedHere = full.assignments[own] ?? [];

  return (
    <section className="request-screen" aria-label={t('request.label')}>
      {banner}
      {done ? <Notice kind="info">{done}</Notice> : null}
      {attention.map((item) => <Notice key={item.id} kind="warning">{t('attention.onRequest', { command: t(`commands.${item.command.type}`), reason: reasonText(t, item.reason) })}</Notice>)}
      {readOnly ? <Notice kind="info"><span data-testid="read-only-reason">{t(readOnly)}</span></Notice> : null}
      {allocates ? <AllocationSummary userIds={assignedHere} /> : null}
      <ActionToolbar commands={commands} hidden={NOT_AS_BUTTONS} onAction={(type) => setDialog(type as DialogCommand)}
        extra={<>
          {canEditDraft ? <Button className="button" onPress={() => navigate({ name: 'editDraft', id: full.id })}>{t('commands.editDraft')}</Button> : null}
          {allocates ? <Button className="button" onPress={() => setDialog('assignHandlers')} data-command="assignHandlers">{t('commands.assignHandlers')}</Button> : null}
          {mayCopy ? <Button className="button" onPress={() => setDialog('copyRequest')} data-command="copyRequest">{t('commands.copyRequest')}</Button> : null}
        </>} />
      <Tabs selectedKey={tab} onSelectionChange={setTab} className="request-tabs">
        <TabList aria-label={t('request.tabsLabel')} className="tab-list">
          <Tab id="summary" className="tab">{t('request.tabs.summary')}</Tab>
          <Tab id="questions" className="tab">{t('request.tabs.questions')}</Tab>
          {replyCommands.length > 0 && questionSet ? <Tab id="reply" className="tab">{t('request.tabs.reply')}</Tab> : null}
          <Tab id="messages" className="tab">{t('request.tabs.messages')}</Tab>
          <Tab id="management" className="tab">{t('request.tabs.management')}</Tab>
        </TabList>
        <TabPanel id="summary" className="tab-panel"><SummaryTab c={full} seesPersonalData={seesPersonalData} questionSet={questionSet} subjectSection={subjectSection}
          untilAccepted={own === full.respondingAuthorityId && (hasRequestRole(session.user, full.area, 'REQUEST_HANDLER') || hasRequestRole(session.user, full.area, 'REQUEST_VIEWER'))} /></TabPanel>
        <TabPanel id="questions" className="tab-panel"><QuestionsTab c={full} questionSet={questionSet} seesPersonalData={seesPersonalData} /></TabPanel>
        {replyCommands.length > 0 && questionSet ? (
          <TabPanel id="reply" className="tab-panel">
            {/* Re-keyed by status only: a save changes the answers but must keep the editor (and its warnings) as it is. */}
            <ReplyEditor key={full.status} c={full} questionSet={questionSet} allowed={replyCommands}
              onSent={(message) => { setDone(message); setTab('questions'); }} />
          </TabPanel>
        ) : null}
        <TabPanel id="messages" className="tab-panel"><MessagesTab c={full} canAttach={commands.some((cmd) => cmd.type === 'addAttachment') && acting.length > 0} /></TabPanel>
        <TabPanel id="management" className="tab-panel"><HistoryTab c={full} /></TabPanel>
      </Tabs>
      {dialog === 'assignHandlers' ? (
        <AllocationDialog c={full} ownAuthorityId={own} onClose={() => setDialog(null)}
          onDone={() => { setDialog(null); setDone(t('allocation.done')); }} />
      ) : null}
      {dialog === 'copyRequest' ? <CopyRequestDialog c={full} onClose={() => setDialog(null)} /> : null}
      {dialog && dialog !== 'assignHandlers' && dialog !== 'copyRequest' ? (
        <CommandDialog type={dialog} c={full} ownCountry={session.authority?.country ?? 'IT'} ownAuthority={session.authority} questionSet={questionSet}
          onClose={() => setDialog(null)}
          onDone={(type) => {
            setDialog(null);
            setDone(t(`commandDone.${type}`));
            // Deleted, forwarded away (the old responder loses all access) or sent back to its authority as a draft
            // (the coordinator no longer sees it): nothing left to show here.
            if (type === 'deleteDraft' || type === 'forwardRequest' || type === 'rejectRequestApproval') navigate({ name: 'dashboard' });
          }} />
      ) : null}
    </section>
  );
}

/** Who the allocator's authority has put on this request, by name (from the replica's colleagues). */
function AllocationSummary({ userIds }: { userIds: readonly string[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const colleagues = useQuery(trpc.directory.colleagues.queryOptions());
  const names = userIds.map((id) => {
    const user = colleagues.data?.find((u) => u.id === id);
    return user ? `${user.name} ${user.surname}` : id;
  });
  return (
    <p className="allocation-summary" data-testid="allocated-to">
      {names.length > 0 ? t('allocation.current', { names: names.join(', ') }) : t('allocation.none')}
    </p>
  );
}
