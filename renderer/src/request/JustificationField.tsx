// A free-text field that records its language (SPEC §5.6): the text and a language choice beside it.
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, LanguageCode } from '../../../shared/reference/codes';
import type { FreeText } from '../../../shared/reference/text';
import { languageName } from '../i18n/displayNames';
import { SelectField } from '../ui/SelectField';
import { TextInput } from '../ui/TextInput';

export interface FreeTextFieldProps {
  label: string;
  value: FreeText;
  onChange: (value: FreeText) => void;
  isRequired?: boolean;
  isInvalid?: boolean;
  errorMessage?: string | undefined;
}

export function FreeTextField({ label, value, onChange, isRequired, isInvalid, errorMessage }: FreeTextFieldProps) {
  const { t, i18n } = useTranslation();
  const languages = LANGUAGE_CODES.map((code) => ({ id: code, label: languageName(code, i18n.language) }));
  return (
    <div className="free-text">
      <TextInput label={label} multiline value={value.text} onChange={(text) => onChange({ ...value, text })}
        requirement={isRequired ? 'red' : undefined} isInvalid={isInvalid} errorMessage={errorMessage} />
      <SelectField label={t('freeText.language', { field: label })} options={languages} value={value.language}
        onChange={(v) => { const parsed = LanguageCode.safeParse(v); if (parsed.success) onChange({ ...value, language: parsed.data }); }} />
    </div>
  );
}
