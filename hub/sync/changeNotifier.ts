// Cross-process pokes (DESIGN §3): a committed change NOTIFYs `imi_changes` with the audience authority ids, and every
// hub process LISTENs and pokes the connected users of those authorities. NOTIFY inside the transaction is delivered
// only if it commits, which is exactly when desks should pull.
import { inArray, sql } from 'drizzle-orm';
import { users } from '../../db/hub/schema';
import type { HubDb, HubExecutor } from '../db/openHubDatabase';
import type { PokeBus } from '../pokes';

export const CHANGES_CHANNEL = 'imi_changes';

export async function notifyChange(tx: HubExecutor, audience: readonly string[]): Promise<void> {
  if (audience.length === 0) return;
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(audience)})`);
}

interface PgliteClient { listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> }
interface PgPoolClient {
  query(text: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown;
  release(destroy?: boolean): void;
}
interface PgPool { connect(): Promise<PgPoolClient> }

function parseAudience(payload: string | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(payload ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Pokes every user of the authorities named (all users of the directory for '*'). */
export async function pokeAudience(db: HubDb, pokes: PokeBus, audience: readonly string[]): Promise<void> {
  if (audience.length === 0) return;
  const everyone = audience.includes('*');
  const rows = everyone
    ? await db.select({ id: users.id }).from(users)
    : await db.select({ id: users.id }).from(users).where(inArray(users.authorityId, [...audience]));
  for (const row of rows) pokes.pokeUser(row.id);
}

/**
 * Starts listening on the database the hub uses: PGlite's own listen, or a dedicated connection of the node-postgres
 * pool (LISTEN needs one session for its lifetime). Returns the stop function.
 */
export async function startChangeListener(db: HubDb, pokes: PokeBus, log: (line: string) => void = console.error): Promise<() => Promise<void>> {
  const onPayload = (payload: string | undefined) => {
    pokeAudience(db, pokes, parseAudience(payload)).catch((error: unknown) => log(`hub: poke failed: ${String(error)}`));
  };
  const client = (db as unknown as { $client: unknown }).$client;
  if (client && typeof client === 'object' && 'listen' in client) {
    const unlisten = await (client as PgliteClient).listen(CHANGES_CHANNEL, onPayload);
    return () => unlisten();
  }
  if (client && typeof client === 'object' && 'connect' in client) {
    const connection = await (client as PgPool).connect();
    connection.on('notification', (message) => { if (message.channel === CHANGES_CHANNEL) onPayload(message.payload); });
    await connection.query(`LISTEN ${CHANGES_CHANNEL}`);
    return async () => {
      await connection.query(`UNLISTEN ${CHANGES_CHANNEL}`).catch(() => undefined);
      connection.release();
    };
  }
  throw new Error('startChangeListener: unknown database client');
}
