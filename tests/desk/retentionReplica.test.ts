// SPEC §15 scenario 12 on a real desk: six months after closure, personal data is gone from the hub AND from the
// replica. A desk in web mode (the renderer's path over HTTP) drafts a request with personal data, attaches a file,
// sends it; the responder replies, the desk closes it. The hub's clock (which the desk shares) moves six months on,
// the purge runs, the desk logs in again and syncs. Checked on disk, not through the desk's code: the replica file
// opened read-only, its raw bytes once the desk closed it (WAL checkpointed), the FTS5 index, the attachment cache
// and every other file of the desk's data folder; and what must remain, the non-personal record and its history.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeSegment } from '../../electron/desk/replica/replicaPaths';
import { foldForSearch } from '../../electron/desk/search/foldForSearch';
import { createBlobStore } from '../../hub/blobs/blobStore';
import type { BlobStore } from '../../hub/blobs/blobStore';
import { createUploadSessions } from '../../hub/blobs/uploadSessions';
import { FILE_GRACE_MS, runRetentionPurge } from '../../hub/requests/scheduler';
import type { RequestCase } from '../../shared/request/requestCase';
import type { RequestView } from '../../shared/request/visibility';
import { completeDraft, fullAnswers, personalFieldIds } from '../sync/support/shippedCases';
import { startSyncHub } from '../sync/support/syncHub';
import type { SyncHub } from '../sync/support/syncHub';
import { logInDemoUser, syncSettled, startWebDeskUnderTest } from './support/webDeskClient';
import type { WebDeskUnderTest } from './support/webDeskClient';

const DAY = 24 * 60 * 60 * 1000;

/** Personal values nothing else in the demo world contains, so that finding one anywhere is a leak. */
const SUBJECT = {
  'family-name': 'Quarantotti-Zeffirelli',
  'first-names': 'Ersilia Gaudenzia',
  'date-of-birth': '1971-11-23',
  'place-of-birth': 'Castelvetrano',
  address: 'Via Ombrosa 77, Trapani',
  'identity-document-number': 'CA48213KQ',
  'professional-registration-number': 'TP-77120',
};
const DATE_OF_AWARD = '1998-10-09';
const ATTACHMENT_NAME = 'Quarantotti-laurea.pdf';
/** Written into the attachment's bytes: the content must leave the desk's disk as well. */
const CONTENT_MARKER = `laurea-content-${randomUUID()}`;
const PERSONAL_VALUES = [...Object.values(SUBJECT), DATE_OF_AWARD, ATTACHMENT_NAME, CONTENT_MARKER];

const logIn = logInDemoUser;

const settled = syncSettled;

function pdfWithMarker(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(`% ${CONTENT_MARKER}\n`), Buffer.alloc(64 * 1024, 0x41), Buffer.from('\n%%EOF\n')]);
}

/** Every file under `dir` (recursively), with its bytes. */
async function filesUnder(dir: string): Promise<Array<{ file: string; bytes: Buffer }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map(async (e) => {
    const file = path.join(e.parentPath, e.name);
    return { file: path.relative(dir, file), bytes: await readFile(file) };
  }));
}

/** The values of `values` found in `bytes`, compared case-insensitively (the search index stores folded text). */
function foundIn(bytes: Buffer, values: readonly string[]): string[] {
  const text = bytes.toString('latin1').toLowerCase();
  return values.filter((v) => text.includes(v.toLowerCase()) || text.includes(foldForSearch(v)));
}

