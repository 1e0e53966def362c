// The hub's request storage and sync bookkeeping: cases (the whole RequestCase in jsonb), the entry-number sequence,
// each desk client's last applied seq and recorded outcomes, and the change feed in one global order.
import { bigserial, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { RequestCase } from '../../shared/request/requestCase';
import type { CommandOutcome } from '../../shared/sync/protocol';
import { users } from './schema';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Entry numbers identify requests across the system (SPEC §1); they start high enough to look like the real ones. */
export const entryNumberSeq = pgSequence('entry_number_seq', { startWith: 63000, minValue: 1 });

export const cases = pgTable('cases', {
  id: text('id').primaryKey(),
  /** Null only between a draft's creation and its number being assigned in the same transaction. */
  entryNumber: integer('entry_number').unique(),
  area: text('area').notNull(),
  status: text('status').notNull(),
  requestingAuthorityId: text('requesting_authority_id').notNull(),
  respondingAuthorityId: text('responding_authority_id'),
  data: jsonb('data').$type<RequestCase>().notNull(),
  /** Bumped on every write: optimistic checks and debugging. */
  version: integer('version').notNull(),
  closedAt: at('closed_at'),
  /** When the retention purge (SPEC §12) removed the personal data; null until then. */
  purgedAt: at('purged_at'),
  updatedAt: at('updated_at').notNull(),
}, (t) => [
  index('cases_requesting_idx').on(t.requestingAuthorityId),
  index('cases_responding_idx').on(t.respondingAuthorityId),
  index('cases_closed_idx').on(t.closedAt),
]);

/** One row per desk client id; locked FOR UPDATE while a command of that client is applied. */
export const clientSequences = pgTable('client_sequences', {
  clientId: uuid('client_id').primaryKey(),
  /** The user who first presented this client id: nobody else may use it. */
  userId: text('user_id').notNull().references(() => users.id),
  lastSeq: integer('last_seq').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** The answer given to each (client, seq), returned again when the desk repeats the command. */
export const commandOutcomes = pgTable('command_outcomes', {
  clientId: uuid('client_id').notNull().references(() => clientSequences.clientId),
  seq: integer('seq').notNull(),
  outcome: jsonb('outcome').$type<CommandOutcome>().notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.clientId, t.seq] })]);

/**
 * The change feed: `position` is the one global order desks pull by. `audience` lists every authority that had or has
 * a relation to the entity before or after the change ('*' = everyone, e.g. the authority directory); the view each
 * user receives is computed at pull time.
 */
export const changes = pgTable('changes', {
  position: bigserial('position', { mode: 'number' }).primaryKey(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  audience: text('audience').array().notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [
  index('changes_audience_idx').using('gin', t.audience),
  index('changes_entity_idx').on(t.entity, t.entityId, t.position),
]);

export const ALL_AUTHORITIES = '*';

/**
 * Who began each attachment upload, for which case: only that user may append to, ask about or complete it. The bytes
 * live in the upload folder (hub/blobs); this row is the ownership record every hub instance shares.
 */
export const uploadOwners = pgTable('upload_owners', {
  uploadId: uuid('upload_id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  caseId: text('case_id').notNull(),
  createdAt: at('created_at').notNull(),
}, (t) => [index('upload_owners_created_idx').on(t.createdAt)]);
