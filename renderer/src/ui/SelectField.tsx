// A labelled single choice (react-aria Select) over a list of id/label options.
import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { RequirementMark } from './RequirementMark';
import type { Requirement } from '../../../shared/reference/questionSet';

export interface Option { id: string; label: string }

export interface SelectFieldProps {
  label: string;
  options: readonly Option[];
  value: string | null;
  onChange: (value: string | null) => void;
  requirement?: Requirement | undefined;
  isInvalid?: boolean | undefined;
  errorMessage?: string | undefined;
  placeholder?: string | undefined;
  isDisabled?: boolean | undefined;
  className?: string | undefined;
}

export function SelectField(props: SelectFieldProps) {
  const { label, options, value, onChange, requirement, isInvalid, errorMessage, placeholder, isDisabled, className } = props;
  return (
    <Select
      className={`field ${className ?? ''}`}
      value={value}
      onChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      isInvalid={isInvalid}
      isDisabled={isDisabled}
      placeholder={placeholder}
      validationBehavior="aria"
    >
      <Label>{label}<RequirementMark requirement={requirement} /></Label>
      <Button className="select-button"><SelectValue /><span aria-hidden="true">▾</span></Button>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => <ListBoxItem id={option.id} className="listbox-item">{option.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}
