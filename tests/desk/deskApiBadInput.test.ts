// Bad input at the desk's boundaries (issues #4, #6), through the real HTTP API of a web-mode desk against a real hub
// (PGlite, shipped reference data, a blob store on disk) on loopback: the web guard (secret, Host, Origin, WebSocket
// upgrade), malformed or oversized tRPC calls, every way an upload can go wrong, report and attachment ids that do not
// exist or belong to another user of the same desk, report inputs outside the enums, and commands the lifecycle refuses.
// Each refusal is checked by its stable code, and that nothing changed: the replica (requests, outbox, attention), the
// staging folder and the My reports folder.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SECRET_COOKIE, SECRET_HEADER } from '../../electron/desk/web/webGuard';
import { TRPC_PATH } from '../../electron/desk/web/webServer';
import { createBlobStore } from '../../hub/blobs/blobStore';
import { createUploadSessions } from '../../hub/blobs/uploadSessions';
import { completeDraft } from '../sync/support/shippedCases';
import { startSyncHub } from '../sync/support/syncHub';
import type { SyncHub } from '../sync/support/syncHub';
import { deskState, errorData, folderFiles, rawRequest } from './support/deskState';
import type { TcpProxy } from './support/tcpProxy';
import { logInDemoUser, syncSettled, startWebDeskUnderTest } from './support/webDeskClient';
import type { WebDeskUnderTest } from './support/webDeskClient';

type Client = WebDeskUnderTest['client'];
type Refusal = { reason?: string; details?: Record<string, unknown>; issues?: Array<{ path: string[] }> };

const MiB = 1024 * 1024;

async function logIn(client: Client, username: string): Promise<void> {
  const result = await logInDemoUser(client, username);
  if (result.state !== 'signedIn') throw new Error(`${username} not signed in: ${JSON.stringify(result)}`);
}

const settled = syncSettled;

/** The refusal's data; fails the test when the call went through. */
async function refusal(call: Promise<unknown>): Promise<Refusal> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    const data = (error as { data?: Refusal }).data;
    if (!data) throw error;
    return data;
  }
  throw new Error(`the call was not refused: ${JSON.stringify(result)}`);
}

/** Bytes that file-type reads as a PDF. */
function pdfBytes(size: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed * 7 + (i >> 10)) & 0xff;
  Buffer.from('%PDF-1.7\n').copy(bytes, 0);
  return bytes;
}

const b64 = (b: Buffer) => b.toString('base64');

