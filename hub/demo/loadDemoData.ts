// Loads the demo data into an empty hub database, in one transaction.
import type { HubDb } from '../db/openHubDatabase';
import type { Argon2Cost } from '../config';
import { hasAuthorities, insertAuthority } from '../authorities/authorityStore';
import { hashPassword } from '../auth/passwords';
import { hashSecurityCode } from '../auth/securityCode';
import { insertUser } from '../users/userStore';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, demoAuthorities, demoUsers, type DemoUser } from './demoData';

/** Returns the demo users loaded, or null when the database already held data (it is never touched then). */
export async function loadDemoDataIfEmpty(db: HubDb, cost: Argon2Cost, now: Date): Promise<DemoUser[] | null> {
  if (await hasAuthorities(db)) return null;
  const authorities = demoAuthorities();
  const users = demoUsers(authorities);
  // Demo users share one password and code, so one set of hashes serves all: start-up stays quick at full argon2 cost.
  const [passwordHash, securityCodeHashes] = await Promise.all([hashPassword(DEMO_PASSWORD, cost), hashSecurityCode(DEMO_SECURITY_CODE, cost)]);
  await db.transaction(async (tx) => {
    for (const authority of authorities) await insertAuthority(tx, authority, now);
    for (const { user, firstLoginPending } of users) {
      await insertUser(tx, user, firstLoginPending
        ? { passwordHash, mustChangePassword: true, temporaryPasswordExpiresAt: null, securityCodeHashes: null }
        : { passwordHash, mustChangePassword: false, temporaryPasswordExpiresAt: null, securityCodeHashes }, now);
    }
  });
  return users;
}
