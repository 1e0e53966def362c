// A small hash router: the desk serves one page, and a hash keeps working from file:// in Electron too.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'dashboard' }
  | { name: 'search' }
  | { name: 'newRequest' }
  | { name: 'request'; id: string }
  | { name: 'editDraft'; id: string }
  | { name: 'attention' }
  | { name: 'users' }
  | { name: 'settings' }
  | { name: 'myReports' };

export function parseRoute(hash: string): Route {
  const [, first, second] = hash.replace(/^#/, '').split('/');
  switch (first) {
    case 'search': return { name: 'search' };
    case 'new': return { name: 'newRequest' };
    case 'attention': return { name: 'attention' };
    case 'users': return { name: 'users' };
    case 'settings': return { name: 'settings' };
    case 'reports': return { name: 'myReports' };
    case 'request': return second ? { name: 'request', id: decodeURIComponent(second) } : { name: 'dashboard' };
    case 'edit': return second ? { name: 'editDraft', id: decodeURIComponent(second) } : { name: 'dashboard' };
    default: return { name: 'dashboard' };
  }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'dashboard': return '#/dashboard';
    case 'search': return '#/search';
    case 'newRequest': return '#/new';
    case 'attention': return '#/attention';
    case 'users': return '#/users';
    case 'settings': return '#/settings';
    case 'myReports': return '#/reports';
    case 'request': return `#/request/${encodeURIComponent(route.id)}`;
    case 'editDraft': return `#/edit/${encodeURIComponent(route.id)}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
