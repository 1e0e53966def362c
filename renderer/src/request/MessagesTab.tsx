// Messages and Attachments: the messages (type, text, its language) and the attachments panel (list, open, add).
import { useTranslation } from 'react-i18next';
import { formatDateTime, languageName } from '../i18n/displayNames';
import { AuthorityName } from '../dashboard/AuthorityName';
import { AttachmentsPanel } from './AttachmentsPanel';
import type { FullCase } from './useRequest';

export function MessagesTab({ c, canAttach }: { c: FullCase; canAttach: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="tab-content">
      <h2>{t('request.tabs.messages')}</h2>
      {c.messages.length === 0 ? <p>{t('messages.none')}</p> : (
        <ul className="message-list">
          {c.messages.map((m) => (
            <li key={m.id} className="message">
              <p className="message-meta">
                {t(`messageTypes.${m.type}`)} · <AuthorityName id={m.authorityId} /> · {formatDateTime(m.at, i18n.language)} · {languageName(m.text.language, i18n.language)}
              </p>
              <p lang={m.text.language}>{m.text.text}</p>
            </li>
          ))}
        </ul>
      )}
      <AttachmentsPanel caseId={c.id} canAttach={canAttach} caseVersion={`${c.status}|${c.attachments.map((x) => x.id).join(',')}`} />
    </div>
  );
}
