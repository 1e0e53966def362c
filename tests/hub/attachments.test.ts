// Attachments through the hub API: a resumable chunked upload by a handler of an open case, addAttachment checked
// against the stored content, downloads only at FULL, executables refused by their bytes.
import { beforeEach, describe, expect, it } from 'vitest';
import { chunks, pdfSample, peSample, sha256 } from '../../hub/blobs/blobSamples.testkit';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import { attachmentMeta } from '../../shared/testkit/world.testkit';
import { reasonOf, useApiHub, type ApiHub, type Desk } from './support/hubApi.testkit';
import { createDraft, newCaseId, why } from './support/requests.testkit';

const MiB = 1024 * 1024;

describe.each(hubBackends())('attachments through the hub on $name', { timeout: 60_000 }, (backend) => {
  const current = useApiHub(backend, { maxBodyBytes: 2 * MiB });
  let api: ApiHub;
  let requester: Desk;
  let responder: Desk;
  let caseId: string;
  beforeEach(async () => {
    api = current();
    requester = await api.desk('it-salute-handler');
    responder = await api.desk('hu-enkk-handler');
    caseId = newCaseId();
    await requester.ok(createDraft(caseId));
    await requester.ok({ type: 'sendRequest', caseId });
  });

  /** Uploads in 1 MiB chunks, resuming from the status after the first one, and returns what complete says. */
  async function upload(desk: Desk, bytes: Buffer, name = 'diploma.pdf') {
    const { uploadId } = await desk.trpc.attachments.beginUpload.mutate({ caseId, declaredSize: bytes.length, declaredSha256: sha256(bytes), fileName: name });
    const [first, ...rest] = chunks(bytes, MiB);
    if (first) await desk.trpc.attachments.append.mutate({ uploadId, offset: 0, bytes: first.toString('base64') });
    let offset = (await desk.trpc.attachments.status.query({ uploadId })).received;
    for (const chunk of rest) {
      offset = (await desk.trpc.attachments.append.mutate({ uploadId, offset, bytes: chunk.toString('base64') })).received;
    }
    return desk.trpc.attachments.complete.mutate({ uploadId });
  }

  it('uploads in resumable chunks, attaches, and lets the responder download only after acceptance', async () => {
    const bytes = pdfSample(Math.round(1.5 * MiB));
    const stored = await upload(requester, bytes);
    expect(stored).toEqual({ sha256: sha256(bytes), size: bytes.length, mediaType: 'application/pdf' });
    await requester.ok({ type: 'addAttachment', caseId, attachment: attachmentMeta({ sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType }) });

    const read = { caseId, sha256: stored.sha256, offset: 0, length: MiB };
    expect((await reasonOf(responder.trpc.attachments.download.query(read))).reason).toBe('ATTACHMENT_CLOSED');
    const stranger = await api.desk('fr-cnom-handler');
    expect((await reasonOf(stranger.trpc.attachments.download.query(read))).reason).toBe('CASE_NOT_FOUND');

    await responder.ok({ type: 'acceptRequest', caseId, days: 10 });
    const head = await responder.trpc.attachments.download.query(read);
    const tail = await responder.trpc.attachments.download.query({ ...read, offset: MiB });
    expect(Buffer.concat([Buffer.from(head.bytes, 'base64'), Buffer.from(tail.bytes, 'base64')]).equals(bytes)).toBe(true);
  });

  it('refuses an executable by its bytes, whatever its name', async () => {
    expect((await reasonOf(upload(requester, peSample(), 'harmless.pdf'))).reason).toBe('EXECUTABLE_ATTACHMENT');
  });

  it('refuses uploads to users who are not handlers of either side', async () => {
    const stranger = await api.desk('fr-cnom-handler');
    const basic = await api.desk('hu-enkk-basic');
    const begin = { caseId, declaredSize: 10, declaredSha256: 'a'.repeat(64), fileName: 'x.pdf' };
    expect((await reasonOf(stranger.trpc.attachments.beginUpload.mutate(begin))).reason).toBe('CASE_NOT_FOUND');
    expect((await reasonOf(basic.trpc.attachments.beginUpload.mutate(begin))).reason).toBe('ROLE_REQUIRED');
  });

  it('refuses an upload above 20 MB before any byte is sent', async () => {
    const begin = { caseId, declaredSize: 20 * MiB + 1, declaredSha256: 'a'.repeat(64), fileName: 'big.pdf' };
    expect((await reasonOf(requester.trpc.attachments.beginUpload.mutate(begin))).reason).toBe('ATTACHMENT_TOO_LARGE');
  });

  it('refuses append, status and complete of an upload to anyone but the user who began it, and changes nothing', async () => {
    const bytes = pdfSample(4096);
    const { uploadId } = await requester.trpc.attachments.beginUpload.mutate({ caseId, declaredSize: bytes.length, declaredSha256: sha256(bytes), fileName: 'diploma.pdf' });
    const chunk = { uploadId, offset: 0, bytes: bytes.toString('base64') };
    // A colleague handling the same case and the other side's handler: both could upload themselves, neither may touch this one.
    for (const other of [await api.desk('it-salute-lda'), responder]) {
      expect((await reasonOf(other.trpc.attachments.append.mutate(chunk))).reason).toBe('UPLOAD_NOT_YOURS');
      expect((await reasonOf(other.trpc.attachments.status.query({ uploadId }))).reason).toBe('UPLOAD_NOT_YOURS');
      expect((await reasonOf(other.trpc.attachments.complete.mutate({ uploadId }))).reason).toBe('UPLOAD_NOT_YOURS');
    }
    expect(await requester.trpc.attachments.status.query({ uploadId })).toEqual({ received: 0, declaredSize: bytes.length, completed: false });
    await requester.trpc.attachments.append.mutate(chunk);
    expect(await requester.trpc.attachments.complete.mutate({ uploadId })).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
  });

  it('answers UPLOAD_NOT_FOUND for an upload id nobody began', async () => {
    expect((await reasonOf(requester.trpc.attachments.status.query({ uploadId: '00000000-0000-4000-8000-000000000000' }))).reason).toBe('UPLOAD_NOT_FOUND');
  });

  it('refuses to complete an upload once its case has closed', async () => {
    const bytes = pdfSample(2048);
    const { uploadId } = await requester.trpc.attachments.beginUpload.mutate({ caseId, declaredSize: bytes.length, declaredSha256: sha256(bytes), fileName: 'late.pdf' });
    await requester.trpc.attachments.append.mutate({ uploadId, offset: 0, bytes: bytes.toString('base64') });
    await requester.ok({ type: 'withdrawRequest', caseId, justification: why });
    expect((await reasonOf(requester.trpc.attachments.complete.mutate({ uploadId }))).reason).toBe('CASE_CLOSED');
  });
});
