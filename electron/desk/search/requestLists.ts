// The action lists of SPEC §5.7 and full-text search over the replica's working copies, with sort and paging.
import { and, asc, desc, eq, inArray, isNotNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { requests } from '../../../db/replica/schema';
import { CLOSED_STATUSES } from '../../../shared/request/requestCase';
import type { RequestStatus } from '../../../shared/request/requestCase';
import type { Actor } from '../../../shared/user/user';
import type { ReplicaExecutor } from '../replica/replicaDb';
import { ftsQuery } from './foldForSearch';

export const ACTION_LISTS = ['toBeAccepted', 'toBeAnswered', 'toBeClosed', 'myDrafts', 'overdue'] as const;
export type ActionList = (typeof ACTION_LISTS)[number];

export type SortKey = 'entryNumber' | 'dueDate' | 'sentAt' | 'status';
export interface ListOptions {
  sort?: SortKey;
  direction?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface RequestListItem {
  id: string;
  entryNumber: number | null;
  level: string | null;
  area: string | null;
  status: string | null;
  dueDate: string | null;
  sentAt: string | null;
  requestingAuthorityId: string | null;
  respondingAuthorityId: string | null;
  pending: boolean;
}
export interface RequestPage { total: number; items: RequestListItem[] }

const TO_BE_ANSWERED: RequestStatus[] = ['ACCEPTED', 'PARTIALLY_ANSWERED', 'ADDITIONAL_INFO_REQUESTED', 'ADDITIONAL_INFO_ACCEPTED'];
const TO_BE_CLOSED: RequestStatus[] = ['ANSWERED', 'ADDITIONAL_INFO_REFUSED'];
/** Once answered or closed, a due date no longer makes a request late. */
const NOT_OVERDUE: RequestStatus[] = [...CLOSED_STATUSES, 'ANSWERED', 'DRAFT'];

const SORT_COLUMNS = { entryNumber: requests.entryNumber, dueDate: requests.dueDate, sentAt: requests.sentAt, status: requests.status } as const;
const ITEM_COLUMNS = {
  id: requests.id, entryNumber: requests.entryNumber, level: requests.level, area: requests.area, status: requests.status,
  dueDate: requests.dueDate, sentAt: requests.sentAt, requestingAuthorityId: requests.requestingAuthorityId,
  respondingAuthorityId: requests.respondingAuthorityId, pending: requests.pending,
};

/** `today` is the clock's ISO date: lists never read a clock themselves. */
function listCondition(list: ActionList, user: Actor, today: string): SQL | undefined {
  const asResponder = eq(requests.respondingAuthorityId, user.authorityId);
  switch (list) {
    case 'toBeAccepted': return and(eq(requests.status, 'AWAITING_ACCEPTANCE'), asResponder);
    case 'toBeAnswered': return and(inArray(requests.status, TO_BE_ANSWERED), asResponder);
    case 'toBeClosed': return and(inArray(requests.status, TO_BE_CLOSED), eq(requests.requestingAuthorityId, user.authorityId));
    case 'myDrafts': return and(eq(requests.status, 'DRAFT'), eq(requests.createdByUserId, user.id));
    case 'overdue': return and(
      lt(requests.dueDate, today), notInArray(requests.status, NOT_OVERDUE),
      or(asResponder, eq(requests.requestingAuthorityId, user.authorityId)),
    );
  }
}

function page(db: ReplicaExecutor, where: SQL | undefined, options: ListOptions): RequestPage {
  // Hidden rows (working copy null, e.g. a pending delete) never show.
  const visible = and(isNotNull(requests.data), where);
  const column = SORT_COLUMNS[options.sort ?? 'entryNumber'];
  const order = options.direction === 'asc' ? asc(column) : desc(column);
  const total = db.select({ n: sql<number>`count(*)` }).from(requests).where(visible).get()?.n ?? 0;
  const items = db.select(ITEM_COLUMNS).from(requests).where(visible).orderBy(order, asc(requests.id))
    .limit(options.limit ?? 50).offset(options.offset ?? 0).all();
  return { total, items };
}

export function actionList(db: ReplicaExecutor, list: ActionList, user: Actor, today: string, options: ListOptions = {}): RequestPage {
  return page(db, listCondition(list, user, today), options);
}

/** Full-text search over entry number, authorities' names and free texts; accent-, case- and ue/ü-insensitive. */
export function searchRequests(db: ReplicaExecutor, query: string, options: ListOptions = {}): RequestPage {
  const match = ftsQuery(query);
  if (!match) return { total: 0, items: [] };
  return page(db, sql`${requests.id} IN (SELECT case_id FROM request_search WHERE request_search MATCH ${match})`, options);
}
