// A labelled text field (react-aria TextField) with an optional red/orange asterisk and an error message.
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { RequirementMark } from './RequirementMark';
import type { Requirement } from '../../../shared/reference/questionSet';

export interface TextInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  requirement?: Requirement | undefined;
  /** Highlighted after a failed validation. */
  isInvalid?: boolean | undefined;
  errorMessage?: string | undefined;
  description?: string | undefined;
  type?: 'text' | 'password' | 'date' | 'email' | 'tel' | undefined;
  multiline?: boolean | undefined;
  autoComplete?: string | undefined;
  maxLength?: number | undefined;
  autoFocus?: boolean | undefined;
  isReadOnly?: boolean | undefined;
  name?: string | undefined;
  className?: string | undefined;
}

export function TextInput(props: TextInputProps) {
  const { label, requirement, multiline, description, errorMessage, className, ...field } = props;
  return (
    <TextField
      {...field}
      className={`field ${className ?? ''}`}
      isInvalid={props.isInvalid}
      validationBehavior="aria"
    >
      <Label>{label}<RequirementMark requirement={requirement} /></Label>
      {multiline ? <TextArea rows={4} /> : <Input />}
      {description ? <Text slot="description" className="field-description">{description}</Text> : null}
      <FieldError className="field-error">{errorMessage}</FieldError>
    </TextField>
  );
}
