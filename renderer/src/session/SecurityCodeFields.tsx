// The three requested positions of the security code, one labelled single-character field each (SPEC §4).
import { Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface SecurityCodeFieldsProps {
  positions: readonly number[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}

export function SecurityCodeFields({ positions, values, onChange }: SecurityCodeFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="code-fields">
      <legend>{t('login.securityCode')}</legend>
      <p className="field-description">{t('login.codeFirstTime')}</p>
      {positions.map((position, index) => (
        <TextField
          key={position}
          className="field code-field"
          value={values[index] ?? ''}
          maxLength={1}
          autoComplete="off"
          onChange={(value) => onChange(positions.map((_, i) => (i === index ? value.slice(-1) : values[i] ?? '')))}
        >
          <Label>{t('login.codeCharacter', { position })}</Label>
          <Input type="password" />
        </TextField>
      ))}
    </fieldset>
  );
}
