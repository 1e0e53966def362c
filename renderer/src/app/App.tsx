// The renderer's composition root: one query client and one desk client, then the screen the session calls for.
import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TRPCProvider } from '../api/trpc';
import { createDeskClient } from '../api/deskClient';
import { errorText } from '../api/refusals';
import { LoginScreen } from '../session/LoginScreen';
import { FirstLoginScreen } from '../session/FirstLoginScreen';
import { useSession } from '../session/useSession';
import { Notice } from '../ui/Notice';
import { AppShell } from './AppShell';

function newQueryClient() {
  // The desk answers from its local replica: quick, so no long stale times; refusals are not retried.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, retry: false, refetchOnWindowFocus: true } } });
}

export function App() {
  const [queryClient] = useState(newQueryClient);
  const [deskClient] = useState(() => createDeskClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={deskClient} queryClient={queryClient}>
        <SessionGate />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function SessionGate() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (session.isError) return <main className="login-screen"><Notice kind="error">{errorText(t, session.error)}</Notice></main>;
  const status = session.data;
  switch (status.state) {
    case 'signedOut': return <LoginScreen />;
    case 'firstLoginRequired': return <FirstLoginScreen status={status} />;
    case 'signedIn': return <AppShell session={status} />;
  }
}
