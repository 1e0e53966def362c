// The banner every request shows (seed 000 §2.2): number or "number pending", status, both authorities, due date.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/displayNames';
import { AuthorityName } from '../dashboard/AuthorityName';

export interface RequestBannerProps {
  entryNumber: number | null;
  status: string;
  requestingAuthorityId: string;
  respondingAuthorityId: string | null;
  dueDate: string | null;
  pending: boolean;
  overdue: boolean;
  questionSetTitle: string;
}

export function RequestBanner(props: RequestBannerProps) {
  const { t, i18n } = useTranslation();
  const number = props.entryNumber === null ? t('request.numberPending') : t('request.entryNumber', { number: props.entryNumber });
  return (
    <header className="request-banner" aria-label={t('request.banner')}>
      <h1 className="banner-number" data-testid="banner-number">{number}</h1>
      <dl className="banner-facts">
        <div><dt>{t('request.form')}</dt><dd>{props.questionSetTitle}</dd></div>
        <div><dt>{t('request.status')}</dt><dd data-testid="banner-status">{t(`status.${props.status}`)}</dd></div>
        <div><dt>{t('request.requestingAuthority')}</dt><dd><AuthorityName id={props.requestingAuthorityId} /></dd></div>
        <div><dt>{t('request.respondingAuthority')}</dt><dd><AuthorityName id={props.respondingAuthorityId} /></dd></div>
        <div>
          <dt>{t('request.dueDate')}</dt>
          <dd>{props.dueDate ? formatDate(props.dueDate, i18n.language) : t('request.noDueDate')}{props.overdue ? ` — ${t('requestList.overdue')}` : ''}</dd>
        </div>
      </dl>
      {props.pending ? <p className="pending-note" role="status">{t('sync.pendingRequest')}</p> : null}
    </header>
  );
}
