// Reuse data (SPEC §5.3 copyRequest): a new draft prefilled with the parts the user ticks; it opens for editing.
import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../api/refusals';
import { navigate } from '../app/useHashRoute';
import { ModalDialog } from '../ui/ModalDialog';
import { Notice } from '../ui/Notice';
import { useRequestCommand } from './useRequestCommand';
import type { CommandRejection } from './useRequestCommand';
import type { FullCase } from './useRequest';

const PARTS = ['addressee', 'subject', 'questions', 'attachments'] as const;
type Part = (typeof PARTS)[number];

export function CopyRequestDialog({ c, onClose }: { c: FullCase; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useRequestCommand();
  const [parts, setParts] = useState<string[]>(['addressee', 'subject', 'questions']);
  const [rejection, setRejection] = useState<CommandRejection | null>(null);
  const has = (part: Part) => parts.includes(part);

  const submit = () => {
    const newCaseId = crypto.randomUUID();
    const command = {
      type: 'copyRequest' as const, caseId: c.id, newCaseId, targetArea: null, targetQuestionSetId: null,
      parts: { addressee: has('addressee'), subject: has('subject'), questions: has('questions'), attachments: has('attachments') },
    };
    run.mutate({ command }, {
      onSuccess: (result) => {
        if (!result.ok) { setRejection(result.rejection); return; }
        onClose();
        navigate({ name: 'editDraft', id: newCaseId });
      },
    });
  };

  return (
    <ModalDialog title={t('copy.title')} isOpen onClose={onClose}
      actions={<>
        <Button className="button" onPress={onClose}>{t('common.cancel')}</Button>
        <Button className="button button-primary" onPress={submit} isPending={run.isPending}>{t('copy.confirm')}</Button>
      </>}>
      <p>{t('copy.help')}</p>
      {rejection ? <Notice kind="error">{reasonText(t, rejection.reason)}</Notice> : null}
      {run.error ? <Notice kind="error">{reasonText(t, 'INTERNAL')}</Notice> : null}
      <CheckboxGroup value={parts} onChange={setParts} className="field">
        <Label>{t('copy.parts')}</Label>
        {PARTS.map((part) => (
          <Checkbox key={part} value={part} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{t(`copy.part.${part}`)}</Checkbox>
        ))}
      </CheckboxGroup>
    </ModalDialog>
  );
}
