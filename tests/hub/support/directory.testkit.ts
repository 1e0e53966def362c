// Puts the demo authorities and users back as the demo defines them, for tests that change the directory (the API hub
// resets only the request tables between tests), and reads the audit trail those tests check.
import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../../../db/hub/schema';
import { saveAuthority } from '../../../hub/authorities/authorityStore';
import { demoAuthorities, demoUsers } from '../../../hub/demo/demoData';
import { saveUser } from '../../../hub/users/userStore';
import type { ApiHub } from './hubApi.testkit';

export async function restoreDemoDirectory(api: ApiHub): Promise<void> {
  const now = api.hub.clock.now();
  const authorities = demoAuthorities();
  await api.hub.database.db.transaction(async (tx) => {
    for (const authority of authorities) await saveAuthority(tx, authority, now);
    for (const { user } of demoUsers(authorities)) await saveUser(tx, user, now);
    await tx.delete(auditLog);
  });
}

/** The audit entries of changes to one authority's data and users (log-ins left out), oldest first. */
export async function auditOf(api: ApiHub, authorityId: string) {
  const entries = await api.hub.database.db.select().from(auditLog).where(eq(auditLog.authorityId, authorityId)).orderBy(asc(auditLog.id));
  return entries.filter((e) => e.action !== 'LOGIN');
}
