// The dialog of one request action: what the command needs (days, addressee, questions, message,
// justification ✱) and a confirm button; a refusal from the desk is shown in plain words inside it.
import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { JUSTIFIED_COMMANDS } from '../../../shared/request/commands';
import type { RequestCommandType } from '../../../shared/request/commands';
import type { FreeText } from '../../../shared/reference/text';
import { MessageType } from '../../../shared/request/requestCase';
import type { CountryCode } from '../../../shared/reference/codes';
import { requestAccess } from '../../../shared/authority/authority';
import type { Authority } from '../../../shared/authority/authority';
import { AuthorityName } from '../dashboard/AuthorityName';
import { reasonText } from '../api/refusals';
import { AuthoritySearch } from '../directory/AuthoritySearch';
import { useFreeTextLanguage, useLocalize } from '../i18n/useFreeTextLanguage';
import { ModalDialog } from '../ui/ModalDialog';
import { Notice } from '../ui/Notice';
import { NumberInput } from '../ui/NumberInput';
import { SelectField } from '../ui/SelectField';
import { FreeTextField } from './JustificationField';
import { useRequestCommand } from './useRequestCommand';
import type { CommandInput, CommandRejection } from './useRequestCommand';
import type { FullCase, QuestionSetData } from './useRequest';

export type DialogCommand = Exclude<RequestCommandType, 'createDraft' | 'editDraft' | 'copyRequest' | 'saveReply' | 'sendPartialReply' | 'sendReply' | 'addAttachment' | 'assignHandlers' | 'changeLinkedCoordinator'>;

const isJustified = (type: RequestCommandType) => (JUSTIFIED_COMMANDS as readonly string[]).includes(type);

export interface CommandDialogProps {
  type: DialogCommand;
  c: FullCase;
  ownCountry: CountryCode;
  /** The user's authority: its linked coordinators are offered when sending or accepting needs a choice. */
  ownAuthority?: Authority | null | undefined;
  questionSet: QuestionSetData | undefined;
  onClose: () => void;
  onDone: (type: DialogCommand) => void;
}

