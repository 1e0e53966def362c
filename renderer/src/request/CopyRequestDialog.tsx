// Reuse data (SPEC §5.3 copyRequest): a new draft prefilled with the parts the user ticks, in the same form or in
// another legislative area's form (the fields the two share are copied); it opens for editing.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LEGISLATIVE_AREAS, LegislativeArea } from '../../../shared/reference/codes';
import { reasonText } from '../api/refusals';
import { useTRPC } from '../api/trpc';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import { SelectField } from '../ui/SelectField';
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
  const trpc = useTRPC();
  const localize = useLocalize();
  const run = useRequestCommand();
  const [area, setArea] = useState<LegislativeArea>(c.area);
  const [questionSetId, setQuestionSetId] = useState<string | null>(c.questionSetId);
  const sets = useQuery(trpc.reference.questionSets.queryOptions({ area }));
  const otherForm = area !== c.area || questionSetId !== c.questionSetId;
  const [parts, setParts] = useState<string[]>(['addressee', 'subject', 'questions']);
  const [rejection, setRejection] = useState<CommandRejection | null>(null);
  const has = (part: Part) => parts.includes(part);

  const submit = () => {
    if (!questionSetId) return;
    const newCaseId = crypto.randomUUID();
    const command = {
      type: 'copyRequest' as const, caseId: c.id, newCaseId,
      targetArea: otherForm ? area : null, targetQuestionSetId: otherForm ? questionSetId : null,
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
      <SelectField label={t('copy.area')} value={area} options={LEGISLATIVE_AREAS.map((a) => ({ id: a, label: t(`areas.${a}`) }))}
        onChange={(v) => { const p = LegislativeArea.safeParse(v); if (p.success) { setArea(p.data); setQuestionSetId(p.data === c.area ? c.questionSetId : null); } }} />
      <SelectField label={t('copy.questionSet')} value={questionSetId} requirement="red" isInvalid={!questionSetId} errorMessage={t('form.required')}
        options={(sets.data ?? []).map((set) => ({ id: set.id, label: localize(set.title) }))} onChange={setQuestionSetId} />
      <CheckboxGroup value={parts} onChange={setParts} className="field">
        <Label>{t('copy.parts')}</Label>
        {PARTS.map((part) => (
          <Checkbox key={part} value={part} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{t(`copy.part.${part}`)}</Checkbox>
        ))}
      </CheckboxGroup>
    </ModalDialog>
  );
}
