// The desk ⇄ hub sync protocol (DESIGN §6): command batches identified by (clientId, seq), and a
// change feed pulled in resumable pages. Wire types only; the hub and the desk implement them.
import { z } from 'zod';
import { RequestCommand } from '../request/commands';

/** Bumped on any incompatible wire change; the hub accepts older desks down to its minimum or asks them to update. */
export const PROTOCOL_VERSION = 1;

export const ClientId = z.uuid();
export type ClientId = z.infer<typeof ClientId>;

export const CommandEnvelope = z.object({
  clientId: ClientId,
  /** Per-client sequence, starting at 1, without gaps. */
  seq: z.number().int().positive(),
  command: RequestCommand,
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

export const MAX_COMMANDS_PER_BATCH = 100;
export const PushRequest = z.object({
  protocolVersion: z.number().int().positive(),
  commands: z.array(CommandEnvelope).min(1).max(MAX_COMMANDS_PER_BATCH),
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * The recorded outcome of one command. `rejected` is permanent and acknowledged (it never blocks
 * the queue); a transient failure is not an outcome: the batch call fails and the desk retries.
 */
export const CommandOutcome = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('applied'),
    seq: z.number().int().positive(),
    /** Entry numbers the hub assigned, by case id (drafts created offline get theirs here). */
    entryNumbers: z.record(z.string(), z.number().int().positive()),
  }),
  z.object({
    status: z.literal('rejected'),
    seq: z.number().int().positive(),
    reason: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
]);
export type CommandOutcome = z.infer<typeof CommandOutcome>;

export const PushResponse = z.object({
  outcomes: z.array(CommandOutcome),
  /** The highest seq the hub has recorded for this client after the batch. */
  lastSeq: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const MAX_PAGE_SIZE = 500;
export const PullRequest = z.object({
  protocolVersion: z.number().int().positive(),
  /** The last position the desk has applied; 0 for an initial sync. */
  after: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(200),
  /**
   * The `rightsAsOf` of the last page the desk applied: the feed position as of which its replica was built with the
   * caller's rights. The hub asks for a resync only when the caller's own user or authority changed after it, so the
   * pages of an initial sync (from 0) can be resumed one after the other. Absent (older desks): `after` is used.
   */
  rightsAsOf: z.number().int().nonnegative().optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

export const EntityKind = z.enum(['request', 'authority', 'user']);
export type EntityKind = z.infer<typeof EntityKind>;

/** One change as the caller may see it: the entity at the caller's level, or its removal (access lost or deleted). */
export const FeedChange = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), position: z.number().int().positive(), entity: EntityKind, id: z.string(), data: z.unknown() }),
  z.object({ op: z.literal('remove'), position: z.number().int().positive(), entity: EntityKind, id: z.string() }),
]);
export type FeedChange = z.infer<typeof FeedChange>;

export const PullPage = z.object({
  changes: z.array(FeedChange),
  /** Position to pass as `after` next time; a checkpoint the desk stores with the page in one transaction. */
  nextAfter: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /**
   * True when the desk must drop its replica and pull again from 0: the caller's own rights or authority changed
   * after `rightsAsOf` (what it sees of every case may differ), or `after` is older than the feed keeps.
   */
  resyncRequired: z.boolean(),
  /**
   * The marker to send back as `rightsAsOf`, stored with `nextAfter` in the same transaction: on a page from 0 the
   * feed's head in the snapshot the page was read in (the viewer's rights as of then); later pages repeat it.
   */
  rightsAsOf: z.number().int().nonnegative().optional(),
});
export type PullPage = z.infer<typeof PullPage>;
