// The desk replica's SQLite schema (drizzle): what the hub sent one user, their outbox and sync positions.
// The full-text index `request_search` is an FTS5 virtual table drizzle cannot model: see migrations/0001.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per request the user may see. `server_data` is the RequestView exactly as the hub last sent
 * it (null for a draft made offline the hub has not acknowledged yet); `data` is the working copy the
 * UI reads: server state + still-pending commands. Keeping both makes a rebase exact. A row whose
 * working copy is null (e.g. a pending deleteDraft) is hidden from every list.
 */
export const requests = sqliteTable('requests', {
  id: text('id').primaryKey(),
  entryNumber: integer('entry_number'),
  level: text('level'),
  area: text('area'),
  status: text('status'),
  dueDate: text('due_date'),
  requestingAuthorityId: text('requesting_authority_id'),
  respondingAuthorityId: text('responding_authority_id'),
  createdByUserId: text('created_by_user_id'),
  sentAt: text('sent_at'),
  /** Feed position of the last server change of this case; 0 for a case only known locally. */
  updatedPosition: integer('updated_position').notNull().default(0),
  serverData: text('server_data', { mode: 'json' }),
  data: text('data', { mode: 'json' }),
  /** True while a queued command touches this case (the UI marks it "pending"). */
  pending: integer('pending', { mode: 'boolean' }).notNull().default(false),
}, (t) => [
  index('requests_status_idx').on(t.status),
  index('requests_due_date_idx').on(t.dueDate),
  index('requests_entry_number_idx').on(t.entryNumber),
]);

/** The authority directory as the hub sent it; `decide` and the search index read it. */
export const authorities = sqliteTable('authorities', {
  id: text('id').primaryKey(),
  country: text('country').notNull(),
  officialName: text('official_name').notNull(),
  status: text('status').notNull(),
  data: text('data', { mode: 'json' }).notNull(),
  updatedPosition: integer('updated_position').notNull(),
});

/** Users the hub lets this user see (colleagues for allocation, the user themself). */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  authorityId: text('authority_id').notNull(),
  data: text('data', { mode: 'json' }).notNull(),
  updatedPosition: integer('updated_position').notNull(),
});

export const OUTBOX_STATES = ['pending', 'sent'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Commands queued for the hub, in `seq` order; `sent` = pushed at least once, outcome not yet heard. */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey(),
  caseId: text('case_id').notNull(),
  command: text('command', { mode: 'json' }).notNull(),
  state: text('state', { enum: OUTBOX_STATES }).notNull().default('pending'),
  /** ISO time the user issued the command: the `now` every local re-decision uses. */
  createdAt: text('created_at').notNull(),
}, (t) => [index('outbox_case_idx').on(t.caseId)]);

/** Commands the hub refused, with everything the user typed, until the user dismisses them. */
export const attention = sqliteTable('attention', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  seq: integer('seq').notNull(),
  caseId: text('case_id').notNull(),
  command: text('command', { mode: 'json' }).notNull(),
  reason: text('reason').notNull(),
  details: text('details', { mode: 'json' }),
  createdAt: text('created_at').notNull(),
  dismissed: integer('dismissed', { mode: 'boolean' }).notNull().default(false),
}, (t) => [index('attention_open_idx').on(t.dismissed)]);

/** Small key/value state of the sync engine: clientId, lastSeq, lastPosition, lastSyncAt, lastError. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});
