// Input for one field of a request form (subject section, set-specific field or extra detail), by its kind.
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { EEA_COUNTRY_CODES, LANGUAGE_CODES } from '../../../shared/reference/codes';
import type { FieldDefinition } from '../../../shared/reference/questionSet';
import type { FieldValue } from '../../../shared/request/requestCase';
import { countryName, languageName } from '../i18n/displayNames';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import { RequirementMark } from '../ui/RequirementMark';
import { SelectField } from '../ui/SelectField';
import { TextInput } from '../ui/TextInput';

export interface FormFieldInputProps {
  field: FieldDefinition;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  isInvalid: boolean;
}

export function FormFieldInput({ field, value, onChange, isInvalid }: FormFieldInputProps) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const label = localize(field.label);
  const text = typeof value === 'string' ? value : '';
  const common = { label, requirement: field.requirement, isInvalid, errorMessage: isInvalid ? t('form.required') : undefined };
  switch (field.kind) {
    case 'text': return <TextInput {...common} value={text} onChange={onChange} name={field.id} />;
    case 'longText': return <TextInput {...common} multiline value={text} onChange={onChange} name={field.id} />;
    case 'date': return <TextInput {...common} type="date" value={text} onChange={onChange} name={field.id} />;
    case 'country':
      return <SelectField {...common} value={text || null} onChange={(v) => onChange(v)}
        options={EEA_COUNTRY_CODES.map((c) => ({ id: c, label: countryName(c, i18n.language) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language))} />;
    case 'language':
      return <SelectField {...common} value={text || null} onChange={(v) => onChange(v)}
        options={LANGUAGE_CODES.map((c) => ({ id: c, label: languageName(c, i18n.language) }))} />;
    case 'choice':
      return <SelectField {...common} value={text || (Array.isArray(value) ? (value[0] ?? null) : null)} onChange={(v) => onChange(v)}
        options={(field.options ?? []).map((o) => ({ id: o.id, label: localize(o.label) }))} />;
    case 'yesNo':
      return (
        <Checkbox className={`checkbox ${isInvalid ? 'is-invalid' : ''}`} isSelected={value === true} onChange={onChange}>
          <span className="checkbox-box" aria-hidden="true" />{label}<RequirementMark requirement={field.requirement} />
        </Checkbox>
      );
  }
}
