// Loss of access is a removal the desk hard-deletes (DESIGN §6.6): after forwardRequest, the old responder's replica
// file holds no row, no search entry and no cached files of the request; after splitRequest, the splitting desk holds
// nothing of the part it handed to another authority. Checked in the SQLite file itself, opened read-only.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeSegment } from '../../electron/desk/replica/replicaPaths';
import { completeDraft, QUESTION_IDS, text } from './support/shippedCases';
import { startSyncHub } from './support/syncHub';
import type { SyncHub } from './support/syncHub';
import { openTestDesk, readReplicaFile } from './support/testDesk';
import type { SyncTestDesk } from './support/testDesk';

/** What the replica file and the files folder still hold of a case. */
function traces(desk: SyncTestDesk, caseId: string) {
  const { file, filesDir } = desk.signedIn().replica;
  const db = readReplicaFile(file);
  try {
    const n = (query: string) => (db.prepare(query).get(caseId) as { n: number }).n;
    return {
      rows: n('select count(*) as n from requests where id = ?'),
      searchEntries: n('select count(*) as n from request_search where case_id = ?'),
      files: existsSync(path.join(filesDir, safeSegment(caseId))),
    };
  } finally {
    db.close();
  }
}

/** Puts a file where the desk caches a case's attachments, as an opened attachment would be. */
async function cacheFile(desk: SyncTestDesk, caseId: string): Promise<void> {
  const dir = path.join(desk.signedIn().replica.filesDir, safeSegment(caseId));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'diploma.pdf'), '%PDF-1.4 cached copy');
}

describe('access revocation on the old responder\'s desk', () => {
  let sync: SyncHub;
  let responder: SyncTestDesk;
  beforeAll(async () => {
    sync = await startSyncHub();
    responder = await openTestDesk(sync.url());
    await responder.logIn('it-salute-handler');
    await responder.settle();
  }, 120_000);
  afterAll(async () => {
    await responder?.close();
    await sync?.close();
  }, 60_000);

  /** A request from hu-enkk to it-salute, sent, held by it-salute's desk with a cached file. */
  async function requestToItaly(): Promise<string> {
    const caseId = `rev-${randomUUID()}`;
    const requester = await sync.api('hu-enkk-handler');
    await requester.ok(completeDraft(caseId, 'it-salute', 'Kovacs'));
    await requester.ok({ type: 'sendRequest', caseId });
    await responder.settle();
    expect(responder.view(caseId)?.case.status).toBe('AWAITING_ACCEPTANCE');
    await cacheFile(responder, caseId);
    expect(traces(responder, caseId)).toEqual({ rows: 1, searchEntries: 1, files: true });
    return caseId;
  }

  it('deletes the row, the search entry and the cached files of a request the desk forwarded', async () => {
    const caseId = await requestToItaly();
    expect(responder.command({ type: 'forwardRequest', caseId, toAuthorityId: 'it-omceo-roma', justification: text('The Ordine keeps this register.') })).toMatchObject({ ok: true });
    await responder.settle();
    expect((await sync.caseOnHub(caseId))?.respondingAuthorityId).toBe('it-omceo-roma');
    expect(traces(responder, caseId)).toEqual({ rows: 0, searchEntries: 0, files: false });
  }, 60_000);

  it('keeps nothing of the part a desk split off to another authority, and keeps the part it still answers', async () => {
    const caseId = await requestToItaly();
    const newCaseId = `rev-split-${randomUUID()}`;
    expect(responder.command({
      type: 'splitRequest', caseId, newCaseId, toAuthorityId: 'it-omceo-roma', questionIds: [QUESTION_IDS[0]], justification: text('One question is for the Ordine.'),
    })).toMatchObject({ ok: true });
    // The desk creates the new part optimistically; a file opened meanwhile lands in the cache.
    await cacheFile(responder, newCaseId);
    await responder.settle();
    expect((await sync.caseOnHub(newCaseId))?.respondingAuthorityId).toBe('it-omceo-roma');
    expect(traces(responder, newCaseId)).toEqual({ rows: 0, searchEntries: 0, files: false });
    expect(traces(responder, caseId)).toMatchObject({ rows: 1, searchEntries: 1 });
  }, 60_000);
});
