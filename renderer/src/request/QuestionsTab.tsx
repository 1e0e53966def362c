// The selected questions with their extra details, comments and (once replied) the answers.
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../../shared/request/requestCase';
import type { Question } from '../../../shared/reference/questionSet';
import { formatDate } from '../i18n/displayNames';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import { FieldValueText, MASK } from './FieldValueText';
import type { FullCase, QuestionSetData } from './useRequest';

export function AnswerText({ question, value }: { question: Pick<Question, 'options'>; value: AnswerValue | null | undefined }) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  if (value === undefined) return <span className="masked">{MASK}</span>;
  if (value === null) return <span className="empty-value">{t('reply.unanswered')}</span>;
  switch (value.kind) {
    case 'yesNo': return <>{value.value ? t('common.yes') : t('common.no')}</>;
    case 'date': return <>{formatDate(value.date, i18n.language)}</>;
    case 'text': return <>{value.text.text}</>;
    case 'choice': return <>{value.optionIds.map((id) => { const o = question.options?.find((x) => x.id === id); return o ? localize(o.label) : id; }).join(', ')}</>;
  }
}

export function QuestionsTab({ c, questionSet, seesPersonalData }: { c: FullCase; questionSet: QuestionSetData | undefined; seesPersonalData: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (!questionSet) return <p>{t('common.loading')}</p>;
  return (
    <div className="tab-content">
      <h2>{t('request.tabs.questions')}</h2>
      <ol className="question-list">
        {c.questions.map((selected) => {
          const question = questionSet.questions.find((q) => q.id === selected.questionId);
          if (!question) return null;
          const answer = c.answers.find((a) => a.questionId === selected.questionId);
          return (
            <li key={selected.questionId} className="question-item">
              <p className="question-text">{localize(question.text)}</p>
              {question.extraDetails.map((d) => (
                <p key={d.id} className="question-detail">
                  {localize(d.label)}: <FieldValueText field={d} value={selected.extraDetails[d.id]} masked={d.personal && !seesPersonalData} />
                </p>
              ))}
              {selected.comment ? <p className="question-comment">{t('request.comment')}: {selected.comment.text}</p> : null}
              {answer ? (
                <div className="answer">
                  <strong>{t('reply.answer')}:</strong> <AnswerText question={question} value={answer.value} />
                  {question.followUps.filter((f) => answer.followUps[f.id] !== undefined).map((f) => (
                    <p key={f.id}>{localize(f.text)}: <AnswerText question={f} value={answer.followUps[f.id]} /></p>
                  ))}
                  {answer.comment ? <p>{t('request.comment')}: {answer.comment.text}</p> : null}
                  {!answer.sent ? <span className="draft-mark"> ({t('reply.notSentYet')})</span> : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {c.tabComments.length > 0 ? (
        <section>
          <h3>{t('request.tabComments')}</h3>
          <ul>{c.tabComments.map((comment, i) => <li key={i}>{comment.text.text}</li>)}</ul>
        </section>
      ) : null}
    </div>
  );
}