export function CommandDialog({ type, c, ownCountry, ownAuthority, questionSet, onClose, onDone }: CommandDialogProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const language = useFreeTextLanguage();
  const run = useRequestCommand();
  const [justification, setJustification] = useState<FreeText>({ text: '', language });
  const [days, setDays] = useState<number | null>(c.proposedDueDays);
  const [authorityId, setAuthorityId] = useState<string | null>(null);
  const [questionIds, setQuestionIds] = useState<string[]>([]);
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  // Several linked coordinators: the user picks one (SPEC §5.3 sendRequest, acceptRequest); one is implied.
  const coordinators = ownAuthority ? (requestAccess(ownAuthority, c.area)?.linkedCoordinatorIds ?? []) : [];
  const choosesCoordinator = (type === 'sendRequest' || type === 'acceptRequest') && coordinators.length > 1;
  const [coordinatorId, setCoordinatorId] = useState<string | null>(type === 'sendRequest' ? c.requestingCoordinatorId : null);
  const [agrees, setAgrees] = useState<'yes' | 'no'>('yes');
  const [messageType, setMessageType] = useState<MessageType>('OTHER');
  const [message, setMessage] = useState<FreeText>({ text: '', language });
  const [rejection, setRejection] = useState<CommandRejection | null>(null);
  const [tried, setTried] = useState(false);
  const maxDays = questionSet?.maxDueDays ?? 365;

  const build = (): CommandInput | null => {
    const caseId = c.id;
    if (isJustified(type) && justification.text.trim() === '') return null;
    switch (type) {
      case 'acceptRequest': return days && (!choosesCoordinator || coordinatorId) ? { type, caseId, days, respondingCoordinatorId: choosesCoordinator ? coordinatorId : null } : null;
      case 'forwardRequest': return authorityId ? { type, caseId, toAuthorityId: authorityId, justification } : null;
      case 'splitRequest': return authorityId && questionIds.length > 0
        ? { type, caseId, newCaseId: crypto.randomUUID(), toAuthorityId: authorityId, questionIds, attachmentIds, justification } : null;
      case 'referralDecision': return { type, caseId, agrees: agrees === 'yes', justification };
      case 'addMessage': return message.text.trim() ? { type, caseId, messageId: crypto.randomUUID(), messageType, text: message } : null;
      case 'sendRequest': return choosesCoordinator && !coordinatorId ? null : { type, caseId, requestingCoordinatorId: choosesCoordinator ? coordinatorId : c.requestingCoordinatorId };
      case 'rejectRequestApproval': case 'refuseRequest': case 'rejectReplyApproval': case 'requestAdditionalInfo':
      case 'refuseAdditionalInfo': case 'referRequest': case 'maintainAndClose': case 'withdrawRequest':
        return { type, caseId, justification };
      case 'deleteDraft': case 'approveRequest': case 'approveReply': case 'closeRequest': case 'acceptAdditionalInfo':
        return { type, caseId };
    }
  };

  const submit = () => {
    setTried(true);
    const command = build();
    if (!command) return;
    run.mutate({ command }, {
      onSuccess: (result) => {
        if (result.ok) onDone(type);
        else setRejection(result.rejection);
      },
    });
  };

  const missingJustification = tried && isJustified(type) && justification.text.trim() === '';
  return (
    <ModalDialog title={t(`commands.${type}`)} isOpen onClose={onClose} wide={type === 'forwardRequest' || type === 'splitRequest'}
      actions={<>
        <Button className="button" onPress={onClose}>{t('common.cancel')}</Button>
        <Button className="button button-primary" onPress={submit} isPending={run.isPending}>{t(`commands.${type}`)}</Button>
      </>}>
      <p>{t(`commandHelp.${type}`)}</p>
      {rejection ? <Notice kind="error">{reasonText(t, rejection.reason)}</Notice> : null}
      {run.error ? <Notice kind="error">{reasonText(t, 'INTERNAL')}</Notice> : null}
      {type === 'acceptRequest' ? (
        <NumberInput label={t('accept.days')} value={days} onChange={setDays} minValue={1} maxValue={maxDays} requirement="red"
          description={t('accept.daysHelp', { max: maxDays, proposed: c.proposedDueDays ?? '—' })} isInvalid={tried && !days} errorMessage={t('form.required')} />
      ) : null}
      {type === 'forwardRequest' || type === 'splitRequest' ? (
        <AuthoritySearch area={c.area} fixedCountry={ownCountry} selectedId={authorityId} onSelect={setAuthorityId}
          isInvalid={tried && !authorityId} excludeIds={type === 'forwardRequest' && c.respondingAuthorityId ? [c.respondingAuthorityId] : []} />
      ) : null}
      {type === 'splitRequest' && questionSet ? (
        <CheckboxGroup value={questionIds} onChange={setQuestionIds} className="field" isInvalid={tried && questionIds.length === 0}>
          <Label>{t('split.questions')}</Label>
          {c.questions.map((q) => {
            const question = questionSet.questions.find((x) => x.id === q.questionId);
            return <Checkbox key={q.questionId} value={q.questionId} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{question ? localize(question.text) : q.questionId}</Checkbox>;
          })}
        </CheckboxGroup>
      ) : null}
      {type === 'splitRequest' && c.attachments.length > 0 ? (
        <CheckboxGroup value={attachmentIds} onChange={setAttachmentIds} className="field">
          <Label>{t('split.attachments')}</Label>
          {c.attachments.map((a) => <Checkbox key={a.id} value={a.id} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{a.name}</Checkbox>)}
        </CheckboxGroup>
      ) : null}
      {choosesCoordinator ? (
        <RadioGroup value={coordinatorId} onChange={setCoordinatorId} className="field" isRequired isInvalid={tried && !coordinatorId}>
          <Label>{t('coordinatorChoice.label')}</Label>
          {coordinators.map((id) => <Radio key={id} value={id} className="radio"><AuthorityName id={id} /></Radio>)}
          {tried && !coordinatorId ? <p className="field-error">{t('coordinatorChoice.required')}</p> : null}
        </RadioGroup>
      ) : null}
      {type === 'referralDecision' ? (
        <RadioGroup value={agrees} onChange={(v) => setAgrees(v === 'no' ? 'no' : 'yes')} className="field">
          <Label>{t('referral.question')}</Label>
          <Radio value="yes" className="radio">{t('referral.agrees')}</Radio>
          <Radio value="no" className="radio">{t('referral.disagrees')}</Radio>
        </RadioGroup>
      ) : null}
      {type === 'addMessage' ? (
        <>
          <SelectField label={t('messages.type')} value={messageType} onChange={(v) => { const p = MessageType.safeParse(v); if (p.success) setMessageType(p.data); }}
            options={MessageType.options.map((m) => ({ id: m, label: t(`messageTypes.${m}`) }))} />
          <FreeTextField label={t('messages.text')} value={message} onChange={setMessage} isRequired isInvalid={tried && !message.text.trim()} errorMessage={t('form.required')} />
        </>
      ) : null}
      {isJustified(type) ? (
        <FreeTextField label={t('justification.label')} value={justification} onChange={setJustification} isRequired
          isInvalid={missingJustification} errorMessage={t('justification.required')} />
      ) : null}
    </ModalDialog>
  );
}
