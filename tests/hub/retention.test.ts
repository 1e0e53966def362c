// The retention purge of SPEC §12 driven by a set clock: six months after closure the hub holds no personal data of
// the case, every replica receives the purged view through the feed, and the case's attachment bytes and upload files
// leave the blob store (a blob another case still lists stays), also when the hub stopped before deleting them.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/hub/schema';
import { uploadOwners } from '../../db/hub/syncSchema';
import type { AttachmentStorage } from '../../hub/attachments/blobCheck';
import { pdfSample, sha256, storedFiles } from '../../hub/blobs/blobSamples.testkit';
import { FILE_GRACE_MS, runRetentionPurge } from '../../hub/requests/scheduler';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import type { RequestView } from '../../shared/request/visibility';
import { attachmentMeta } from '../../shared/testkit/world.testkit';
import { reasonOf, useApiHub, type ApiHub, type Desk } from './support/hubApi.testkit';
import { PERSONAL_VALUES } from './support/leakCheck.testkit';
import { createDraft, fullAnswers, newCaseId } from './support/requests.testkit';

const DAY = 24 * 60 * 60 * 1000;
/** The files on disk as the purge sees them once the grace period for fresh files has passed. */
const afterGrace = { fileNow: () => new Date(Date.now() + 2 * FILE_GRACE_MS) };

