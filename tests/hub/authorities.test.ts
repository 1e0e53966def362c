// The authority's own data through the hub API: any user reads it, its LDA changes what SPEC §4 lets an LDA change,
// and a change of linked authorities reaches the change feed — monitoring views for the newly linked, removals for the
// unlinked — while refusals change nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import type { Authority } from '../../shared/authority/authority';
import { MONITORING_KEYS, type RequestView } from '../../shared/request/visibility';
import type { FeedChange } from '../../shared/sync/protocol';
import type { User } from '../../shared/user/user';
import { auditOf, restoreDemoDirectory } from './support/directory.testkit';
import { reasonOf, useApiHub, type ApiHub, type Desk } from './support/hubApi.testkit';
import { PERSONAL_FIELD_IDS, PERSONAL_VALUES } from './support/leakCheck.testkit';
import { createDraft, newCaseId } from './support/requests.testkit';

/** Pulls every page after `after`; returns the changes and the position to continue from. */
async function pullAll(desk: Desk, after: number): Promise<{ changes: FeedChange[]; next: number; resyncRequired: boolean }> {
  const changes: FeedChange[] = [];
  let position = after;
  for (;;) {
    const page = await desk.pull(position);
    if (page.resyncRequired) return { changes, next: 0, resyncRequired: true };
    changes.push(...page.changes);
    position = page.nextAfter;
    if (!page.hasMore) return { changes, next: position, resyncRequired: false };
  }
}

const ofCase = (changes: readonly FeedChange[], caseId: string) => changes.filter((c) => c.entity === 'request' && c.id === caseId);

