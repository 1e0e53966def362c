// The hub's PostgreSQL schema (drizzle pg-core): authorities, users, credentials, sessions and the log-in bookkeeping.
// Domain objects live whole in jsonb `data` (parsed with the shared zod schemas); the columns beside it are what queries filter on.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Authority } from '../../shared/authority/authority';
import type { User } from '../../shared/user/user';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const authorities = pgTable('authorities', {
  id: text('id').primaryKey(),
  country: text('country').notNull(),
  status: text('status').notNull(),
  officialName: text('official_name').notNull(),
  data: jsonb('data').$type<Authority>().notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [index('authorities_country_idx').on(t.country)]);

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  authorityId: text('authority_id').notNull().references(() => authorities.id),
  /** Stored lower-case: log-in is case-insensitive on the username, so two users cannot differ only by case. */
  username: text('username').notNull(),
  email: text('email').notNull(),
  status: text('status').notNull(),
  preferredLanguage: text('preferred_language').notNull(),
  data: jsonb('data').$type<User>().notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
}, (t) => [
  uniqueIndex('users_username_key').on(t.username),
  uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
  index('users_authority_idx').on(t.authorityId),
]);

export const credentials = pgTable('credentials', {
  userId: text('user_id').primaryKey().references(() => users.id),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull(),
  /** When the temporary password stops working; null once the user chose their own. */
  temporaryPasswordExpiresAt: at('temporary_password_expires_at'),
  /** One argon2id hash per position of the 12-character security code; null until the first log-in sets it. */
  securityCodeHashes: jsonb('security_code_hashes').$type<string[]>(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  /** Set on the fifth failure; only a password reset clears it. */
  blockedAt: at('blocked_at'),
  updatedAt: at('updated_at').notNull(),
});

export const sessions = pgTable('sessions', {
  /** SHA-256 of the bearer token, hex; the token itself is never stored. */
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  revokedAt: at('revoked_at'),
  remoteAddress: text('remote_address').notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

export const loginChallenges = pgTable('login_challenges', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull(),
  /** Null when the username is unknown: the challenge is issued anyway so usernames cannot be probed. */
  userId: text('user_id').references(() => users.id),
  positions: integer('positions').array().notNull(),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

export const loginAttempts = pgTable('login_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  username: text('username').notNull(),
  remoteAddress: text('remote_address').notNull(),
  succeeded: boolean('succeeded').notNull(),
  at: at('at').notNull(),
}, (t) => [
  index('login_attempts_username_idx').on(t.username, t.at),
  index('login_attempts_address_idx').on(t.remoteAddress, t.at),
]);

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: at('at').notNull(),
  /** Null for the system itself or an anonymous caller (a failed log-in). */
  actorUserId: text('actor_user_id'),
  action: text('action').notNull(),
  authorityId: text('authority_id'),
  targetUserId: text('target_user_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
}, (t) => [index('audit_log_at_idx').on(t.at)]);
