// The closable error panel of the request form (seed 000 §2.1): each missing field named, red or orange.
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/request/draftValidation';

export interface ValidationPanelProps {
  title: string;
  issues: readonly FieldIssue[];
  labelOf: (field: string) => string;
  onClose: () => void;
  onGoTo: (issue: FieldIssue) => void;
}

export function ValidationPanel({ title, issues, labelOf, onClose, onGoTo }: ValidationPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="validation-panel" role="alert" aria-label={title}>
      <div className="validation-header">
        <strong>{title}</strong>
        <Button className="button button-small" onPress={onClose} aria-label={t('form.closeErrors')}>×</Button>
      </div>
      <ul>
        {issues.map((issue) => (
          <li key={issue.field} className={`issue issue-${issue.requirement}`}>
            <button type="button" className="link-button" onClick={() => onGoTo(issue)}>{labelOf(issue.field)}</button>
            {' — '}{t(`form.issue.${issue.requirement}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
