// One request as this user sees it (view at their level, possible commands, pending and attention marks),
// with its question set and subject section for labels and masking.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc';
import type { DeskOutputs } from '../api/trpc';
import type { RequestView } from '../../../shared/request/visibility';
import type { PossibleCommand } from '../../../electron/desk/requests/possibleCommands';
import type { AttentionItem } from '../../../electron/desk/sync/attentionList';

/**
 * What `requests.get` answers. Written out because the router's inferred output collapses (its not-found
 * branch returns `unwrap(...)` typed `unknown`); drop this once the procedure's output infers again.
 */
export interface RequestDetails {
  view: RequestView;
  pending: boolean;
  overdue: boolean;
  commands: PossibleCommand[];
  attention: AttentionItem[];
}
export type RequestViewData = RequestView;
export type FullCase = Extract<RequestViewData, { level: 'FULL' | 'FULL_NO_PD' }>['case'];
export type QuestionSetData = DeskOutputs['reference']['questionSet'];
export type SubjectSectionData = NonNullable<DeskOutputs['reference']['subjectSection']>;

export function useRequest(id: string) {
  const trpc = useTRPC();
  const request = useQuery({ ...trpc.requests.get.queryOptions({ id }), select: (data: unknown) => data as RequestDetails });
  const c = request.data?.view.case;
  const questionSet = useQuery(trpc.reference.questionSet.queryOptions({ id: c?.questionSetId ?? '' }, { enabled: c !== undefined, staleTime: Infinity }));
  const subjectSection = useQuery(trpc.reference.subjectSection.queryOptions({ area: c?.area ?? 'PQ' }, { enabled: c !== undefined, staleTime: Infinity }));
  return { request, questionSet: questionSet.data, subjectSection: subjectSection.data ?? undefined };
}
