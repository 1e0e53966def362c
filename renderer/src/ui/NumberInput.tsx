// A labelled whole-number field (react-aria NumberField), formatted in the interface locale.
import { FieldError, Group, Input, Label, NumberField, Text } from 'react-aria-components';
import { RequirementMark } from './RequirementMark';
import type { Requirement } from '../../../shared/reference/questionSet';

export interface NumberInputProps {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  minValue?: number | undefined;
  maxValue?: number | undefined;
  requirement?: Requirement | undefined;
  isInvalid?: boolean | undefined;
  errorMessage?: string | undefined;
  description?: string | undefined;
}

export function NumberInput(props: NumberInputProps) {
  const { label, value, onChange, requirement, errorMessage, description, ...rest } = props;
  return (
    <NumberField
      {...rest}
      className="field"
      value={value ?? Number.NaN}
      onChange={(next) => onChange(Number.isNaN(next) ? null : next)}
      formatOptions={{ maximumFractionDigits: 0 }}
      validationBehavior="aria"
    >
      <Label>{label}<RequirementMark requirement={requirement} /></Label>
      <Group className="number-group"><Input /></Group>
      {description ? <Text slot="description" className="field-description">{description}</Text> : null}
      <FieldError className="field-error">{errorMessage}</FieldError>
    </NumberField>
  );
}