describe('retention on a desk replica (SPEC §15 scenario 12)', { timeout: 120_000 }, () => {
  let sync: SyncHub;
  let store: BlobStore;
  let blobDir: string;
  let desk: WebDeskUnderTest;
  const caseId = `ret-${randomUUID()}`;
  const content = pdfWithMarker();
  const contentSha = createHash('sha256').update(content).digest('hex');
  let replicaFile: string;
  let casesDir: string;
  let entryNumber: number;

  beforeAll(async () => {
    sync = await startSyncHub();
    blobDir = await mkdtemp(path.join(os.tmpdir(), 'imi-retention-blobs-'));
    store = createBlobStore(path.join(blobDir, 'store'));
    // The server builds each call's context from these deps, so the storage is seen from the next call on.
    sync.hub.deps.attachments = { store, uploads: createUploadSessions(store, path.join(blobDir, 'uploads'), { now: () => sync.hub.clock.now() }) };
    // One world time: the desk's clock is the hub's, so six months pass for both.
    desk = await startWebDeskUnderTest(sync.url(), { now: () => sync.hub.clock.now() });
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    await sync?.close();
    if (blobDir) await rm(blobDir, { recursive: true, force: true });
  }, 60_000);

  /** The case as the replica file holds it, and what its FTS5 index finds, read with a connection of our own. */
  function inspectReplica() {
    const db = new Database(replicaFile, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('select data, server_data as serverData from requests where id = ?').get(caseId) as { data: string; serverData: string } | undefined;
      const matches = (value: string) => (db.prepare('select count(*) as n from request_search where request_search match ?').get(`"${foldForSearch(value).replaceAll('"', '""')}"`) as { n: number }).n;
      return {
        row,
        // This user sees the case at FULL (checked below): the whole case, or what the purge left of it.
        view: row ? (JSON.parse(row.data) as { level: RequestView['level']; case: RequestCase }) : undefined,
        searchHits: Object.fromEntries(PERSONAL_VALUES.map((v) => [v, matches(v)])),
        entryNumberHits: matches(String(entryNumber)),
      };
    } finally {
      db.close();
    }
  }

  it('holds the personal data, the search entries and the cached file while the case is within retention', async () => {
    const { client } = desk;
    await logIn(client, 'it-salute-handler');
    await settled(client);
    const draft = completeDraft(caseId, 'hu-enkk') as Extract<ReturnType<typeof completeDraft>, { type: 'createDraft' }>;
    const command = { ...draft, form: { ...draft.form, subject: { ...draft.form.subject, ...SUBJECT } } };
    // Every personal subject field this test fills is one the shipped reference data marks personal.
    for (const id of Object.keys(SUBJECT)) expect(personalFieldIds()).toContain(id);
    expect(await client.requests.command.mutate({ command })).toMatchObject({ ok: true });
    const { uploadId } = await client.attachments.startUpload.mutate({ caseId, name: ATTACHMENT_NAME, nameLanguage: 'it', documentLanguage: 'it', size: content.byteLength, tabId: 'summary' });
    await client.attachments.appendUpload.mutate({ uploadId, offset: 0, bytes: content.toString('base64') });
    await client.attachments.finishUpload.mutate({ uploadId });
    expect(await client.requests.command.mutate({ command: { type: 'sendRequest', caseId } })).toMatchObject({ ok: true });
    await settled(client);

    const responder = await sync.api('hu-enkk-handler');
    await responder.ok({ type: 'acceptRequest', caseId, days: 10 });
    const answers = fullAnswers('Checked against the register.').map((a) => (a.questionId === 'date-of-award' ? { ...a, value: { kind: 'date' as const, date: DATE_OF_AWARD } } : a));
    await responder.ok({ type: 'sendReply', caseId, answers });
    await settled(client);
    expect(await client.requests.command.mutate({ command: { type: 'closeRequest', caseId } })).toMatchObject({ ok: true });
    await settled(client);
    expect(await client.attachments.fetch.mutate({ caseId, attachmentId: uploadId })).toMatchObject({ size: content.byteLength });

    const signedIn = desk.desk.signedIn();
    if (!signedIn) throw new Error('desk not signed in');
    replicaFile = signedIn.replica.file;
    casesDir = signedIn.replica.filesDir;
    const before = (await sync.caseOnHub(caseId))!;
    expect(before.status).toBe('CLOSED');
    entryNumber = before.entryNumber!;
    expect(readFileSync(path.join(casesDir, safeSegment(caseId), contentSha)).equals(content)).toBe(true);
    expect(await store.has(contentSha)).toBe(true);

    // Signed out, the desk closed its replica: the WAL is checkpointed into the file.
    await client.session.logout.mutate();
    expect(existsSync(`${replicaFile}-wal`)).toBe(false);
    // The checks below can fail: here, within retention, they find every personal value.
    expect(foundIn(readFileSync(replicaFile), PERSONAL_VALUES.filter((v) => v !== CONTENT_MARKER)).sort()).toEqual(PERSONAL_VALUES.filter((v) => v !== CONTENT_MARKER).sort());
    const inside = inspectReplica();
    expect(inside.view?.case.subject).toMatchObject(SUBJECT);
    for (const value of ['Quarantotti-Zeffirelli', 'Castelvetrano', 'Via Ombrosa 77, Trapani', ATTACHMENT_NAME]) expect(inside.searchHits[value], value).toBe(1);
  });

  it('holds none of it after the purge six months on, and keeps the non-personal record and its history', async () => {
    const { client } = desk;
    sync.hub.clock.advance(190 * DAY);
    // The files of a case closed six months ago are old; a purge leaves only freshly stored ones for later.
    expect(await runRetentionPurge(sync.hub.deps, { fileNow: () => new Date(Date.now() + 2 * FILE_GRACE_MS) })).toEqual([caseId]);
    expect(await store.has(contentSha)).toBe(false);

    // Sessions do not last six months: the user logs in again and the desk syncs from where it stopped.
    await logIn(client, 'it-salute-handler');
    await settled(client);
    expect((await client.attachments.list.query({ caseId })).items).toEqual([]);
    await client.session.logout.mutate();

    // The raw file, as anyone with the disk could read it: not a byte of the personal data.
    expect(existsSync(`${replicaFile}-wal`)).toBe(false);
    expect(foundIn(readFileSync(replicaFile), PERSONAL_VALUES)).toEqual([]);
    // Nor anywhere else in the desk's data folder: attachment cache, upload staging, reports, settings.
    expect(existsSync(path.join(casesDir, safeSegment(caseId), contentSha))).toBe(false);
    const leaks = (await filesUnder(desk.dataDir)).flatMap(({ file, bytes }) => foundIn(bytes, PERSONAL_VALUES).map((v) => `${file}: ${v}`));
    expect(leaks).toEqual([]);

    const after = inspectReplica();
    expect(Object.values(after.searchHits).every((n) => n === 0), JSON.stringify(after.searchHits)).toBe(true);
    for (const value of PERSONAL_VALUES) expect(after.row?.serverData ?? '').not.toContain(value);
    // What remains: the record (entry number, status, authorities, non-personal subject fields) and its history.
    expect(after.view).toMatchObject({ level: 'FULL', case: { id: caseId, entryNumber, status: 'CLOSED', requestingAuthorityId: 'it-salute', respondingAuthorityId: 'hu-enkk', subject: { profession: 'Medical doctor' }, attachments: [] } });
    expect(after.view?.case.history.map((h) => h.status)).toEqual(expect.arrayContaining(['AWAITING_ACCEPTANCE', 'CLOSED']));
    expect(after.entryNumberHits).toBe(1);
  });
});
