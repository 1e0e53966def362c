// Edit reply: an answer panel per question, follow-up questions appearing from answers; save (unanswered
// questions are warnings), send a partial reply, or send the reply (refused, in red, while any is unanswered).
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { triggeredFollowUps, unansweredQuestionIds } from '../../../shared/request/replyValidation';
import type { Answer, AnswerValue } from '../../../shared/request/requestCase';
import type { AnswerInput } from '../../../shared/request/commands';
import { reasonText } from '../api/refusals';
import { useLocalize } from '../i18n/useFreeTextLanguage';
import { Notice } from '../ui/Notice';
import { AnswerInputField } from './AnswerInputField';
import { useRequestCommand } from './useRequestCommand';
import type { FullCase, QuestionSetData } from './useRequest';

type Drafts = Record<string, AnswerInput>;
type ReplyCommand = 'saveReply' | 'sendPartialReply' | 'sendReply';

function initialDrafts(c: FullCase): Drafts {
  return Object.fromEntries(c.questions.map((q) => {
    const a = c.answers.find((x) => x.questionId === q.questionId);
    return [q.questionId, { questionId: q.questionId, value: a?.value ?? null, followUps: a?.followUps ?? {}, comment: a?.comment ?? null }];
  }));
}

export interface ReplyEditorProps {
  c: FullCase;
  questionSet: QuestionSetData;
  allowed: readonly ReplyCommand[];
  /** A reply (partial or whole) left: the screen shows `message` and moves on. */
  onSent: (message: string) => void;
}

export function ReplyEditor({ c, questionSet, allowed, onSent }: ReplyEditorProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const run = useRequestCommand();
  const [drafts, setDrafts] = useState<Drafts>(() => initialDrafts(c));
  const [highlight, setHighlight] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'info' | 'warning'; text: string } | null>(null);

  const answers = Object.values(drafts);
  const asAnswers: Answer[] = answers.map((a) => ({ ...a, sent: false }));
  const unanswered = unansweredQuestionIds(c.questions, asAnswers, questionSet);
  const setAnswer = (questionId: string, patch: Partial<AnswerInput>) =>
    setDrafts((current) => {
      const before = current[questionId] ?? { questionId, value: null, followUps: {}, comment: null };
      return { ...current, [questionId]: { ...before, ...patch } };
    });

  const send = (type: ReplyCommand) => {
    if (type === 'sendReply' && unanswered.length > 0) {
      setHighlight(unanswered);
      setMessage({ kind: 'error', text: t('reply.unansweredBlock', { count: unanswered.length }) });
      return;
    }
    // Only answers that have a value travel; follow-ups no longer triggered are dropped.
    const payload = answers.filter((a) => a.value !== null).map((a) => {
      const question = questionSet.questions.find((q) => q.id === a.questionId);
      const live = new Set(question ? triggeredFollowUps(question, a.value ?? null).map((f) => f.id) : []);
      return { ...a, followUps: Object.fromEntries(Object.entries(a.followUps).filter(([id]) => live.has(id))) };
    });
    run.mutate({ command: { type, caseId: c.id, answers: payload } }, {
      onSuccess: (result) => {
        if (!result.ok) {
          setHighlight(result.rejection.reason === 'UNANSWERED_QUESTIONS' ? ((result.rejection.details as { questionIds?: string[] } | undefined)?.questionIds ?? []) : []);
          setMessage({ kind: 'error', text: reasonText(t, result.rejection.reason) });
          return;
        }
        setHighlight(type === 'saveReply' ? unanswered : []);
        setMessage(type === 'saveReply' && unanswered.length > 0
          ? { kind: 'warning', text: t('reply.savedWithWarnings', { count: unanswered.length }) }
          : { kind: 'info', text: t(`reply.done.${type}`) });
        if (type !== 'saveReply') onSent(t(`reply.done.${type}`));
      },
    });
  };

  return (
    <div className="tab-content reply-editor">
      <h2>{t('reply.title')}</h2>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <ol className="answer-panels">
        {c.questions.map((selected, index) => {
          const question = questionSet.questions.find((q) => q.id === selected.questionId);
          const draft = drafts[selected.questionId];
          if (!question || !draft) return null;
          const followUps = triggeredFollowUps(question, draft.value ?? null);
          return (
            <li key={question.id} className={`answer-panel ${highlight.includes(question.id) ? 'is-unanswered' : ''}`} data-testid={`answer-${question.id}`}>
              <AnswerInputField label={`${index + 1}. ${localize(question.text)}`} answerType={question.answerType} options={question.options}
                value={draft.value ?? null} onChange={(value) => setAnswer(question.id, { value })} isInvalid={highlight.includes(question.id)} />
              {followUps.map((f) => (
                <div key={f.id} className="follow-up">
                  <AnswerInputField label={localize(f.text)} answerType={f.answerType} options={f.options}
                    value={draft.followUps[f.id] ?? null} isInvalid={highlight.includes(`${question.id}.${f.id}`)}
                    onChange={(value: AnswerValue | null) => {
                      const next = { ...draft.followUps };
                      if (value) next[f.id] = value; else delete next[f.id];
                      setAnswer(question.id, { followUps: next });
                    }} />
                </div>
              ))}
            </li>
          );
        })}
      </ol>
      <div className="toolbar" role="toolbar" aria-label={t('reply.actions')}>
        {allowed.includes('saveReply') ? <Button className="button" onPress={() => send('saveReply')} isPending={run.isPending}>{t('commands.saveReply')}</Button> : null}
        {allowed.includes('sendPartialReply') ? <Button className="button" onPress={() => send('sendPartialReply')}>{t('commands.sendPartialReply')}</Button> : null}
        {allowed.includes('sendReply') ? <Button className="button button-primary" onPress={() => send('sendReply')}>{t('commands.sendReply')}</Button> : null}
      </div>
    </div>
  );
}
