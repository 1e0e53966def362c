// The action lists of SPEC §5.7 and full-text search over the replica's working copies, with sort and paging.
import { and, asc, desc, eq, inArray, isNotNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { requests } from '../../../db/replica/schema';
import { CLOSED_STATUSES } from '../../../shared/request/requestCase';
import type { RequestStatus } from '../../../shared/request/requestCase';
import type { Actor } from '../../../shared/user/user';
import type { ReplicaExecutor } from '../replica/replicaDb';
import { ftsQuery } from './foldForSearch';

export const ACTION_LISTS = [
  'toBeAccepted', 'toBeAnswered', 'toBeClosed', 'myDrafts', 'overdue',
  // Coordinators: approvals and referral decisions waiting for them; requests they coordinate; others' (monitoring).
  'awaitingMyDecision', 'asCoordinator', 'otherAuthorities',
  // Allocators: incoming requests of their authority nobody is assigned to yet.
  'toBeAllocated',
] as const;
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

const requestingCoordinator = sql`json_extract(${requests.data}, '$.case.requestingCoordinatorId')`;
const respondingCoordinator = sql`json_extract(${requests.data}, '$.case.respondingCoordinatorId')`;

/** `today` is the clock's ISO date: lists never read a clock themselves. */
function listCondition(list: ActionList, user: Actor, today: string): SQL | undefined {
  const asResponder = eq(requests.respondingAuthorityId, user.authorityId);
  const me = user.authorityId;
  switch (list) {
    case 'awaitingMyDecision': return or(
      and(eq(requests.status, 'AWAITING_REQUEST_APPROVAL'), sql`${requestingCoordinator} = ${me}`),
      and(eq(requests.status, 'AWAITING_REPLY_APPROVAL'), sql`${respondingCoordinator} = ${me}`),
      and(eq(requests.status, 'REFERRED_TO_REQUESTING_COORDINATOR'), sql`${requestingCoordinator} = ${me}`),
      and(eq(requests.status, 'REFERRED_TO_RESPONDING_COORDINATOR'), sql`${respondingCoordinator} = ${me}`),
    );
    case 'asCoordinator': return or(sql`${requestingCoordinator} = ${me}`, sql`${respondingCoordinator} = ${me}`);
    case 'otherAuthorities': return and(
      eq(requests.level, 'MONITORING'),
      sql`coalesce(${requestingCoordinator}, '') <> ${me}`, sql`coalesce(${respondingCoordinator}, '') <> ${me}`,
    );
    case 'toBeAllocated': return and(
      eq(requests.status, 'AWAITING_ACCEPTANCE'), asResponder,
      sql`NOT EXISTS (SELECT 1 FROM json_each(${requests.data}, '$.case.assignments') WHERE key = ${me} AND json_array_length(value) > 0)`,
    );
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

/** Search by form (SPEC §5.7); every given criterion must hold. Dates are ISO dates, inclusive. */
export interface RequestCriteria {
  text?: string | undefined;
  entryNumber?: number | undefined;
  area?: string | undefined;
  questionSetId?: string | undefined;
  statuses?: readonly string[] | undefined;
  /** The other party's country, whichever side the user's authority is on. */
  country?: string | undefined;
  /** Either party. */
  authorityId?: string | undefined;
  sentFrom?: string | undefined;
  sentTo?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  overdue?: boolean | undefined;
}

function criteriaCondition(c: RequestCriteria, user: Actor, today: string): SQL | undefined | null {
  const parts: (SQL | undefined)[] = [];
  if (c.text !== undefined && c.text.trim() !== '') {
    const match = ftsQuery(c.text);
    if (!match) return null;
    parts.push(sql`${requests.id} IN (SELECT case_id FROM request_search WHERE request_search MATCH ${match})`);
  }
  if (c.entryNumber !== undefined) parts.push(eq(requests.entryNumber, c.entryNumber));
  if (c.area) parts.push(eq(requests.area, c.area));
  if (c.questionSetId) parts.push(sql`json_extract(${requests.data}, '$.case.questionSetId') = ${c.questionSetId}`);
  if (c.statuses && c.statuses.length > 0) parts.push(inArray(requests.status, [...c.statuses]));
  if (c.authorityId) parts.push(or(eq(requests.requestingAuthorityId, c.authorityId), eq(requests.respondingAuthorityId, c.authorityId)));
  if (c.country) {
    const other = sql`CASE WHEN ${requests.requestingAuthorityId} = ${user.authorityId} THEN ${requests.respondingAuthorityId} ELSE ${requests.requestingAuthorityId} END`;
    parts.push(sql`(SELECT country FROM authorities WHERE authorities.id = ${other}) = ${c.country}`);
  }
  // sent_at is an ISO date-time: comparing its first 10 characters makes the date bounds inclusive.
  if (c.sentFrom) parts.push(sql`substr(${requests.sentAt}, 1, 10) >= ${c.sentFrom}`);
  if (c.sentTo) parts.push(sql`substr(${requests.sentAt}, 1, 10) <= ${c.sentTo}`);
  const createdAt = sql`substr(json_extract(${requests.data}, '$.case.createdAt'), 1, 10)`;
  if (c.createdFrom) parts.push(sql`${createdAt} >= ${c.createdFrom}`);
  if (c.createdTo) parts.push(sql`${createdAt} <= ${c.createdTo}`);
  if (c.overdue === true) parts.push(and(lt(requests.dueDate, today), notInArray(requests.status, NOT_OVERDUE)));
  return and(...parts);
}

/** Search by form and all-forms search in one: null criteria (an empty FTS query) find nothing. */
export function searchRequestsBy(db: ReplicaExecutor, criteria: RequestCriteria, user: Actor, today: string, options: ListOptions = {}): RequestPage {
  const where = criteriaCondition(criteria, user, today);
  if (where === null) return { total: 0, items: [] };
  return page(db, where, options);
}

/** Full-text search over entry number, authorities' names and free texts; accent-, case- and ue/ü-insensitive. */
export function searchRequests(db: ReplicaExecutor, query: string, options: ListOptions = {}): RequestPage {
  const match = ftsQuery(query);
  if (!match) return { total: 0, items: [] };
  return page(db, sql`${requests.id} IN (SELECT case_id FROM request_search WHERE request_search MATCH ${match})`, options);
}

/** The overdue flag every list shows (SPEC §5.4), by the same rule as the `overdue` list. */
export function isOverdue(item: Pick<RequestListItem, 'dueDate' | 'status'>, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && !NOT_OVERDUE.includes(item.status as RequestStatus);
}
