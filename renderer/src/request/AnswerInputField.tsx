// One answer panel's input, by the question's answer type: pre-defined answers, yes/no, a date or free text.
import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AnswerType, ChoiceOption } from '../../../shared/reference/questionSet';
import type { AnswerValue } from '../../../shared/request/requestCase';
import { useFreeTextLanguage, useLocalize } from '../i18n/useFreeTextLanguage';
import { TextInput } from '../ui/TextInput';
import { FreeTextField } from './JustificationField';

export interface AnswerInputFieldProps {
  label: string;
  answerType: AnswerType;
  options: readonly ChoiceOption[] | undefined;
  value: AnswerValue | null;
  onChange: (value: AnswerValue | null) => void;
  isInvalid: boolean;
}

export function AnswerInputField({ label, answerType, options = [], value, onChange, isInvalid }: AnswerInputFieldProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const language = useFreeTextLanguage();
  const invalid = isInvalid ? 'is-invalid' : '';
  switch (answerType) {
    case 'singleChoice':
      return (
        <RadioGroup className={`field ${invalid}`} isInvalid={isInvalid} value={value?.kind === 'choice' ? (value.optionIds[0] ?? null) : null}
          onChange={(id) => onChange({ kind: 'choice', optionIds: [id] })}>
          <Label>{label}</Label>
          {options.map((o) => <Radio key={o.id} value={o.id} className="radio">{localize(o.label)}</Radio>)}
        </RadioGroup>
      );
    case 'multipleChoice':
      return (
        <CheckboxGroup className={`field ${invalid}`} isInvalid={isInvalid} value={value?.kind === 'choice' ? value.optionIds : []}
          onChange={(ids) => onChange(ids.length ? { kind: 'choice', optionIds: ids } : null)}>
          <Label>{label}</Label>
          {options.map((o) => <Checkbox key={o.id} value={o.id} className="checkbox"><span className="checkbox-box" aria-hidden="true" />{localize(o.label)}</Checkbox>)}
        </CheckboxGroup>
      );
    case 'yesNo':
      return (
        <RadioGroup className={`field ${invalid}`} isInvalid={isInvalid} orientation="horizontal"
          value={value?.kind === 'yesNo' ? (value.value ? 'yes' : 'no') : null} onChange={(v) => onChange({ kind: 'yesNo', value: v === 'yes' })}>
          <Label>{label}</Label>
          <Radio value="yes" className="radio">{t('common.yes')}</Radio>
          <Radio value="no" className="radio">{t('common.no')}</Radio>
        </RadioGroup>
      );
    case 'date':
      return <TextInput label={label} type="date" isInvalid={isInvalid} value={value?.kind === 'date' ? value.date : ''}
        onChange={(date) => onChange(date ? { kind: 'date', date } : null)} />;
    case 'freeText':
      return <FreeTextField label={label} isInvalid={isInvalid} value={value?.kind === 'text' ? value.text : { text: '', language }}
        onChange={(text) => onChange(text.text.trim() ? { kind: 'text', text } : null)} />;
  }
}
