// The question grid of one category: tick questions to ask; the selected row's detail panel below takes
// its extra details (required on selection) and a comment with its language.
import { useState } from 'react';
import { Checkbox, GridList, GridListItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../shared/reference/questionSet';
import type { SelectedQuestion } from '../../../shared/request/requestCase';
import { useFreeTextLanguage, useLocalize } from '../i18n/useFreeTextLanguage';
import { FreeTextField } from '../request/JustificationField';
import { FormFieldInput } from './FormFieldInput';

export interface QuestionGridProps {
  label: string;
  questions: readonly Question[];
  selected: readonly SelectedQuestion[];
  onChange: (selected: SelectedQuestion[]) => void;
  invalidFields: ReadonlySet<string>;
}

export function QuestionGrid({ label, questions, selected, onChange, invalidFields }: QuestionGridProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const language = useFreeTextLanguage();
  const [current, setCurrent] = useState<string | null>(null);
  const ids = new Set(selected.map((q) => q.questionId));
  const inThisGrid = new Set(questions.map((q) => q.id));
  const currentQuestion = questions.find((q) => q.id === current && ids.has(q.id));
  const currentSelection = selected.find((q) => q.questionId === current);

  const update = (questionId: string, patch: Partial<SelectedQuestion>) =>
    onChange(selected.map((q) => (q.questionId === questionId ? { ...q, ...patch } : q)));

  return (
    <div className="question-grid">
      <GridList
        aria-label={label}
        className="question-list-grid"
        items={questions}
        selectionMode="multiple"
        selectionBehavior="toggle"
        selectedKeys={[...ids].filter((id) => inThisGrid.has(id))}
        onSelectionChange={(keys) => {
          const chosen = keys === 'all' ? new Set(questions.map((q) => q.id)) : new Set([...keys].map(String));
          const others = selected.filter((q) => !inThisGrid.has(q.questionId));
          const kept = selected.filter((q) => inThisGrid.has(q.questionId) && chosen.has(q.questionId));
          const added = [...chosen].filter((id) => !ids.has(id)).map((questionId) => ({ questionId, extraDetails: {}, comment: null }));
          onChange([...others, ...kept, ...added]);
          const [last] = added.slice(-1);
          if (last) setCurrent(last.questionId);
        }}
        onAction={(key) => setCurrent(String(key))}
      >
        {(q) => (
          <GridListItem id={q.id} textValue={localize(q.text)} className={`question-row ${current === q.id ? 'is-current' : ''}`}>
            <Checkbox slot="selection" className="checkbox"><span className="checkbox-box" aria-hidden="true" /></Checkbox>
            <span className="question-label">{localize(q.text)}</span>
            {q.extraDetails.length > 0 ? <span className="has-details">{t('questions.hasDetailsShort')}</span> : null}
          </GridListItem>
        )}
      </GridList>
      {currentQuestion && currentSelection ? (
        <section className="detail-panel" aria-label={t('questions.detailPanel')}>
          <h3>{localize(currentQuestion.text)}</h3>
          {currentQuestion.extraDetails.map((d) => (
            <FormFieldInput key={d.id} field={d} value={currentSelection.extraDetails[d.id]}
              isInvalid={invalidFields.has(`questions.${currentQuestion.id}.${d.id}`)}
              onChange={(value) => update(currentQuestion.id, { extraDetails: { ...currentSelection.extraDetails, [d.id]: value } })} />
          ))}
          <FreeTextField label={t('questions.comment')} value={currentSelection.comment ?? { text: '', language }}
            onChange={(comment) => update(currentQuestion.id, { comment: comment.text.trim() ? comment : null })} />
        </section>
      ) : <p className="detail-hint">{t('questions.selectForDetails')}</p>}
    </div>
  );
}
