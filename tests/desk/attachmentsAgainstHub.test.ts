// Attachments through the desk's local API (web mode, over HTTP as the renderer calls it) against a real hub (PGlite,
// shipped reference data, a blob store on disk), each desk behind its own cuttable TCP proxy: a file attached while
// offline is uploaded and its command applied once the network is back; executables and oversized files are refused
// with typed reasons and nothing is queued; the responder cannot open an attachment before acceptance and downloads
// it on demand afterwards; its cached copy is deleted when it forwards the request away; a cut mid-upload resumes.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeSegment } from '../../electron/desk/replica/replicaPaths';
import { createBlobStore } from '../../hub/blobs/blobStore';
import type { BlobStore } from '../../hub/blobs/blobStore';
import { createUploadSessions } from '../../hub/blobs/uploadSessions';
import { completeDraft, text } from '../sync/support/shippedCases';
import { startSyncHub } from '../sync/support/syncHub';
import type { SyncHub } from '../sync/support/syncHub';
import type { TcpProxy } from './support/tcpProxy';
import { logInDemoUser, syncSettled, startWebDeskUnderTest } from './support/webDeskClient';
import type { WebDeskUnderTest } from './support/webDeskClient';

type Client = WebDeskUnderTest['client'];

const logIn = logInDemoUser;

const settled = syncSettled;

/** Bytes that file-type reads as a PDF, with a pattern that makes every chunk different. */
function pdfBytes(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed * 7 + (i >> 10)) & 0xff;
  Buffer.from('%PDF-1.7\n').copy(bytes, 0);
  return bytes;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Hands a file to the desk as the renderer does: start, base64 pieces of `chunk` bytes, finish. */
async function attach(client: Client, caseId: string, name: string, bytes: Buffer, chunk = 1024 * 1024) {
  const { uploadId } = await client.attachments.startUpload.mutate({ caseId, name, nameLanguage: 'it', documentLanguage: 'it', size: bytes.byteLength, tabId: 'summary' });
  let offset = 0;
  while (offset < bytes.byteLength) {
    const piece = bytes.subarray(offset, offset + chunk);
    ({ received: offset } = await client.attachments.appendUpload.mutate({ uploadId, offset, bytes: piece.toString('base64') }));
  }
  return { uploadId, finish: () => client.attachments.finishUpload.mutate({ uploadId }) };
}

async function readAll(client: Client, caseId: string, attachmentId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const { bytes, eof } = await client.attachments.read.query({ caseId, attachmentId, offset });
    const piece = Buffer.from(bytes, 'base64');
    parts.push(piece);
    offset += piece.byteLength;
    if (eof) return Buffer.concat(parts);
  }
}

const reasonOf = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    return (error as { data?: { reason?: string; details?: unknown } }).data;
  }
  throw new Error('the call was not refused');
};

