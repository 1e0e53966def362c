// Changes of the authority directory reach the change feed (SPEC §3.5, §5.1): a change of an authority's area or
// workflow access makes its users resync and re-offers its cases to everyone related; a suspended authority leaves the
// directory desks hold. The change is written the one way hub services write authorities (commitAuthorityChange).
import { beforeEach, describe, expect, it } from 'vitest';
import { commitAuthorityChange } from '../../hub/authorities/authorityChange';
import { loadAuthority } from '../../hub/authorities/authorityStore';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import type { Authority } from '../../shared/authority/authority';
import { restoreDemoDirectory } from './support/directory.testkit';
import { useApiHub, type ApiHub, type Desk } from './support/hubApi.testkit';
import { createDraft, newCaseId } from './support/requests.testkit';

/** Pulls to the head; the position to continue from. */
async function head(desk: Desk): Promise<number> {
  let after = 0;
  for (;;) {
    const page = await desk.pull(after);
    after = page.nextAfter;
    if (!page.hasMore) return after;
  }
}

describe.each(hubBackends())('directory changes in the feed on $name', { timeout: 60_000 }, (backend) => {
  const current = useApiHub(backend);
  let api: ApiHub;
  beforeEach(async () => {
    api = current();
    await restoreDemoDirectory(api);
  });

  async function change(authorityId: string, edit: (a: Authority) => Authority) {
    const { db } = api.hub.database;
    await db.transaction(async (tx) => {
      const before = await loadAuthority(tx, authorityId);
      if (!before) throw new Error(`no authority ${authorityId}`);
      await commitAuthorityChange(tx, api.hub.deps, before, edit(before), api.hub.clock.now());
    });
  }

  it('a suspended workflow access makes the authority\'s users resync and re-offers its cases to the other side', async () => {
    const requester = await api.desk('it-salute-handler');
    const responder = await api.desk('hu-enkk-handler');
    const caseId = newCaseId();
    await requester.ok(createDraft(caseId));
    await requester.ok({ type: 'sendRequest', caseId });
    const [requesterAt, responderAt] = [await head(requester), await head(responder)];

    await change('it-salute', (a) => ({
      ...a,
      areas: a.areas.map((area) => (area.area !== 'PQ' ? area : { ...area, workflows: area.workflows.map((w) => ({ ...w, status: 'SUSPENDED' as const })) })),
    }));

    expect((await requester.pull(requesterAt)).resyncRequired).toBe(true);
    const page = await responder.pull(responderAt);
    expect(page.resyncRequired).toBe(false);
    expect(page.changes.map((c) => `${c.op} ${c.entity}:${c.id}`)).toEqual([`upsert authority:it-salute`, `upsert request:${caseId}`]);
  });

  it('a suspended authority is removed from the directory every desk holds', async () => {
    const other = await api.desk('fr-cnom-handler');
    const at = await head(other);
    await change('it-salute', (a) => ({ ...a, status: 'SUSPENDED' }));
    const page = await other.pull(at);
    expect(page.changes.filter((c) => c.entity === 'authority').map((c) => `${c.op} ${c.id}`)).toEqual(['remove it-salute']);
  });
});