describe.each(hubBackends())('the authority\'s own data through the hub on $name', { timeout: 60_000 }, (backend) => {
  const current = useApiHub(backend);
  let api: ApiHub;
  let lda: Desk;
  beforeEach(async () => {
    api = current();
    await restoreDemoDirectory(api);
    lda = await api.desk('it-salute-lda');
  });

  async function sentRequest(): Promise<string> {
    const requester = await api.desk('it-salute-handler');
    const caseId = newCaseId();
    await requester.ok(createDraft(caseId));
    await requester.ok({ type: 'sendRequest', caseId });
    return caseId;
  }

  it('answers authorities.mine for any signed-in user with their own authority', async () => {
    const basic = await api.desk('hu-enkk-basic');
    expect(await basic.trpc.authorities.mine.query()).toMatchObject({ id: 'hu-enkk', country: 'HU', officialName: 'Egészségügyi Nyilvántartási és Képzési Központ' });
  });

  it('links a same-country authority: its users then pull the monitoring view of an existing request, with no personal field; unlinking sends them a removal', async () => {
    const caseId = await sentRequest();
    const watcher = await api.desk('it-omceo-roma-handler');
    const start = await pullAll(watcher, 0);
    expect(ofCase(start.changes, caseId)).toEqual([]);
    const colleague = await api.desk('it-salute-viewer');
    const colleagueStart = await pullAll(colleague, 0);

    const linked = await lda.trpc.authorities.updateMine.mutate({ linkedAuthorityIds: ['it-omceo-roma'] });
    expect(linked.linkedAuthorityIds).toEqual(['it-omceo-roma']);

    const afterLink = await pullAll(watcher, start.next);
    const [arrived] = ofCase(afterLink.changes, caseId);
    expect(arrived?.op).toBe('upsert');
    const view = (arrived as FeedChange & { op: 'upsert' }).data as RequestView;
    expect(view.level).toBe('MONITORING');
    expect(Object.keys(view.case).filter((k) => !(MONITORING_KEYS as readonly string[]).includes(k))).toEqual([]);
    const json = JSON.stringify(view);
    for (const value of [...PERSONAL_VALUES, ...PERSONAL_FIELD_IDS]) expect(json).not.toContain(value);
    // The linking authority's own users see the world differently too (they now watch it-omceo-roma): they start over.
    expect((await pullAll(colleague, colleagueStart.next)).resyncRequired).toBe(true);

    await lda.trpc.authorities.updateMine.mutate({ linkedAuthorityIds: [] });
    const afterUnlink = await pullAll(watcher, afterLink.next);
    expect(ofCase(afterUnlink.changes, caseId).map((c) => c.op)).toEqual(['remove']);
    expect((await watcher.replicaFromZero()).entries.has(`request:${caseId}`)).toBe(false);

    const audited = (await auditOf(api, 'it-salute')).filter((e) => e.action === 'AUTHORITY_UPDATED').map((e) => e.details.linkedAuthorityIds);
    expect(audited).toEqual([{ from: [], to: ['it-omceo-roma'] }, { from: ['it-omceo-roma'], to: [] }]);
  });

  it('refuses updateMine to a user who is not an LDA, and changes nothing', async () => {
    const handler = await api.desk('it-salute-handler');
    expect((await reasonOf(handler.trpc.authorities.updateMine.mutate({ description: 'Renamed by a handler' })))).toEqual({ reason: 'ROLE_REQUIRED', details: { role: 'LDA' } });
    expect((await handler.trpc.authorities.mine.query()).description).toBe('');
    expect(await auditOf(api, 'it-salute')).toEqual([]);
  });

  it('refuses links to another country, to an unknown authority and to itself, and a new official name, with typed reasons and nothing changed', async () => {
    const cases: Array<[Parameters<typeof lda.trpc.authorities.updateMine.mutate>[0], string, unknown]> = [
      [{ description: 'New profile', linkedAuthorityIds: ['hu-enkk'] }, 'LINKED_AUTHORITY_OTHER_COUNTRY', { authorityIds: ['hu-enkk'], country: 'IT' }],
      [{ linkedAuthorityIds: ['xx-nowhere'] }, 'LINKED_AUTHORITY_NOT_FOUND', { authorityIds: ['xx-nowhere'] }],
      [{ linkedAuthorityIds: ['it-salute'] }, 'LINKED_AUTHORITY_SELF', undefined],
      [{ description: 'New profile', officialName: 'Ministero della Sanità' }, 'OFFICIAL_NAME_NOT_EDITABLE', { validatingCoordinatorId: 'it-nimic' }],
    ];
    for (const [patch, reason, details] of cases) {
      expect(await reasonOf(lda.trpc.authorities.updateMine.mutate(patch))).toEqual({ reason, details });
    }
    const after = await lda.trpc.authorities.mine.query();
    expect({ officialName: after.officialName, description: after.description, linkedAuthorityIds: after.linkedAuthorityIds })
      .toEqual({ officialName: 'Ministero della Salute', description: '', linkedAuthorityIds: [] });
    expect(await auditOf(api, 'it-salute')).toEqual([]);
  });

  it('changes the contact data, and asks for re-translation only on a substantial change of the informal title', async () => {
    const cosmetic = await lda.trpc.authorities.updateMine.mutate({ informalTitle: { en: 'ministry of health', it: 'Ministero della Salute' }, telephone: '+39 06 5994 1' });
    expect(cosmetic).toMatchObject({ retranslationRequested: false, telephone: '+39 06 5994 1', informalTitle: { en: 'ministry of health' } });
    const substantial = await lda.trpc.authorities.updateMine.mutate({ informalTitle: { en: 'Ministry of Health and Welfare', it: 'Ministero della Salute' } });
    expect(substantial.retranslationRequested).toBe(true);
    const other = await api.desk('fr-cnom-lda');
    const seen = (await other.replicaFromZero()).entries.get('authority:it-salute')?.data as Authority | undefined;
    expect(seen?.informalTitle.en).toBe('Ministry of Health and Welfare');
  });

  it('switching allocation on makes the LDAs allocators in the same change, and the audit entry says so', async () => {
    const handling = (['PQ', 'PR'] as const).map((area) => ({ area, workflow: 'REQUEST' as const, roles: ['REQUEST_HANDLER' as const, 'REQUEST_VIEWER' as const] }));
    await lda.trpc.users.changeRights.mutate({ userId: 'u-it-salute-lda', generalRoles: ['LDA', 'BASIC_USER'], dataAdministratorAreas: [], rights: handling });
    const updated = await lda.trpc.authorities.updateMine.mutate({ usesAllocation: true });
    expect(updated.usesAllocation).toBe(true);
    const users: User[] = await lda.trpc.users.list.query();
    const ldaUser = users.find((u) => u.username === 'it-salute-lda');
    for (const area of ['PQ', 'PR'] as const) {
      expect(ldaUser?.rights.find((r) => r.area === area && r.workflow === 'REQUEST')?.roles).toContain('ALLOCATOR');
    }
    expect(users.find((u) => u.username === 'it-salute-handler')?.rights.flatMap((r) => r.roles)).not.toContain('ALLOCATOR');
    const entry = (await auditOf(api, 'it-salute')).find((e) => e.action === 'AUTHORITY_UPDATED');
    expect(entry?.details).toMatchObject({ usesAllocation: { from: false, to: true }, allocatorGrantedTo: ['u-it-salute-lda'] });
  });
});
