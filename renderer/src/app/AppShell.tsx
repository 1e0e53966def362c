// The signed-in frame: header (authority, user, language, log-out), navigation, the routed screen and the
// sync status bar that is always visible.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../api/trpc';
import { useApplySessionStatus } from '../session/useSession';
import type { SignedInStatus } from '../session/useSession';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { useInterfaceLanguage } from '../settings/useInterfaceLanguage';
import { SyncStatusBar } from '../sync/SyncStatusBar';
import { Navigation } from './Navigation';
import { useHashRoute } from './useHashRoute';
import { RouteView } from './RouteView';

export function AppShell({ session }: { session: SignedInStatus }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const route = useHashRoute();
  const apply = useApplySessionStatus();
  const logout = useMutation(trpc.session.logout.mutationOptions({ onSuccess: apply }));
  const attention = useQuery(trpc.attention.list.queryOptions());
  useInterfaceLanguage(session.user.preferredLanguage);
  const isLda = session.user.generalRoles.includes('LDA');
  const authorityName = session.authority?.officialName ?? '';

  return (
    <div className="app-shell">
      <header className="app-header">
        <span className="app-name">{t('app.title')}</span>
        <span className="app-authority">{authorityName}</span>
        <span className="app-user" data-testid="current-user">{`${session.user.name} ${session.user.surname}`}</span>
        <LanguageSwitch signedIn />
        <Button className="button button-small" data-testid="log-out" onPress={() => logout.mutate()}>{t('nav.logOut')}</Button>
      </header>
      <Navigation current={route.name === 'editDraft' ? 'request' : route.name} isLda={isLda} attentionCount={attention.data?.length ?? 0} />
      <main className="app-main" id="main">
        <RouteView route={route} session={session} />
      </main>
      <SyncStatusBar />
    </div>
  );
}
