// Loss of access for other reasons than forward or split (SPEC §5.1, DESIGN §6.6): an LDA lowers a user's roles (the
// handler becomes an allocator: FULL becomes FULL_NO_PD), removes their rights for the request workflow (MONITORING is
// left), or deactivates them (nothing is left). A real hub and a real desk: the change reaches the desk by a poke (the
// fallback poll is set to a minute), and the replica file, opened read-only, then holds nothing above what the user
// may see — no personal value in any row or search entry, every view at the new level, equal to the hub's view.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeSegment } from '../../electron/desk/replica/replicaPaths';
import type { RequestView } from '../../shared/request/visibility';
import { deskViews, expectDeskEqualsHub } from './support/convergence';
import { completeDraft } from './support/shippedCases';
import { startSyncHub } from './support/syncHub';
import type { SyncHub } from './support/syncHub';
import { openTestDesk, readReplicaFile } from './support/testDesk';
import type { SyncTestDesk } from './support/testDesk';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Subject values of the cases made here that only a FULL view may carry. */
const FAMILY_NAME = 'Zanzibarelli';
const PERSONAL_VALUES = [FAMILY_NAME, '1980-04-02', 'RM-12345'];

interface FileContents { views: RequestView[]; text: string; counts: Record<string, number> }

/** What the replica file itself holds, read with better-sqlite3 outside the desk's code. */
function fileContents(desk: SyncTestDesk): FileContents {
  const db = readReplicaFile(desk.signedIn().replica.file);
  try {
    const rows = db.prepare('select data, server_data from requests').all() as Array<{ data: string | null; server_data: string | null }>;
    const search = db.prepare('select * from request_search').all();
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return {
      views: rows.flatMap((r) => [r.data, r.server_data]).filter((v): v is string => v !== null).map((v) => JSON.parse(v) as RequestView),
      text: JSON.stringify([rows, search]),
      counts: Object.fromEntries(['requests', 'request_search', 'authorities', 'users', 'outbox', 'attention'].map((t) => [t, count(t)])),
    };
  } finally {
    db.close();
  }
}

const leaked = (contents: FileContents) => PERSONAL_VALUES.filter((v) => contents.text.includes(v));

