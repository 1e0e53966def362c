// Messages and Attachments: the messages (type, text, its language) and the attachment list; closed before acceptance.
import { useTranslation } from 'react-i18next';
import { formatDateTime, languageName } from '../i18n/displayNames';
import { AuthorityName } from '../dashboard/AuthorityName';
import type { FullCase } from './useRequest';

export function MessagesTab({ c }: { c: FullCase }) {
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
      <h3>{t('attachments.title')}</h3>
      {c.attachments.length === 0 ? <p>{t('attachments.none')}</p> : (
        <ul className="attachment-list">
          {c.attachments.map((a) => (
            <li key={a.id}>
              {a.name} ({languageName(a.documentLanguage, i18n.language)}, {new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(a.size / 1024)})
              {!a.contentAvailable ? <span className="closed-attachment"> — {t('attachments.closed')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
