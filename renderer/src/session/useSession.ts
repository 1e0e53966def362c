// The session as the renderer sees it: the desk's status, refreshed after every log-in step.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import type { DeskOutputs } from '../api/trpc';

export type SessionStatus = DeskOutputs['session']['status'];
export type SignedInStatus = Extract<SessionStatus, { state: 'signedIn' }>;

export function useSession() {
  const trpc = useTRPC();
  return useQuery(trpc.session.status.queryOptions());
}

/**
 * After log-in or log-out every cached answer belongs to someone else: drop them, but keep the session
 * query itself (its observer must see the new status; a cleared cache would orphan it).
 */
export function useApplySessionStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (status: SessionStatus) => {
    // The next person starts on the dashboard, not on the screen the last one left open (e.g. Users).
    if (status.state === 'signedOut') window.history.replaceState(null, '', window.location.pathname + window.location.search);
    const sessionKey = trpc.session.status.queryKey();
    queryClient.setQueryData(sessionKey, status);
    const sessionHash = JSON.stringify(sessionKey);
    queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== sessionHash });
  };
}