describe.each(hubBackends())('retention purge on $name', { timeout: 60_000 }, (backend) => {
  const current = useApiHub(backend);
  let api: ApiHub;
  let requester: Desk;
  let responder: Desk;
  let storage: AttachmentStorage;
  beforeEach(async () => {
    api = current();
    requester = await api.desk('it-salute-handler');
    responder = await api.desk('hu-enkk-handler');
    const attachments = api.hub.deps.attachments;
    if (!attachments) throw new Error('the API hub has no attachment storage');
    storage = attachments;
  });

  /** A sent request, accepted by the responder. */
  async function acceptedCase(): Promise<string> {
    const id = newCaseId();
    await requester.ok(createDraft(id));
    await requester.ok({ type: 'sendRequest', caseId: id });
    await responder.ok({ type: 'acceptRequest', caseId: id, days: 10 });
    return id;
  }

  async function close(id: string): Promise<void> {
    await responder.ok({ type: 'sendReply', caseId: id, answers: fullAnswers() });
    await requester.ok({ type: 'closeRequest', caseId: id });
  }

  async function closedCase(): Promise<string> {
    const id = await acceptedCase();
    await close(id);
    return id;
  }

  /** Uploads `bytes` for the case in one chunk; completes it unless told not to. */
  async function upload(desk: Desk, caseId: string, bytes: Buffer, name: string, complete = true): Promise<string> {
    const { uploadId } = await desk.trpc.attachments.beginUpload.mutate({ caseId, declaredSize: bytes.length, declaredSha256: sha256(bytes), fileName: name });
    await desk.trpc.attachments.append.mutate({ uploadId, offset: 0, bytes: bytes.toString('base64') });
    if (complete) await desk.trpc.attachments.complete.mutate({ uploadId });
    return uploadId;
  }

  async function attach(desk: Desk, caseId: string, bytes: Buffer, name: string): Promise<void> {
    await upload(desk, caseId, bytes, name);
    await desk.ok({ type: 'addAttachment', caseId, attachment: attachmentMeta({ id: `att-${name}`, name, sha256: sha256(bytes), size: bytes.length, mediaType: 'application/pdf' }) });
  }

  /** The audit log outlives the per-test reset of the cases: entries are picked by case. */
  async function purgeEntries(caseId: string) {
    const entries = await api.hub.database.db.select().from(auditLog).where(eq(auditLog.action, 'REQUEST_PERSONAL_DATA_PURGED'));
    return entries.filter((e) => e.details.caseId === caseId);
  }

  const blobPath = (sha: string) => `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
  const download = (desk: Desk, caseId: string, bytes: Buffer) => desk.trpc.attachments.download.query({ caseId, sha256: sha256(bytes), offset: 0, length: bytes.length });

  it('removes personal data six months after closure and sends the purged view to replicas', async () => {
    const id = await closedCase();
    const cursor = (await responder.pull(0, 500)).nextAfter;
    api.hub.clock.advance(150 * DAY);
    expect(await runRetentionPurge(api.hub.deps)).toEqual([]);
    api.hub.clock.advance(40 * DAY);
    expect(await runRetentionPurge(api.hub.deps)).toEqual([id]);

    // Sessions do not last six months: the responder's desk logs in again and pulls from where it stopped.
    const incremental = await (await api.desk('hu-enkk-handler')).pull(cursor);
    const purged = incremental.changes.find((c) => c.id === id);
    expect(purged).toMatchObject({ op: 'upsert', entity: 'request' });
    const view = (purged && purged.op === 'upsert' ? purged.data : undefined) as RequestView;
    expect(view).toMatchObject({ level: 'FULL', case: { status: 'CLOSED', subject: { profession: 'Nurse' } } });
    for (const value of PERSONAL_VALUES) expect(JSON.stringify(view)).not.toContain(value);
    expect(view.case).toHaveProperty('history');
    expect(await runRetentionPurge(api.hub.deps)).toEqual([]);
  });

  it('deletes the bytes and uploads of a purged case, keeps a blob another case still lists, and refuses its downloads', async () => {
    const own = pdfSample(3000);
    const shared = pdfSample(4000);
    const neverAttached = pdfSample(5000);
    const half = pdfSample(6000);
    const purgedId = await acceptedCase();
    await attach(requester, purgedId, own, 'diploma.pdf');
    await attach(responder, purgedId, shared, 'register-extract.pdf');
    // Uploaded for the case but never attached: the bytes are of its subject all the same.
    await upload(requester, purgedId, neverAttached, 'draft.pdf');
    const unfinished = await upload(requester, purgedId, half, 'late.pdf', false);
    await close(purgedId);
    // Another request, still open, holds the same extract: content addressing stores it once.
    const keptId = await acceptedCase();
    await attach(requester, keptId, shared, 'register-extract.pdf');
    expect(await storedFiles(storage.store.dir)).toEqual([own, shared, neverAttached].map((b) => blobPath(sha256(b))).sort());
    expect((await storage.uploads.list()).map((u) => u.uploadId)).toContain(unfinished);

    api.hub.clock.advance(190 * DAY);
    // Bytes stored moments ago are left to the next run: a reference to them may be on its way.
    expect(await runRetentionPurge(api.hub.deps)).toEqual([purgedId]);
    expect(await storage.store.has(sha256(own))).toBe(true);
    expect(await runRetentionPurge(api.hub.deps, afterGrace)).toEqual([]);

    expect(await storedFiles(storage.store.dir)).toEqual([blobPath(sha256(shared))]);
    expect((await storage.uploads.list()).map((u) => u.uploadId)).not.toContain(unfinished);
    expect(await storage.uploads.status(unfinished)).toEqual({ ok: false, reason: 'UPLOAD_NOT_FOUND' });
    expect(await api.hub.database.db.select().from(uploadOwners).where(eq(uploadOwners.caseId, purgedId))).toEqual([]);

    const requesterNow = await api.desk('it-salute-handler');
    expect((await reasonOf(download(requesterNow, purgedId, own))).reason).toBe('ATTACHMENT_NOT_FOUND');
    expect((await reasonOf(download(requesterNow, purgedId, shared))).reason).toBe('ATTACHMENT_NOT_FOUND');
    expect(Buffer.from((await download(requesterNow, keptId, shared)).bytes, 'base64').equals(shared)).toBe(true);

    const entries = await purgeEntries(purgedId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: null, authorityId: 'it-salute', details: { caseId: purgedId, attachmentsRemoved: 2, uploadsRemoved: 4 } });
    for (const value of [...PERSONAL_VALUES, 'diploma.pdf']) expect(JSON.stringify(entries[0])).not.toContain(value);
  });

  it('removes the bytes a purge left on disk when the hub stopped before deleting them', async () => {
    const bytes = pdfSample(3500);
    const id = await acceptedCase();
    await attach(requester, id, bytes, 'diploma.pdf');
    await close(id);
    api.hub.clock.advance(190 * DAY);

    // The hub goes down right after the commit, at the first file it deletes.
    const crashing: AttachmentStorage = { ...storage, store: { ...storage.store, delete: () => Promise.reject(new Error('hub stopped')) } };
    await expect(runRetentionPurge({ ...api.hub.deps, attachments: crashing }, afterGrace)).rejects.toThrow('hub stopped');
    expect(await storage.store.has(sha256(bytes))).toBe(true);
    expect(await purgeEntries(id)).toHaveLength(1);

    // Restarted: the case is not due again, and the sweep of the next run finds the bytes nothing names.
    expect(await runRetentionPurge(api.hub.deps, afterGrace)).toEqual([]);
    expect(await storage.store.has(sha256(bytes))).toBe(false);
    expect(await storedFiles(storage.store.dir)).toEqual([]);
  });
});
