// The screen for the current route; a request also offers "Print / report" (reports/ReportDialog).
import { DashboardScreen } from '../dashboard/DashboardScreen';
import { SearchScreen } from '../search/SearchScreen';
import { RequestScreen } from '../request/RequestScreen';
import { CreateRequestScreen } from '../create/CreateRequestScreen';
import { AttentionScreen } from '../attention/AttentionScreen';
import { UsersScreen } from '../users/UsersScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { MyReportsScreen } from '../reports/MyReportsScreen';
import { RequestReportButton } from '../reports/ReportDialog';
import type { SignedInStatus } from '../session/useSession';
import type { Route } from './useHashRoute';

export function RouteView({ route, session }: { route: Route; session: SignedInStatus }) {
  switch (route.name) {
    case 'dashboard': return <DashboardScreen />;
    case 'search': return <SearchScreen />;
    case 'newRequest': return <CreateRequestScreen key="new" session={session} draftId={null} />;
    case 'editDraft': return <CreateRequestScreen key={route.id} session={session} draftId={route.id} />;
    case 'request': return (
      <>
        <div className="request-report-bar"><RequestReportButton requestId={route.id} /></div>
        <RequestScreen key={route.id} id={route.id} session={session} />
      </>
    );
    case 'attention': return <AttentionScreen />;
    case 'users': return session.user.generalRoles.includes('LDA') ? <UsersScreen session={session} /> : <DashboardScreen />;
    case 'settings': return <SettingsScreen />;
    case 'myReports': return <MyReportsScreen />;
  }
}
