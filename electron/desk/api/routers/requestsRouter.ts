// `requests.*`: action lists and counts (SPEC §5.7), search by form and across forms, the case view with the
// commands this user can take, and queueing a command (answered at once: queued, or the typed refusal).
import { z } from 'zod';
import { CountryCode, LegislativeArea } from '../../../../shared/reference/codes';
import { RequestCommand } from '../../../../shared/request/commands';
import { RequestStatus } from '../../../../shared/request/requestCase';
import { queueCommand } from '../../commands/commandQueue';
import { caseOf } from '../../commands/workingCopy';
import { possibleCommands } from '../../requests/possibleCommands';
import type { PossibleCommand } from '../../requests/possibleCommands';
import type { RequestView } from '../../../../shared/request/visibility';
import type { DeskOutcome } from '../deskErrors';
import { readRequest } from '../../replica/requestStore';
import { ACTION_LISTS, actionList, isOverdue, searchRequestsBy } from '../../search/requestLists';
import type { ActionList, RequestPage } from '../../search/requestLists';
import type { SignedInDesk } from '../../deskService';
import { openAttentionFor } from '../../sync/attentionList';
import type { AttentionItem } from '../../sync/attentionList';
import { router, signedInProcedure, unwrap } from '../trpc';

const Paging = {
  sort: z.enum(['entryNumber', 'dueDate', 'sentAt', 'status']).default('entryNumber'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
};
const IsoDate = z.iso.date();

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Lists a user sees depend on their roles: coordinators' and allocators' lists only for them. */
export function listsFor(signedIn: SignedInDesk): ActionList[] {
  const roles = new Set(signedIn.user.rights.flatMap((r) => r.roles));
  const coordinator = signedIn.authority?.areas.some((a) => a.workflows.some((w) => w.workflow === 'REQUEST' && w.role === 'REQUEST_COORDINATOR')) ?? false;
  return ACTION_LISTS.filter((list) => {
    if (list === 'awaitingMyDecision' || list === 'asCoordinator' || list === 'otherAuthorities') return coordinator || list === 'otherAuthorities';
    if (list === 'toBeAllocated') return roles.has('ALLOCATOR') && (signedIn.authority?.usesAllocation ?? false);
    return true;
  });
}

function withOverdue(page: RequestPage, now: Date) {
  const day = today(now);
  return { total: page.total, items: page.items.map((item) => ({ ...item, overdue: isOverdue(item, day) })) };
}

/** The case view of `requests.get`: the working copy, its pending mark, and what this user can do next. */
export interface CaseDetail {
  view: RequestView;
  pending: boolean;
  overdue: boolean;
  commands: PossibleCommand[];
  /** Refused commands of this case not yet dismissed, with what the user typed. */
  attention: AttentionItem[];
}

function caseDetail(signedIn: SignedInDesk, id: string, now: Date): DeskOutcome<CaseDetail> {
  const { replica, user, env } = signedIn;
  const stored = readRequest(replica.db, id);
  const view = stored?.data;
  if (!stored || !view) return { ok: false, reason: 'CASE_NOT_FOUND' };
  const decidable = caseOf(view);
  return {
    ok: true,
    value: {
      view,
      pending: stored.pending,
      overdue: isOverdue({ dueDate: view.case.dueDate, status: view.case.status }, today(now)),
      commands: decidable ? possibleCommands(decidable, user, now.toISOString(), env) : [],
      attention: openAttentionFor(replica.db, id),
    },
  };
}

export const requestsRouter = router({
  /** Dashboard: every list this user has, with its count and first page. */
  actionLists: signedInProcedure
    .input(z.object({ limit: z.number().int().min(0).max(50).default(10) }).default({ limit: 10 }))
    .query(({ ctx, input }) => {
      const now = ctx.desk.now();
      return listsFor(ctx.signedIn).map((list) => ({
        list,
        ...withOverdue(actionList(ctx.signedIn.replica.db, list, ctx.signedIn.user, today(now), { limit: input.limit, sort: 'dueDate', direction: 'asc' }), now),
      }));
    }),

  actionList: signedInProcedure
    .input(z.object({ list: z.enum(ACTION_LISTS), ...Paging }))
    .query(({ ctx, input }) => {
      const now = ctx.desk.now();
      const { list, ...options } = input;
      return withOverdue(actionList(ctx.signedIn.replica.db, list, ctx.signedIn.user, today(now), options), now);
    }),

  search: signedInProcedure
    .input(z.object({
      text: z.string().max(500).optional(),
      entryNumber: z.number().int().positive().optional(),
      area: LegislativeArea.optional(),
      questionSetId: z.string().max(100).optional(),
      statuses: z.array(RequestStatus).max(20).optional(),
      country: CountryCode.optional(),
      authorityId: z.string().max(64).optional(),
      sentFrom: IsoDate.optional(),
      sentTo: IsoDate.optional(),
      createdFrom: IsoDate.optional(),
      createdTo: IsoDate.optional(),
      overdue: z.boolean().optional(),
      ...Paging,
    }))
    .query(({ ctx, input }) => {
      const now = ctx.desk.now();
      const { sort, direction, limit, offset, ...criteria } = input;
      return withOverdue(searchRequestsBy(ctx.signedIn.replica.db, criteria, ctx.signedIn.user, today(now), { sort, direction, limit, offset }), now);
    }),

  get: signedInProcedure
    .input(z.object({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => unwrap(caseDetail(ctx.signedIn, input.id, ctx.desk.now()))),

  /** Decided locally at once; queued for the hub when accepted. The result is final for this desk: no throw for a refusal. */
  command: signedInProcedure
    .input(z.object({ command: RequestCommand }))
    .mutation(({ ctx, input }) => {
      const { replica, user, env, sync } = ctx.signedIn;
      const result = queueCommand(replica, user, input.command, ctx.desk.now().toISOString(), env);
      if (result.ok) sync.poke();
      return result;
    }),
});