function upgrade(port: number, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${TRPC_PATH}`, { headers });
    ws.on('open', () => { ws.close(); resolve('open'); });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('bad input at the desk local API (web mode, against a real hub)', { timeout: 90_000 }, () => {
  let sync: SyncHub;
  let blobDir: string;
  let net: TcpProxy;
  let web: WebDeskUnderTest;
  let client: Client;
  let port: number;
  let secret: string;
  const caseId = `bad-${randomUUID()}`;
  const upload = { name: 'diploma.pdf', nameLanguage: 'hu' as const, documentLanguage: 'it' as const, tabId: 'summary' };

  /** Calls `act` and checks that the replica, the staging folder and My reports are exactly as before. */
  async function unchanged<T>(act: () => Promise<T>): Promise<T> {
    const before = await deskState(web.desk);
    const result = await act();
    expect(await deskState(web.desk)).toEqual(before);
    return result;
  }

  beforeAll(async () => {
    sync = await startSyncHub();
    blobDir = await mkdtemp(path.join(os.tmpdir(), 'imi-desk-bad-blobs-'));
    const store = createBlobStore(path.join(blobDir, 'store'));
    sync.hub.deps.attachments = { store, uploads: createUploadSessions(store, path.join(blobDir, 'uploads'), { now: () => sync.hub.clock.now() }) };
    net = await sync.proxy();
    web = await startWebDeskUnderTest(net.url);
    ({ client } = web);
    ({ port, secret } = web.server);
    await logIn(client, 'hu-enkk-handler');
    await settled(client);
    expect(await client.requests.command.mutate({ command: completeDraft(caseId, 'it-salute', 'Kovacs') })).toMatchObject({ ok: true });
    await settled(client);
  }, 120_000);
  afterAll(async () => {
    await net?.restore();
    await web?.close();
    await sync?.close();
    if (blobDir) await rm(blobDir, { recursive: true, force: true });
  }, 60_000);

  describe('the web guard', () => {
    const logoutPath = `${TRPC_PATH}/session.logout`;
    const startPath = `${TRPC_PATH}/attachments.startUpload`;
    const startBody = () => JSON.stringify({ caseId, ...upload, size: 10 });

    it('refuses calls without the secret, with a wrong one, and with a foreign Host or Origin, and nothing happens', async () => {
      const host = `127.0.0.1:${port}`;
      await unchanged(async () => {
        const tries: Array<[Record<string, string>, number]> = [
          [{}, 401],
          [{ [SECRET_HEADER]: 'not-the-secret' }, 401],
          [{ [SECRET_HEADER]: `${secret}x` }, 401],
          [{ cookie: `${SECRET_COOKIE}=${secret.slice(0, -1)}` }, 401],
          // DNS rebinding: evil.example resolves to 127.0.0.1, the browser sends its own name as Host.
          [{ [SECRET_HEADER]: secret, host: `evil.example:${port}` }, 421],
          [{ [SECRET_HEADER]: secret, host: 'localhost.evil.example' }, 421],
          [{ [SECRET_HEADER]: secret, origin: 'http://evil.example' }, 403],
          [{ cookie: `${SECRET_COOKIE}=${secret}`, origin: `http://127.0.0.1:${port + 1}` }, 403],
          [{ [SECRET_HEADER]: secret, origin: 'null' }, 403],
        ];
        for (const [headers, status] of tries) {
          for (const [pathname, body] of [[logoutPath, ''], [startPath, startBody()]] as const) {
            const answer = await rawRequest(port, { method: 'POST', path: pathname, headers: { host, ...headers }, body });
            expect([pathname, headers, answer.status]).toEqual([pathname, headers, status]);
            // The gate answers before tRPC: no JSON, nothing about the desk.
            expect(answer.headers['content-type']).toMatch(/^text\/plain/);
          }
        }
      });
      // The log-out above never ran: the user is still signed in.
      expect(await client.session.status.query()).toMatchObject({ state: 'signedIn' });
    });

    it('answers garbage over an open WebSocket with a typed error, and closes it on an oversized message', async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}${TRPC_PATH}`, { headers: { [SECRET_HEADER]: secret } });
      const messages: string[] = [];
      ws.on('message', (m: Buffer) => messages.push(m.toString('utf8')));
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      ws.on('error', () => undefined);
      await new Promise((resolve) => ws.once('open', resolve));
      await unchanged(async () => {
        ws.send('{"id": 1, "method": "mutation", "params": ');
        ws.send(JSON.stringify({ id: 2, method: 'subscription', params: { path: 'nothing.here', input: null } }));
        ws.send(JSON.stringify({ id: 3, method: 'mutation', params: { path: 'attachments.startUpload', input: { caseId: 1, size: 'big' } } }));
        await expect.poll(() => messages.length).toBeGreaterThanOrEqual(3);
        const errors = messages.map((m) => JSON.parse(m) as { id: number | null; error?: { data?: { reason?: string } } }).filter((m) => m.error);
        expect(errors.map((m) => [m.id, m.error?.data?.reason]), messages.join('\n')).toEqual([[null, 'INVALID_INPUT'], [2, 'PROCEDURE_NOT_FOUND'], [3, 'INVALID_INPUT']]);
        // One message larger than the desk reads: the socket is closed ("message too big"), nothing is parsed.
        ws.send(Buffer.alloc(9 * MiB, 0x20));
        expect(await closed).toBe(1009);
      });
      expect(await client.session.status.query()).toMatchObject({ state: 'signedIn' });
    });

    it('refuses a WebSocket upgrade without the secret, with a wrong one, or from a foreign Host or Origin', async () => {
      expect(await upgrade(port, {})).toBe(401);
      expect(await upgrade(port, { [SECRET_HEADER]: 'wrong' })).toBe(401);
      expect(await upgrade(port, { cookie: `${SECRET_COOKIE}=wrong` })).toBe(401);
      expect(await upgrade(port, { [SECRET_HEADER]: secret, origin: 'http://evil.example' })).toBe(403);
      expect(await upgrade(port, { [SECRET_HEADER]: secret, host: 'evil.example' })).toBe(421);
      // The same socket with the secret opens: the refusals above were the guard's.
      expect(await upgrade(port, { [SECRET_HEADER]: secret })).toBe('open');
    });
  });

  describe('malformed calls', () => {
    const headers = () => ({ [SECRET_HEADER]: secret });
    const post = (procedure: string, body: string | Buffer) => rawRequest(port, { method: 'POST', path: `${TRPC_PATH}/${procedure}`, headers: headers(), body });

    it('answers malformed JSON, wrong types and a wrong method with INVALID_INPUT', async () => {
      await unchanged(async () => {
        for (const body of ['{"caseId": "x", ', 'not json at all', '\u0000\u0001', '[1,2', '{"caseId":"x"}}']) {
          const answer = await post('attachments.startUpload', body);
          expect([body, answer.status, errorData(answer).reason]).toEqual([body, 400, 'INVALID_INPUT']);
        }
        const wrongTypes = await post('attachments.startUpload', JSON.stringify({ caseId: 42, name: ['a'], nameLanguage: 'hu', documentLanguage: 'it', size: '10' }));
        expect(wrongTypes.status).toBe(400);
        expect(errorData(wrongTypes)).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(errorData(wrongTypes).issues?.map((i) => i.path.join('.')).sort()).toEqual(['caseId', 'name', 'size']);
        const notAnObject = await post('requests.command', JSON.stringify('sendRequest'));
        expect([notAnObject.status, errorData(notAnObject).reason]).toEqual([400, 'INVALID_INPUT']);
        // A query's input in the URL that is not JSON.
        const badQuery = await rawRequest(port, { path: `${TRPC_PATH}/requests.get?input=%7Bid%3A`, headers: headers() });
        expect([badQuery.status, errorData(badQuery).reason]).toEqual([400, 'INVALID_INPUT']);
        // A mutation by GET, a query by POST.
        const mutationByGet = await rawRequest(port, { path: `${TRPC_PATH}/session.logout`, headers: headers() });
        expect([mutationByGet.status, errorData(mutationByGet).reason]).toEqual([405, 'INVALID_INPUT']);
        const queryByPost = await post('requests.get', JSON.stringify({ id: caseId }));
        expect([queryByPost.status, errorData(queryByPost).reason]).toEqual([405, 'INVALID_INPUT']);
      });
      expect(await client.session.status.query()).toMatchObject({ state: 'signedIn' });
    });

    it('answers an unknown procedure with PROCEDURE_NOT_FOUND, not an internal error', async () => {
      await unchanged(async () => {
        for (const procedure of ['attachments.deleteEverything', 'nothing', 'attachments', '__proto__.toString', 'requests.command.mutate']) {
          const answer = await post(procedure, '{}');
          expect([procedure, answer.status, errorData(answer).reason]).toEqual([procedure, 404, 'PROCEDURE_NOT_FOUND']);
        }
      });
    });

    it('refuses a request body larger than any call needs with PAYLOAD_TOO_LARGE', async () => {
      await unchanged(async () => {
        // Well above one 1 MiB piece in base64, well below what would hurt: the desk must stop at its limit anyway.
        const huge = Buffer.alloc(12 * MiB, 'A');
        Buffer.from('{"uploadId":"00000000-0000-4000-8000-000000000000","offset":0,"bytes":"').copy(huge, 0);
        const answer = await post('attachments.appendUpload', huge);
        expect([answer.status, errorData(answer).reason]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      });
    });

    it('refuses a command of the wrong shape as INVALID_INPUT and queues nothing', async () => {
      await unchanged(async () => {
        expect(await refusal(client.requests.command.mutate({ command: { type: 'sendRequest' } as never }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(client.requests.command.mutate({ command: { type: 'dropDatabase', caseId } as never }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(client.requests.command.mutate({ command: { type: 'acceptRequest', caseId, days: 'ten' } as never }))).toMatchObject({ reason: 'INVALID_INPUT' });
      });
    });
  });

  describe('uploads', () => {
    it('refuses to start an upload with a bad name, size, language or case, and stages nothing', async () => {
      const start = (input: Record<string, unknown>) => client.attachments.startUpload.mutate({ caseId, ...upload, size: 1000, ...input } as never);
      await unchanged(async () => {
        const invalidNames = ['../../etc/passwd', '..', '.', 'scans/diploma.pdf', 'scans\\diploma.pdf', '..\\..\\boot.ini', '/diploma.pdf', 'diploma\u0000.pdf', 'diploma.pdf\u0000.exe', 'line\nbreak.pdf', `${'a'.repeat(252)}.pdf`, '', '   '];
        for (const name of invalidNames) {
          const refused = await refusal(start({ name }));
          expect([name, refused.reason, refused.issues?.map((i) => i.path.join('.'))]).toEqual([name, 'INVALID_INPUT', ['name']]);
        }
        for (const size of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, '1000']) {
          expect([size, (await refusal(start({ size }))).reason]).toEqual([size, 'INVALID_INPUT']);
        }
        expect(await refusal(start({ size: 20 * MiB + 1 }))).toMatchObject({ reason: 'ATTACHMENT_TOO_LARGE', details: { maxBytes: 20 * MiB } });
        expect(await refusal(start({ nameLanguage: 'xx' }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(start({ documentLanguage: 'EN' }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(start({ caseId: `no-such-${randomUUID()}` }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
        expect(await refusal(start({ caseId: 'x'.repeat(65) }))).toMatchObject({ reason: 'INVALID_INPUT' });
        for (const name of ['setup.exe', 'run.exe. ', 'invoice.PDF.js', 'macro.vbs', 'shortcut.lnk']) {
          expect([name, await refusal(start({ name }))]).toEqual([name, expect.objectContaining({ reason: 'EXECUTABLE_ATTACHMENT', details: expect.objectContaining({ by: 'name' }) })]);
        }
      });
      // A name with dots that is not a path is a file name like any other.
      const fine = await client.attachments.startUpload.mutate({ caseId, ...upload, name: 'report..v2.pdf', size: 10 });
      expect(await client.attachments.cancelUpload.mutate({ uploadId: fine.uploadId })).toEqual({ cancelled: true });
    });

    it('refuses pieces that are not base64, too large, out of order, beyond the declared size or for an unknown upload, and keeps only good ones', async () => {
      const content = pdfBytes(3000);
      const { uploadId, chunkBytes } = await client.attachments.startUpload.mutate({ caseId, ...upload, size: content.byteLength });
      expect(chunkBytes).toBe(MiB);
      const append = (offset: number, bytes: string, id = uploadId) => client.attachments.appendUpload.mutate({ uploadId: id, offset, bytes });
      const partSize = async () => (await folderFiles(web.desk.signedIn()?.replica.uploadsDir ?? '')).find((f) => f.name === `${uploadId}.part`)?.size;

      await unchanged(async () => {
        for (const bytes of ['not base64!', 'QUJD RA==', 'QUJDRA', 'QUJDR', 'Q', 'QU=JD', '-_-_', 'QUJDRA==\n', '']) {
          expect([bytes, (await refusal(append(0, bytes))).reason]).toEqual([bytes, 'INVALID_INPUT']);
        }
        // One byte over 1 MiB still fits the base64 length bound: the staging refuses it by its decoded size.
        expect(await refusal(append(0, b64(Buffer.alloc(MiB + 1, 1))))).toMatchObject({ reason: 'CHUNK_TOO_LARGE', details: { chunkMax: MiB } });
        expect(await refusal(append(0, b64(Buffer.alloc(MiB + 3, 1))))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(append(0, b64(Buffer.alloc(3001, 1))))).toMatchObject({ reason: 'UPLOAD_EXCEEDS_DECLARED_SIZE', details: { declaredSize: 3000 } });
        expect(await refusal(append(1000, b64(content.subarray(1000, 2000))))).toMatchObject({ reason: 'UPLOAD_OFFSET_MISMATCH', details: { expectedOffset: 0 } });
        expect(await refusal(append(-1, b64(content.subarray(0, 10))))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(append(0.5, b64(content.subarray(0, 10))))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(append(0, b64(content.subarray(0, 10)), randomUUID()))).toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
        expect(await refusal(append(0, b64(content.subarray(0, 10)), '../../replica'))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(client.attachments.finishUpload.mutate({ uploadId }))).toMatchObject({ reason: 'UPLOAD_INCOMPLETE', details: { received: 0, declaredSize: 3000 } });
      });
      expect(await partSize()).toBe(0);

      expect(await append(0, b64(content.subarray(0, 1000)))).toEqual({ received: 1000 });
      await unchanged(async () => {
        // The same piece again (its answer was lost): accepted, nothing written twice.
        expect(await append(0, b64(content.subarray(0, 1000)))).toEqual({ received: 1000 });
        // The same place with other bytes, an earlier place, a later place: refused, with where to go on.
        expect(await refusal(append(0, b64(Buffer.alloc(1000, 7))))).toMatchObject({ reason: 'UPLOAD_OFFSET_MISMATCH', details: { expectedOffset: 1000 } });
        expect(await refusal(append(500, b64(content.subarray(500, 1500))))).toMatchObject({ reason: 'UPLOAD_OFFSET_MISMATCH', details: { expectedOffset: 1000 } });
        expect(await refusal(append(2000, b64(content.subarray(2000, 3000))))).toMatchObject({ reason: 'UPLOAD_OFFSET_MISMATCH', details: { expectedOffset: 1000 } });
        expect(await refusal(append(1000, b64(Buffer.alloc(2001, 1))))).toMatchObject({ reason: 'UPLOAD_EXCEEDS_DECLARED_SIZE' });
        expect(await refusal(client.attachments.finishUpload.mutate({ uploadId }))).toMatchObject({ reason: 'UPLOAD_INCOMPLETE', details: { received: 1000, declaredSize: 3000 } });
      });
      expect(await partSize()).toBe(1000);
      expect(await client.attachments.cancelUpload.mutate({ uploadId })).toEqual({ cancelled: true });
      expect(await refusal(append(1000, b64(content.subarray(1000, 2000))))).toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
      expect(await refusal(client.attachments.cancelUpload.mutate({ uploadId }))).toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
      expect(await partSize()).toBeUndefined();
    });

    it('refuses an executable renamed to .pdf by its content, keeps none of it and queues nothing', async () => {
      const programs: Array<[string, Buffer, string]> = [
        ['scan.pdf', Buffer.concat([Buffer.from('MZ'), pdfBytes(4096, 2).subarray(2)]), 'exe'],
        ['letter.pdf', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4088, 0)]), 'elf'],
        ['notes.txt', Buffer.from('#!/bin/sh\nrm -rf ~\n'), 'script'],
      ];
      for (const [name, bytes, detected] of programs) {
        await unchanged(async () => {
          const { uploadId } = await client.attachments.startUpload.mutate({ caseId, ...upload, name, size: bytes.byteLength });
          expect(await client.attachments.appendUpload.mutate({ uploadId, offset: 0, bytes: b64(bytes) })).toEqual({ received: bytes.byteLength });
          expect(await refusal(client.attachments.finishUpload.mutate({ uploadId }))).toMatchObject({ reason: 'EXECUTABLE_ATTACHMENT', details: { by: 'content', detected } });
          expect(await refusal(client.attachments.finishUpload.mutate({ uploadId }))).toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
        });
      }
      expect((await client.attachments.list.query({ caseId })).items).toEqual([]);
    });

    it('refuses pieces, a second finish and a cancel after the finish, and leaves the queued command alone', async () => {
      // Offline, so the staged file stays here (and the command in the outbox) while the test looks at them.
      await net.cut();
      try {
        const content = pdfBytes(2500, 3);
        const { uploadId } = await client.attachments.startUpload.mutate({ caseId, ...upload, size: content.byteLength });
        await client.attachments.appendUpload.mutate({ uploadId, offset: 0, bytes: b64(content) });
        const finished = await client.attachments.finishUpload.mutate({ uploadId });
        expect(finished).toMatchObject({ attachmentId: uploadId, size: 2500, mediaType: 'application/pdf' });
        await unchanged(async () => {
          expect(await refusal(client.attachments.appendUpload.mutate({ uploadId, offset: 2500, bytes: b64(Buffer.from('x')) }))).toMatchObject({ reason: 'UPLOAD_FINISHED' });
          expect(await refusal(client.attachments.appendUpload.mutate({ uploadId, offset: 0, bytes: b64(content) }))).toMatchObject({ reason: 'UPLOAD_FINISHED' });
          expect(await refusal(client.attachments.finishUpload.mutate({ uploadId }))).toMatchObject({ reason: 'UPLOAD_FINISHED' });
          expect(await refusal(client.attachments.cancelUpload.mutate({ uploadId }))).toMatchObject({ reason: 'UPLOAD_FINISHED' });
        });
        expect((await client.sync.status.query()).pendingCount).toBe(1);
      } finally {
        await net.restore();
      }
      await settled(client);
      expect((await client.attachments.list.query({ caseId })).items.map((i) => i.name)).toEqual(['diploma.pdf']);
    });

    it('refuses attachment ids that do not exist on the request, and ranges outside the file', async () => {
      const [item] = (await client.attachments.list.query({ caseId })).items;
      if (!item) throw new Error('no attachment');
      await unchanged(async () => {
        expect(await refusal(client.attachments.fetch.mutate({ caseId, attachmentId: randomUUID() }))).toMatchObject({ reason: 'ATTACHMENT_NOT_FOUND' });
        expect(await refusal(client.attachments.read.query({ caseId, attachmentId: randomUUID() }))).toMatchObject({ reason: 'ATTACHMENT_NOT_FOUND' });
        expect(await refusal(client.attachments.read.query({ caseId: `no-such-${randomUUID()}`, attachmentId: item.id }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
        expect(await refusal(client.attachments.read.query({ caseId, attachmentId: '../../..' }))).toMatchObject({ reason: 'ATTACHMENT_NOT_FOUND' });
        expect(await refusal(client.attachments.read.query({ caseId, attachmentId: item.id, offset: item.size + 1 }))).toMatchObject({ reason: 'RANGE_INVALID' });
        expect(await refusal(client.attachments.read.query({ caseId, attachmentId: item.id, length: MiB + 1 }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(client.attachments.read.query({ caseId, attachmentId: item.id, offset: -5 }))).toMatchObject({ reason: 'INVALID_INPUT' });
      });
      const whole = await client.attachments.read.query({ caseId, attachmentId: item.id });
      expect(whole).toMatchObject({ size: 2500, eof: true });
    });
  });

  describe('commands the lifecycle refuses', () => {
    it('refuses a command in the wrong state or for another authority locally, with a reason, and queues nothing', async () => {
      await unchanged(async () => {
        // A draft cannot be accepted, and the requester is not the authority that would accept it.
        const accept = await client.requests.command.mutate({ command: { type: 'acceptRequest', caseId, days: 10 } });
        expect(accept).toMatchObject({ ok: false, rejection: { reason: 'NOT_YOUR_AUTHORITY' } });
        const withdraw = await client.requests.command.mutate({ command: { type: 'withdrawRequest', caseId, justification: { text: 'x', language: 'en' } } });
        expect(withdraw).toMatchObject({ ok: false, rejection: { reason: 'WRONG_STATUS' } });
        const unknownCase = await client.requests.command.mutate({ command: { type: 'sendRequest', caseId: `no-such-${randomUUID()}` } });
        expect(unknownCase).toMatchObject({ ok: false, rejection: { reason: 'CASE_NOT_FOUND' } });
        // The same draft created again (a replayed command).
        const again = await client.requests.command.mutate({ command: completeDraft(caseId, 'it-salute') });
        expect(again).toMatchObject({ ok: false, rejection: { reason: 'CASE_ALREADY_EXISTS' } });
      });
      expect((await client.sync.status.query()).pendingCount).toBe(0);
    });

    it('refuses a viewer (no handler role) a new draft and an upload, and queues nothing on their desk', async () => {
      const viewerDesk = await startWebDeskUnderTest((await sync.proxy()).url);
      try {
        await logIn(viewerDesk.client, 'it-salute-viewer');
        await settled(viewerDesk.client);
        const before = await deskState(viewerDesk.desk);
        const draft = await viewerDesk.client.requests.command.mutate({ command: completeDraft(`viewer-${randomUUID()}`, 'hu-enkk') });
        expect(draft).toMatchObject({ ok: false, rejection: { reason: 'ROLE_REQUIRED' } });
        expect(await refusal(viewerDesk.client.attachments.startUpload.mutate({ caseId, ...upload, size: 10 }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
        expect(await deskState(viewerDesk.desk)).toEqual(before);
        expect((await viewerDesk.client.sync.status.query()).pendingCount).toBe(0);
      } finally {
        await viewerDesk.close();
      }
    });
  });

  describe('reports', () => {
    let reportId: string;

    it('refuses report inputs outside the enums, sections not allowed for the type, unknown requests and ids', async () => {
      const allowed = await client.reports.allowedTypes.query({ requestId: caseId });
      expect(allowed.types).toContain('CUSTOM');
      const kept = await client.reports.generate.mutate({ requestId: caseId, type: 'FULL_WITH_PD', language: 'en' });
      reportId = kept.id;
      const generate = (input: Record<string, unknown>) => client.reports.generate.mutate({ requestId: caseId, type: 'CUSTOM', language: 'en', sections: ['subject'], ...input } as never);
      await unchanged(async () => {
        expect(await refusal(generate({ language: 'xx' }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(generate({ language: 'EN' }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(generate({ language: 'us' }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(generate({ type: 'EVERYTHING' }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(generate({ type: 'full_with_pd' }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(generate({ sections: ['passwords'] }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(generate({ sections: 'subject' }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(generate({ sections: Array.from({ length: 8 }, () => 'subject') }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(generate({ sections: [] }))).toMatchObject({ reason: 'NO_SECTIONS_CHOSEN' });
        expect(await refusal(generate({ sections: undefined }))).toMatchObject({ reason: 'NO_SECTIONS_CHOSEN' });
        // Sections and the personal-data switch belong to CUSTOM only.
        for (const type of ['FULL_WITH_PD', 'FULL_WITHOUT_PD', 'DATA_SUBJECT', 'CONSENT_FORM']) {
          const refused = await refusal(generate({ type, sections: ['subject'] }));
          expect([type, refused.reason, refused.issues?.map((i) => i.path.join('.'))]).toEqual([type, 'INVALID_INPUT', ['sections']]);
          const withSwitch = await refusal(generate({ type, sections: undefined, customWithPersonalData: false }));
          expect([type, withSwitch.reason, withSwitch.issues?.map((i) => i.path.join('.'))]).toEqual([type, 'INVALID_INPUT', ['customWithPersonalData']]);
        }
        expect(await refusal(generate({ requestId: `no-such-${randomUUID()}` }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
        expect(await refusal(client.reports.allowedTypes.query({ requestId: `no-such-${randomUUID()}` }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });

        const missing = randomUUID();
        expect(await refusal(client.reports.read.query({ id: missing }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });
        expect(await refusal(client.reports.delete.mutate({ id: missing }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });
        expect(await refusal(client.reports.certify.mutate({ id: missing }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });
        for (const id of ['../index', 'index.json', `${reportId}.pdf`, '']) {
          expect([id, (await refusal(client.reports.read.query({ id })))?.reason]).toEqual([id, 'INVALID_INPUT']);
          expect([id, (await refusal(client.reports.delete.mutate({ id })))?.reason]).toEqual([id, 'INVALID_INPUT']);
        }
        expect(await refusal(client.reports.read.query({ id: reportId, offset: kept.size + 1 }))).toMatchObject({ reason: 'RANGE_INVALID' });
        expect(await refusal(client.reports.read.query({ id: reportId, length: MiB + 1 }))).toMatchObject({ reason: 'INVALID_INPUT' });
        expect(await refusal(client.reports.read.query({ id: reportId, length: 0 }))).toMatchObject({ reason: 'INVALID_INPUT' });
      });
      expect((await client.reports.list.query()).map((r) => r.id)).toEqual([reportId]);
    });

    it('refuses the ids of another user of the same desk, and of nobody after sign-out', async () => {
      // User A (signed in) has a kept report, an upload still receiving and an attachment on their request.
      const content = pdfBytes(2000, 9);
      const { uploadId } = await client.attachments.startUpload.mutate({ caseId, ...upload, name: 'half.pdf', size: content.byteLength });
      await client.attachments.appendUpload.mutate({ uploadId, offset: 0, bytes: b64(content.subarray(0, 1000)) });
      const [attachment] = (await client.attachments.list.query({ caseId })).items;
      if (!attachment) throw new Error('no attachment');
      const replicaA = web.desk.signedIn()?.replica;
      if (!replicaA) throw new Error('not signed in');
      const filesA = async () => ({ uploads: await folderFiles(replicaA.uploadsDir), reports: await folderFiles(replicaA.reportsDir) });
      const before = await filesA();
      expect(before.uploads.map((f) => f.name).sort()).toEqual([`${uploadId}.json`, `${uploadId}.part`]);

      await client.session.logout.mutate();
      const anyone = [
        () => client.reports.read.query({ id: reportId }), () => client.reports.delete.mutate({ id: reportId }), () => client.reports.list.query(),
        () => client.attachments.appendUpload.mutate({ uploadId, offset: 1000, bytes: b64(content.subarray(1000)) }),
        () => client.attachments.cancelUpload.mutate({ uploadId }), () => client.attachments.read.query({ caseId, attachmentId: attachment.id }),
      ];
      for (const call of anyone) expect(await refusal(call())).toMatchObject({ reason: 'NOT_SIGNED_IN' });

      // User B of another authority signs in on the same desk.
      await logIn(client, 'fr-cnom-handler');
      await settled(client);
      await unchanged(async () => {
        expect(await refusal(client.reports.read.query({ id: reportId }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });
        expect(await refusal(client.reports.delete.mutate({ id: reportId }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });
        expect(await refusal(client.reports.certify.mutate({ id: reportId }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });
        expect(await client.reports.list.query()).toEqual([]);
        expect(await refusal(client.attachments.appendUpload.mutate({ uploadId, offset: 1000, bytes: b64(content.subarray(1000)) }))).toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
        expect(await refusal(client.attachments.finishUpload.mutate({ uploadId }))).toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
        expect(await refusal(client.attachments.cancelUpload.mutate({ uploadId }))).toMatchObject({ reason: 'UPLOAD_NOT_FOUND' });
        expect(await refusal(client.attachments.fetch.mutate({ caseId, attachmentId: attachment.id }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
        expect(await refusal(client.attachments.read.query({ caseId, attachmentId: attachment.id }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
        expect(await refusal(client.attachments.list.query({ caseId }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
        expect(await refusal(client.reports.generate.mutate({ requestId: caseId, type: 'FULL_WITH_PD', language: 'fr' }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
      });
      expect(await filesA()).toEqual(before);
      await client.session.logout.mutate();

      // A again: everything of theirs is where it was, and the upload goes on.
      await logIn(client, 'hu-enkk-handler');
      expect(await filesA()).toEqual(before);
      expect((await client.reports.read.query({ id: reportId })).report.id).toBe(reportId);
      expect(await client.attachments.appendUpload.mutate({ uploadId, offset: 1000, bytes: b64(content.subarray(1000)) })).toEqual({ received: 2000 });
      expect(await client.attachments.cancelUpload.mutate({ uploadId })).toEqual({ cancelled: true });
    });
  });
});
