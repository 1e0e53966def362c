// The three requested positions of the security code, one labelled single-character field each (SPEC §4).
import { Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface SecurityCodeFieldsProps {
  positions: readonly number[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Online only: a first log-in has no code yet (offline log-in is for users who logged in online before). */
  showFirstTimeHint?: boolean;
}

export function SecurityCodeFields({ positions, values, onChange, showFirstTimeHint = true }: SecurityCodeFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="code-fields">
      <legend>{t('login.securityCode')}</legend>
      {showFirstTimeHint ? <p className="field-description">{t('login.codeFirstTime')}</p> : null}
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