describe('desk attachments against a real hub', { timeout: 90_000 }, () => {
  let sync: SyncHub;
  let store: BlobStore;
  let blobDir: string;
  beforeAll(async () => {
    sync = await startSyncHub();
    blobDir = await mkdtemp(path.join(os.tmpdir(), 'imi-desk-blobs-'));
    store = createBlobStore(path.join(blobDir, 'store'));
    // The server builds each call's context from these deps, so the storage is seen from the next call on.
    sync.hub.deps.attachments = { store, uploads: createUploadSessions(store, path.join(blobDir, 'uploads'), { now: () => sync.hub.clock.now() }) };
  }, 120_000);
  afterAll(async () => {
    await sync?.close();
    if (blobDir) await rm(blobDir, { recursive: true, force: true });
  }, 60_000);

  describe('from a requester offline to a responder who accepts and then forwards', () => {
    // Hungary asks Italy; it-salute may forward to it-omceo-roma (same country).
    let requester: WebDeskUnderTest;
    let responder: WebDeskUnderTest;
    let requesterNet: TcpProxy;
    const caseId = `att-${randomUUID()}`;
    const content = pdfBytes(2 * 1024 * 1024 + 12_345, 1);
    let attachmentId: string;
    beforeAll(async () => {
      requesterNet = await sync.proxy();
      requester = await startWebDeskUnderTest(requesterNet.url);
      responder = await startWebDeskUnderTest((await sync.proxy()).url);
      await logIn(requester.client, 'hu-enkk-handler');
      await logIn(responder.client, 'it-salute-handler');
      await settled(requester.client);
      await settled(responder.client);
    }, 60_000);
    afterAll(async () => {
      await requesterNet?.restore();
      await requester?.close();
      await responder?.close();
    });

    it('stages a file attached offline, queues its command, and uploads it before the command once the network is back', async () => {
      const { client } = requester;
      await requesterNet.cut();
      expect(await client.requests.command.mutate({ command: completeDraft(caseId, 'it-salute', 'Kovacs') })).toMatchObject({ ok: true });
      const { finish } = await attach(client, caseId, 'oklevel.pdf', content);
      const finished = await finish();
      attachmentId = finished.attachmentId;
      expect(finished).toMatchObject({ sha256: sha256(content), size: content.byteLength, mediaType: 'application/pdf' });

      const offline = await client.attachments.list.query({ caseId });
      expect(offline.items).toEqual([expect.objectContaining({ id: attachmentId, name: 'oklevel.pdf', cached: true, canOpen: true, upload: { state: 'queued', failure: null, sentBytes: 0 } })]);
      expect((await client.sync.status.query()).pendingCount).toBe(2);
      // The user can open what they attached, offline, from the staged copy.
      expect((await readAll(client, caseId, attachmentId)).equals(content)).toBe(true);
      expect(await store.has(sha256(content))).toBe(false);

      await requesterNet.restore();
      await settled(client);
      const onHub = await sync.caseOnHub(caseId);
      expect(onHub?.attachments.map((a) => [a.id, a.sha256, a.size])).toEqual([[attachmentId, sha256(content), content.byteLength]]);
      expect(await store.has(sha256(content))).toBe(true);
      const online = await client.attachments.list.query({ caseId });
      expect(online.items[0]).toMatchObject({ id: attachmentId, cached: true, canOpen: true });
      // The uploaded file now lives in the case's cache folder, the staging area is empty again.
      await expect.poll(async () => (await client.attachments.list.query({ caseId })).items[0]?.upload).toBeNull();
      expect(existsSync(path.join(requester.desk.signedIn()?.replica.filesDir ?? '', safeSegment(caseId), sha256(content)))).toBe(true);
      expect((await readAll(client, caseId, attachmentId)).equals(content)).toBe(true);

      expect(await client.requests.command.mutate({ command: { type: 'sendRequest', caseId } })).toMatchObject({ ok: true });
      await settled(client);
    });

    it('refuses executables by content and by name, and oversized files, with typed reasons and nothing queued', async () => {
      const { client } = requester;
      const before = (await client.sync.status.query()).pendingCount;
      const program = Buffer.concat([Buffer.from('MZ'), pdfBytes(4096, 2).subarray(2)]);
      const disguised = await attach(client, caseId, 'scan.pdf', program);
      expect(await reasonOf(disguised.finish())).toMatchObject({ reason: 'EXECUTABLE_ATTACHMENT', details: { by: 'content', detected: 'exe' } });
      expect(await reasonOf(client.attachments.startUpload.mutate({ caseId, name: 'install.bat', nameLanguage: 'en', documentLanguage: 'en', size: 10 })))
        .toMatchObject({ reason: 'EXECUTABLE_ATTACHMENT', details: { by: 'name', extension: 'bat' } });
      expect(await reasonOf(client.attachments.startUpload.mutate({ caseId, name: 'huge.pdf', nameLanguage: 'en', documentLanguage: 'en', size: 20 * 1024 * 1024 + 1 })))
        .toMatchObject({ reason: 'ATTACHMENT_TOO_LARGE', details: { maxBytes: 20 * 1024 * 1024 } });

      expect((await client.sync.status.query()).pendingCount).toBe(before);
      expect((await client.attachments.list.query({ caseId })).items.map((i) => i.name)).toEqual(['oklevel.pdf']);
      const uploadsDir = requester.desk.signedIn()?.replica.uploadsDir ?? '';
      expect(existsSync(uploadsDir) ? await readdir(uploadsDir) : []).toEqual([]);
    });

    it('refuses the responder the content before acceptance, and downloads it on demand in chunks after', async () => {
      const { client } = responder;
      await settled(client);
      await expect.poll(async () => (await client.requests.get.query({ id: caseId })).view.level, { timeout: 15_000 }).toBe('FULL_NO_PD');
      const closed = await client.attachments.list.query({ caseId });
      expect(closed).toMatchObject({ level: 'FULL_NO_PD', canOpen: false, items: [{ id: attachmentId, name: 'oklevel.pdf', cached: false, canOpen: false }] });
      expect(await reasonOf(client.attachments.fetch.mutate({ caseId, attachmentId }))).toMatchObject({ reason: 'ATTACHMENT_CLOSED' });
      expect(await reasonOf(client.attachments.read.query({ caseId, attachmentId }))).toMatchObject({ reason: 'ATTACHMENT_CLOSED' });
      // Below FULL the hub refuses the bytes too, whatever a desk asks.
      const hubClient = await sync.api('it-salute-handler');
      await expect(hubClient.trpc.attachments.download.query({ caseId, sha256: sha256(content), offset: 0, length: 1024 })).rejects.toMatchObject({ data: { reason: 'ATTACHMENT_CLOSED' } });

      expect(await client.requests.command.mutate({ command: { type: 'acceptRequest', caseId, days: 10 } })).toMatchObject({ ok: true });
      await settled(client);
      await expect.poll(async () => (await client.requests.get.query({ id: caseId })).view.level, { timeout: 15_000 }).toBe('FULL');
      expect(await reasonOf(client.attachments.read.query({ caseId, attachmentId }))).toMatchObject({ reason: 'ATTACHMENT_NOT_CACHED' });
      expect(await client.attachments.fetch.mutate({ caseId, attachmentId })).toEqual({ size: content.byteLength, mediaType: 'application/pdf', name: 'oklevel.pdf', downloaded: true });
      expect(await client.attachments.fetch.mutate({ caseId, attachmentId })).toMatchObject({ downloaded: false });
      expect((await client.attachments.list.query({ caseId })).items[0]).toMatchObject({ cached: true, canOpen: true });
      expect((await readAll(client, caseId, attachmentId)).equals(content)).toBe(true);
    });

    it('deletes the cached file when the responder forwards the request away', async () => {
      const { client } = responder;
      const cacheDir = path.join(responder.desk.signedIn()?.replica.filesDir ?? '', safeSegment(caseId));
      expect(existsSync(path.join(cacheDir, sha256(content)))).toBe(true);
      expect(await client.requests.command.mutate({ command: { type: 'forwardRequest', caseId, toAuthorityId: 'it-omceo-roma', justification: text('The Ordine keeps this register.') } })).toMatchObject({ ok: true });
      await settled(client);
      await expect.poll(async () => (await reasonOf(client.requests.get.query({ id: caseId })))?.reason, { timeout: 15_000 }).toBe('CASE_NOT_FOUND');
      await expect.poll(() => existsSync(cacheDir), { timeout: 10_000 }).toBe(false);
      expect(await reasonOf(client.attachments.read.query({ caseId, attachmentId }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
    });
  });

  it('does not let a file the hub refuses block the queue: the command is refused and the attention list says why', async () => {
    const net = await sync.proxy();
    const desk = await startWebDeskUnderTest(net.url);
    try {
      const { client } = desk;
      await logIn(client, 'it-salute-handler');
      await settled(client);
      const caseId = `att-refused-${randomUUID()}`;
      expect(await client.requests.command.mutate({ command: completeDraft(caseId, 'hu-enkk') })).toMatchObject({ ok: true });
      expect(await client.requests.command.mutate({ command: { type: 'sendRequest', caseId } })).toMatchObject({ ok: true });
      await settled(client);

      await net.cut();
      const content = pdfBytes(40_000, 4);
      await (await attach(client, caseId, 'late.pdf', content)).finish();
      // Meanwhile, the same handler withdraws the request from another workstation.
      const elsewhere = await sync.api('it-salute-handler');
      await elsewhere.ok({ type: 'withdrawRequest', caseId, justification: text('Sent by mistake.') });
      await net.restore();
      await settled(client);

      const attention = await client.attention.list.query();
      expect(attention.filter((a) => a.caseId === caseId)).toEqual([
        expect.objectContaining({ reason: 'ATTACHMENT_NOT_UPLOADED', details: { uploadFailure: 'CASE_CLOSED' }, command: expect.objectContaining({ type: 'addAttachment' }) }),
      ]);
      expect(await store.has(sha256(content))).toBe(false);
      expect((await sync.caseOnHub(caseId))?.attachments).toEqual([]);
      const uploadsDir = desk.desk.signedIn()?.replica.uploadsDir ?? '';
      await expect.poll(async () => (existsSync(uploadsDir) ? await readdir(uploadsDir) : [])).toEqual([]);
    } finally {
      await net.restore();
      await desk.close();
    }
  });

  it('keeps a file attached offline across a restart of the desk, and uploads it at the next online log-in', async () => {
    const net = await sync.proxy();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'imi-desk-restart-'));
    const caseId = `att-restart-${randomUUID()}`;
    const content = pdfBytes(300_000, 5);
    try {
      const first = await startWebDeskUnderTest(net.url, { dataDir });
      try {
        await logIn(first.client, 'it-salute-handler');
        await settled(first.client);
        await net.cut();
        expect(await first.client.requests.command.mutate({ command: completeDraft(caseId, 'hu-enkk') })).toMatchObject({ ok: true });
        await (await attach(first.client, caseId, 'before-restart.pdf', content)).finish();
        expect((await first.client.sync.status.query()).pendingCount).toBe(2);
      } finally {
        await first.close();
      }
      await net.restore();
      const second = await startWebDeskUnderTest(net.url, { dataDir });
      try {
        await logIn(second.client, 'it-salute-handler');
        await settled(second.client);
        expect((await sync.caseOnHub(caseId))?.attachments.map((a) => [a.name, a.sha256])).toEqual([['before-restart.pdf', sha256(content)]]);
        expect(await store.has(sha256(content))).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await net.restore();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('resumes an upload cut in the middle from where the hub stopped, not from the start', async () => {
    const net = await sync.proxy();
    const acknowledged: number[] = [];
    let cut = false;
    const desk = await startWebDeskUnderTest(net.url, {
      uploads: {
        chunkBytes: 256 * 1024,
        onChunk: async (_upload, offset) => {
          acknowledged.push(offset);
          // The network goes right after the hub acknowledged the first chunk.
          if (!cut) { cut = true; await net.cut(); }
        },
      },
    });
    try {
      const { client } = desk;
      await logIn(client, 'it-salute-handler');
      await settled(client);
      const caseId = `att-resume-${randomUUID()}`;
      expect(await client.requests.command.mutate({ command: completeDraft(caseId, 'hu-enkk') })).toMatchObject({ ok: true });
      await settled(client);

      const content = pdfBytes(1024 * 1024 + 100, 3);
      const { finish } = await attach(client, caseId, 'diploma.pdf', content, 300 * 1024);
      await finish();
      await expect.poll(async () => (await client.sync.status.query()).online, { timeout: 15_000 }).toBe(false);
      expect(acknowledged).toEqual([0]);
      expect((await client.attachments.list.query({ caseId })).items[0]?.upload).toEqual({ state: 'queued', failure: null, sentBytes: 256 * 1024 });
      expect(await store.has(sha256(content))).toBe(false);

      await net.restore();
      await settled(client);
      expect(acknowledged).toEqual([0, 1, 2, 3, 4].map((i) => i * 256 * 1024));
      expect(await store.has(sha256(content))).toBe(true);
      expect((await sync.caseOnHub(caseId))?.attachments.map((a) => a.sha256)).toEqual([sha256(content)]);
    } finally {
      await net.restore();
      await desk.close();
    }
  });
});
