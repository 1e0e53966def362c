// Pages of a request list loaded as the user scrolls (the table is virtualised, so 100,000 rows stay cheap).
import { useInfiniteQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { DeskOutputs } from '../api/trpc';

export type RequestPage = DeskOutputs['requests']['actionList'];
export type RequestRow = RequestPage['items'][number];
export type SortKey = 'entryNumber' | 'dueDate' | 'sentAt' | 'status';
export interface Sorting { sort: SortKey; direction: 'asc' | 'desc' }

export const PAGE_SIZE = 100;

export function usePagedRequests(queryKey: QueryKey, fetchPage: (offset: number) => Promise<RequestPage>, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: [...queryKey, 'paged'],
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    enabled,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  return { query, items, total };
}
