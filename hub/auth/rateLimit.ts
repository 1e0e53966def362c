// Log-in rate limiting over the login_attempts table rather than an in-memory limiter: hub instances keep no state
// of their own (DESIGN §3), so several behind a load balancer must count the same attempts.
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { loginAttempts } from '../../db/hub/schema';
import type { HubConfig } from '../config';
import type { HubExecutor } from '../db/openHubDatabase';

export type RateLimit = HubConfig['loginRateLimit'];

export async function recordLoginAttempt(db: HubExecutor, attempt: { username: string; remoteAddress: string; succeeded: boolean; at: Date }): Promise<void> {
  await db.insert(loginAttempts).values(attempt);
}

/** Whether failed attempts within the window already reached the limit for this username or this address. */
export async function isLoginRateLimited(db: HubExecutor, limit: RateLimit, who: { username: string | null; remoteAddress: string }, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - limit.windowSeconds * 1000);
  const failedSince = (column: typeof loginAttempts.username | typeof loginAttempts.remoteAddress, value: string) =>
    db.select({ n: count() }).from(loginAttempts).where(and(eq(column, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const [byAddress] = await failedSince(loginAttempts.remoteAddress, who.remoteAddress);
  if ((byAddress?.n ?? 0) >= limit.perAddress) return true;
  if (who.username === null) return false;
  const [byUsername] = await failedSince(loginAttempts.username, who.username);
  return (byUsername?.n ?? 0) >= limit.perUsername;
}

/** Drops attempts older than the window; called now and then so the table stays small. */
export async function pruneLoginAttempts(db: HubExecutor, limit: RateLimit, now: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - limit.windowSeconds * 1000)));
}
