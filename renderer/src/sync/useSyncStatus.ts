// The live sync status (subscription, with the query as a fallback), and fresh lists whenever a sync round
// changed something: the replica is the source of every screen, so a new round means new data.
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../api/trpc';
import type { DeskOutputs } from '../api/trpc';

export type DeskSyncStatus = DeskOutputs['sync']['status'];

export function useSyncStatus(): DeskSyncStatus | undefined {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const polled = useQuery(trpc.sync.status.queryOptions(undefined, { refetchInterval: 5_000 }));
  const live = useSubscription(trpc.sync.onStatus.subscriptionOptions());
  const status = live.data ?? polled.data;
  const seen = useRef<string | null>(null);

  useEffect(() => {
    if (!status) return;
    const mark = `${status.lastSyncAt}|${status.pendingCount}|${status.attentionCount}`;
    if (seen.current !== null && seen.current !== mark) {
      void queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.attention.pathKey() });
    }
    seen.current = mark;
  }, [status, queryClient, trpc]);
  return status;
}