/** Waits, bounded, until the desk holds exactly what the hub would show its user now (no sync is started here). */
async function untilDeskEqualsHub(desk: SyncTestDesk, sync: SyncHub, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const user = desk.signedIn().user;
  for (;;) {
    const onHub = await sync.viewsFor(await sync.userByName(user.username));
    const onDesk = deskViews(desk);
    try {
      expect(Object.fromEntries(onDesk)).toEqual(Object.fromEntries(onHub));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(20);
  }
}

describe('loss of access by a change of the user\'s rights or status', () => {
  let sync: SyncHub;
  const desks: SyncTestDesk[] = [];
  const caseIds: string[] = [];
  beforeAll(async () => {
    sync = await startSyncHub();
    // Requests from it-salute to hu-enkk, accepted by hu-enkk (its handlers see them FULL), and one not yet accepted.
    const requester = await sync.api('it-salute-handler');
    const responder = await sync.api('hu-enkk-handler');
    for (let i = 0; i < 4; i += 1) {
      const caseId = `loss-${i}-${randomUUID()}`;
      await requester.ok(completeDraft(caseId, 'hu-enkk', FAMILY_NAME));
      await requester.ok({ type: 'sendRequest', caseId });
      if (i < 3) await responder.ok({ type: 'acceptRequest', caseId, days: 10 });
      caseIds.push(caseId);
    }
  }, 120_000);
  afterAll(async () => {
    for (const d of desks) await d.close();
    await sync?.close();
  }, 60_000);

  async function syncedDesk(username: string): Promise<SyncTestDesk> {
    // Pokes only: a change that reaches the desk within seconds came by a poke, not by the minute's poll.
    const desk = await openTestDesk(sync.url(), { pollIntervalMs: 60_000 });
    desks.push(desk);
    await desk.logIn(username);
    await desk.settle();
    return desk;
  }

  async function changeRights(ldaName: string, username: string, roles: string[]): Promise<void> {
    const lda = await sync.api(ldaName);
    const user = await sync.userByName(username);
    await lda.trpc.users.changeRights.mutate({
      userId: user.id, generalRoles: ['BASIC_USER'], dataAdministratorAreas: [],
      rights: roles.length ? [{ area: 'PQ', workflow: 'REQUEST', roles }] : [],
    } as never);
  }

  it('a handler lowered to allocator keeps no personal data: every view becomes FULL_NO_PD', async () => {
    const desk = await syncedDesk('hu-enkk-handler');
    const before = fileContents(desk);
    expect(before.views.filter((v) => v.level === 'FULL').length).toBeGreaterThanOrEqual(3);
    expect(leaked(before)).toEqual(PERSONAL_VALUES);

    await changeRights('hu-enkk-lda', 'hu-enkk-handler', ['ALLOCATOR']);
    await untilDeskEqualsHub(desk, sync, 15_000);
    const after = fileContents(desk);
    expect(leaked(after)).toEqual([]);
    expect(new Set(after.views.map((v) => v.level))).toEqual(new Set(['FULL_NO_PD']));
    expect(after.views.map((v) => v.case.id).filter((id) => caseIds.includes(id)).length).toBeGreaterThanOrEqual(caseIds.length);
    await desk.settle();
    await expectDeskEqualsHub(desk, sync);
  }, 60_000);

  it('a user whose rights for the request workflow are removed keeps monitoring views only', async () => {
    const desk = await syncedDesk('hu-enkk-handler');
    await changeRights('hu-enkk-lda', 'hu-enkk-handler', ['REQUEST_HANDLER', 'REQUEST_VIEWER']);
    await untilDeskEqualsHub(desk, sync, 15_000);
    expect(leaked(fileContents(desk))).toEqual(PERSONAL_VALUES);

    await changeRights('hu-enkk-lda', 'hu-enkk-handler', []);
    await untilDeskEqualsHub(desk, sync, 15_000);
    const after = fileContents(desk);
    expect(leaked(after)).toEqual([]);
    expect(new Set(after.views.map((v) => v.level))).toEqual(new Set(['MONITORING']));
    // A monitoring view has no questions, answers or messages.
    expect(after.text).not.toContain('awarded-by-competent-body');
    await desk.settle();
    await expectDeskEqualsHub(desk, sync);
  }, 60_000);

  it('a deactivated user\'s desk purges its replica file, its queue and its cached files', async () => {
    await changeRights('hu-enkk-lda', 'hu-enkk-handler', ['REQUEST_HANDLER', 'REQUEST_VIEWER']);
    const desk = await syncedDesk('hu-enkk-handler');
    expect(fileContents(desk).counts.requests).toBeGreaterThanOrEqual(caseIds.length);
    expect(leaked(fileContents(desk))).toEqual(PERSONAL_VALUES);
    const [caseId] = caseIds;
    if (!caseId) throw new Error('no case');
    const { replica, sync: engine } = desk.signedIn();
    const cached = path.join(replica.filesDir, safeSegment(caseId));
    await mkdir(cached, { recursive: true });
    await writeFile(path.join(cached, 'diploma.pdf'), '%PDF-1.4 cached copy');
    // Something of the user's own in the queue too, kept away from the hub by a poke-less, poll-less loop.
    await engine.stop();
    expect(desk.command({ type: 'addMessage', caseId, messageId: randomUUID(), messageType: 'OTHER', text: { text: `about ${FAMILY_NAME}`, language: 'en' } })).toMatchObject({ ok: true });
    expect(fileContents(desk).counts.outbox).toBe(1);

    const lda = await sync.api('hu-enkk-lda');
    await lda.trpc.users.deactivate.mutate({ userId: desk.signedIn().user.id } as never);
    await expect(engine.syncOnce()).rejects.toThrow('ACCOUNT_DEACTIVATED');

    const after = fileContents(desk);
    expect(after.counts).toEqual({ requests: 0, request_search: 0, authorities: 0, users: 0, outbox: 0, attention: 0 });
    expect(existsSync(replica.filesDir)).toBe(false);
    // Not even in the file's free pages or its write-ahead log.
    const raw = [replica.file, `${replica.file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(PERSONAL_VALUES.filter((v) => raw.includes(v))).toEqual([]);
  }, 60_000);
});
