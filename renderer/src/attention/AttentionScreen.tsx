// Needs attention (SPEC §13): commands the hub refused, in plain words, with what the user typed kept
// (answers, message text, justification) so it can be copied and used again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import type { DeskOutputs } from '../api/trpc';
import { errorText, reasonText } from '../api/refusals';
import { hrefOf } from '../app/useHashRoute';
import { formatDateTime } from '../i18n/displayNames';
import { Notice } from '../ui/Notice';

type AttentionItem = DeskOutputs['attention']['list'][number];

/** Every piece of free text in a refused command: what the user would not want to type again. */
export function typedTexts(command: AttentionItem['command']): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (value && typeof value === 'object') {
      if ('text' in value && typeof value.text === 'string' && 'language' in value) { if (value.text.trim()) texts.push(value.text); return; }
      for (const inner of Object.values(value)) visit(inner);
    }
  };
  visit(command);
  return texts;
}

export function AttentionScreen() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.attention.list.queryOptions());
  const dismiss = useMutation(trpc.attention.dismiss.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.attention.pathKey() }),
  }));
  return (
    <section aria-labelledby="attention-title">
      <h1 id="attention-title">{t('attention.title')}</h1>
      {list.error ? <Notice kind="error">{errorText(t, list.error)}</Notice> : null}
      {list.data?.length === 0 ? <p>{t('attention.none')}</p> : null}
      <ul className="attention-list">
        {(list.data ?? []).map((item) => (
          <li key={item.id} className="attention-item">
            <h2>{t(`commands.${item.command.type}`)} — {formatDateTime(item.createdAt, i18n.language)}</h2>
            <p>{reasonText(t, item.reason)}</p>
            {typedTexts(item.command).map((text, i) => (
              <div key={i} className="kept-text">
                <p className="kept-label">{t('attention.yourText')}</p>
                <textarea readOnly value={text} aria-label={t('attention.yourText')} rows={3} />
                <Button className="button button-small" onPress={() => void navigator.clipboard?.writeText(text)}>{t('attention.copy')}</Button>
              </div>
            ))}
            <div className="form-actions">
              <Link className="button" href={hrefOf({ name: 'request', id: item.caseId })}>{t('attention.openRequest')}</Link>
              <Button className="button" onPress={() => dismiss.mutate({ id: item.id })}>{t('attention.dismiss')}</Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
