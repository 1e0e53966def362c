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

/** After log-in or log-out every cached answer belongs to someone else: start clean with the new status. */
export function useApplySessionStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (status: SessionStatus) => {
    queryClient.clear();
    queryClient.setQueryData(trpc.session.status.queryKey(), status);
  };
}
