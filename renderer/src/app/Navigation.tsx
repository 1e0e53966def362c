// The main menu: Dashboard, Search, New request, Needs attention, My reports, Users (local data administrators), Settings.
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hrefOf } from './useHashRoute';
import type { Route } from './useHashRoute';

export interface NavigationProps {
  current: Route['name'];
  isLda: boolean;
  attentionCount: number;
}

export function Navigation({ current, isLda, attentionCount }: NavigationProps) {
  const { t } = useTranslation();
  const items: { route: Route; label: string; badge?: number }[] = [
    { route: { name: 'dashboard' }, label: t('nav.dashboard') },
    { route: { name: 'search' }, label: t('nav.search') },
    { route: { name: 'newRequest' }, label: t('nav.newRequest') },
    { route: { name: 'attention' }, label: t('nav.attention'), badge: attentionCount },
    { route: { name: 'myReports' }, label: t('nav.myReports') },
    ...(isLda ? [{ route: { name: 'users' } as Route, label: t('nav.users') }] : []),
    { route: { name: 'settings' }, label: t('nav.settings') },
  ];
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map(({ route, label, badge }) => (
          <li key={route.name}>
            <Link href={hrefOf(route)} className="nav-link" aria-current={current === route.name ? 'page' : undefined}>
              {label}
              {badge ? <span className="badge" aria-label={t('nav.attentionCount', { count: badge })}>{badge}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
