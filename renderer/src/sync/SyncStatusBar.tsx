// Always-visible sync status (SPEC §13): online/offline, pending commands, last sync, items needing attention.
import { Button, Link } from 'react-aria-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { formatDateTime } from '../i18n/displayNames';
import { hrefOf } from '../app/useHashRoute';
import { useSyncStatus } from './useSyncStatus';

export function SyncStatusBar() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const status = useSyncStatus();
  const syncNow = useMutation(trpc.sync.now.mutationOptions());
  if (!status) return <footer className="status-bar" aria-label={t('sync.label')}>{t('sync.unknown')}</footer>;
  const online = status.online && status.sessionMode === 'online';
  return (
    <footer className="status-bar" aria-label={t('sync.label')}>
      <span className={`status-dot ${online ? 'online' : 'offline'}`} aria-hidden="true" />
      <span role="status" data-testid="sync-connection">
        {status.sessionMode === 'offline' ? t('sync.offlineLogin') : online ? t('sync.online') : t('sync.offline')}
      </span>
      <span data-testid="sync-pending" className={status.pendingCount > 0 ? 'pending-count' : ''}>
        {t('sync.pending', { count: status.pendingCount })}
      </span>
      <span data-testid="sync-last">
        {status.lastSyncAt ? t('sync.lastSync', { time: formatDateTime(status.lastSyncAt, i18n.language) }) : t('sync.never')}
      </span>
      {status.attentionCount > 0 ? (
        <Link className="attention-link" href={hrefOf({ name: 'attention' })}>{t('sync.attention', { count: status.attentionCount })}</Link>
      ) : null}
      {status.lastError && !online ? <span className="status-error">{t('sync.lastError')}</span> : null}
      <Button className="button button-small" onPress={() => syncNow.mutate()} isDisabled={status.sessionMode === 'offline'}>{t('sync.now')}</Button>
    </footer>
  );
}
