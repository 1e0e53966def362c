import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlobStore } from './blobStore';
import type { BlobStore } from './blobStore';
import { chunks, elfSample, machoSample, pdfSample, peSample, sha256, shellScriptSample, storedFiles, tempDirs } from './blobSamples.testkit';
import { createUploadSessions } from './uploadSessions';
import type { UploadSessions } from './uploadSessions';

const KiB = 1024;
let dirs: Awaited<ReturnType<typeof tempDirs>>;
let store: BlobStore;
let sessions: UploadSessions;

beforeEach(async () => {
  dirs = await tempDirs();
  store = createBlobStore(dirs.storeDir);
  sessions = createUploadSessions(store, dirs.uploadDir, { chunkMax: 1 * KiB });
});
afterEach(() => dirs.remove());

async function begin(bytes: Buffer, fileName = 'diploma.pdf', on: UploadSessions = sessions): Promise<string> {
  const started = await on.begin({ declaredSize: bytes.length, declaredSha256: sha256(bytes), fileName });
  if (!started.ok) throw new Error(`begin refused: ${started.reason}`);
  return started.uploadId;
}

/** Begins an upload and sends all of it in 1 KiB chunks. */
async function uploadWhole(bytes: Buffer, fileName?: string): Promise<string> {
  const uploadId = await begin(bytes, fileName);
  let offset = 0;
  for (const chunk of chunks(bytes, KiB)) {
    expect(await sessions.append(uploadId, offset, chunk)).toEqual({ ok: true, received: offset + chunk.length });
    offset += chunk.length;
  }
  return uploadId;
}

describe('chunked uploads', () => {
  it('stores a PDF sent in chunks and reports its hash, size and media type application/pdf', async () => {
    const pdf = pdfSample(3500);
    const uploadId = await uploadWhole(pdf);
    expect(await sessions.complete(uploadId)).toEqual({ ok: true, sha256: sha256(pdf), size: pdf.length, mediaType: 'application/pdf' });
    expect(await store.has(sha256(pdf))).toBe(true);
  });

  it('resumes an interrupted upload in a new instance on the same folders (as after a hub restart)', async () => {
    const pdf = pdfSample(3500);
    const uploadId = await begin(pdf);
    const [first, second, ...rest] = chunks(pdf, KiB);
    await sessions.append(uploadId, 0, first!);
    await sessions.append(uploadId, KiB, second!);

    const restarted = createUploadSessions(createBlobStore(dirs.storeDir), dirs.uploadDir, { chunkMax: KiB });
    expect(await restarted.status(uploadId)).toEqual({ ok: true, received: 2 * KiB, declaredSize: pdf.length, completed: false });
    let offset = 2 * KiB;
    for (const chunk of rest) {
      await restarted.append(uploadId, offset, chunk);
      offset += chunk.length;
    }
    expect(await restarted.complete(uploadId)).toMatchObject({ ok: true, sha256: sha256(pdf), size: pdf.length });
  });

  it('acknowledges a repeated chunk idempotently when its bytes match, without storing them twice', async () => {
    const pdf = pdfSample(2500);
    const uploadId = await begin(pdf);
    const [first, second] = chunks(pdf, KiB);
    await sessions.append(uploadId, 0, first!);
    await sessions.append(uploadId, KiB, second!);
    expect(await sessions.append(uploadId, 0, first!)).toEqual({ ok: true, received: 2 * KiB });
    expect(await sessions.status(uploadId)).toMatchObject({ received: 2 * KiB });
  });

  it('accepts a retry that overlaps what arrived and writes only the new part', async () => {
    const pdf = pdfSample(2500);
    const uploadId = await begin(pdf);
    await sessions.append(uploadId, 0, pdf.subarray(0, 600));
    expect(await sessions.append(uploadId, 0, pdf.subarray(0, KiB))).toEqual({ ok: true, received: KiB });
  });

  it('refuses a repeated chunk whose bytes differ, naming where to resume', async () => {
    const pdf = pdfSample(2500);
    const uploadId = await begin(pdf);
    await sessions.append(uploadId, 0, pdf.subarray(0, KiB));
    expect(await sessions.append(uploadId, 0, Buffer.alloc(KiB, 1))).toEqual({ ok: false, reason: 'UPLOAD_CHUNK_CONFLICT', expectedOffset: KiB });
  });

  it('refuses a gap with UPLOAD_OFFSET_MISMATCH and the offset the client must resume from', async () => {
    const pdf = pdfSample(3500);
    const uploadId = await begin(pdf);
    await sessions.append(uploadId, 0, pdf.subarray(0, KiB));
    expect(await sessions.append(uploadId, 2 * KiB, pdf.subarray(2 * KiB, 3 * KiB))).toEqual({ ok: false, reason: 'UPLOAD_OFFSET_MISMATCH', expectedOffset: KiB });
    expect(await sessions.status(uploadId)).toMatchObject({ received: KiB });
  });

  it('refuses an attachment declared larger than 20 MiB with ATTACHMENT_TOO_LARGE', async () => {
    const defaults = createUploadSessions(store, dirs.uploadDir);
    expect(await defaults.begin({ declaredSize: 20 * 1024 * 1024 + 1, declaredSha256: 'a'.repeat(64), fileName: 'scan.pdf' }))
      .toEqual({ ok: false, reason: 'ATTACHMENT_TOO_LARGE', maxBytes: 20 * 1024 * 1024 });
    expect(await defaults.begin({ declaredSize: 20 * 1024 * 1024, declaredSha256: 'a'.repeat(64), fileName: 'scan.pdf' })).toMatchObject({ ok: true });
  });

  it('refuses a chunk bigger than the chunk limit and bytes beyond the declared size', async () => {
    const pdf = pdfSample(1500);
    const uploadId = await begin(pdf);
    expect(await sessions.append(uploadId, 0, pdf.subarray(0, KiB + 1))).toEqual({ ok: false, reason: 'CHUNK_TOO_LARGE', chunkMax: KiB });
    await sessions.append(uploadId, 0, pdf.subarray(0, KiB));
    expect(await sessions.append(uploadId, KiB, Buffer.alloc(KiB))).toEqual({ ok: false, reason: 'UPLOAD_EXCEEDS_DECLARED_SIZE', declaredSize: 1500 });
    expect(await sessions.status(uploadId)).toMatchObject({ received: KiB });
  });

  it('refuses to complete before every byte arrived', async () => {
    const pdf = pdfSample(1500);
    const uploadId = await begin(pdf);
    await sessions.append(uploadId, 0, pdf.subarray(0, KiB));
    expect(await sessions.complete(uploadId)).toEqual({ ok: false, reason: 'UPLOAD_INCOMPLETE', received: KiB, declaredSize: 1500 });
  });

  it('refuses a checksum mismatch and stores nothing', async () => {
    const pdf = pdfSample(1500);
    const uploadId = await begin(pdf);
    const tampered = Buffer.from(pdf);
    tampered[700] = 0x42;
    await sessions.append(uploadId, 0, tampered.subarray(0, KiB));
    await sessions.append(uploadId, KiB, tampered.subarray(KiB));
    expect(await sessions.complete(uploadId)).toEqual({ ok: false, reason: 'UPLOAD_CHECKSUM_MISMATCH', declaredSha256: sha256(pdf), actualSha256: sha256(tampered) });
    expect(await storedFiles(dirs.storeDir)).toEqual([]);
    expect(await sessions.status(uploadId)).toMatchObject({ received: 1500, completed: false });
  });

  it('returns the first result when completion is repeated after a lost answer', async () => {
    const pdf = pdfSample(1500);
    const uploadId = await uploadWhole(pdf);
    const first = await sessions.complete(uploadId);
    expect(await sessions.complete(uploadId)).toEqual(first);
    expect(await sessions.status(uploadId)).toMatchObject({ completed: true });
  });

  it('sweeps away uploads begun before a given time and keeps newer ones', async () => {
    const old = await begin(pdfSample(1500));
    const cutoff = new Date(Date.now() + 60_000);
    expect(await sessions.sweep(new Date(0))).toEqual({ ok: true, removed: 0 });
    expect(await sessions.sweep(cutoff)).toEqual({ ok: true, removed: 1 });
    expect(await sessions.status(old)).toEqual({ ok: false, reason: 'UPLOAD_NOT_FOUND' });
  });

  it('does not know an upload id it never issued, nor one shaped like a path', async () => {
    expect(await sessions.status('00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, reason: 'UPLOAD_NOT_FOUND' });
    expect(await sessions.append('../store/x', 0, Buffer.from('x'))).toEqual({ ok: false, reason: 'UPLOAD_NOT_FOUND' });
  });
});

describe('executable attachments (SPEC §5.6)', () => {
  it.each([
    ['a Windows PE program', peSample(), 'exe'],
    ['an ELF program', elfSample(), 'elf'],
    ['a Mach-O program', machoSample(), 'macho'],
    ['a shell script', shellScriptSample(), 'script'],
  ])('refuses %s by its bytes even when named "report.pdf", and stores nothing', async (_what, bytes, detected) => {
    const uploadId = await uploadWhole(bytes, 'report.pdf');
    expect(await sessions.complete(uploadId)).toEqual({ ok: false, reason: 'EXECUTABLE_ATTACHMENT', by: 'content', detected });
    expect(await storedFiles(dirs.storeDir)).toEqual([]);
  });

  it.each(['Setup.EXE', 'install.ps1', 'run.bat', 'macro.VBS', 'payload.js', 'tool.jar', 'deploy.sh', 'lib.dll', 'package.msi', 'trick.cmd. '])(
    'refuses %s by its name before any byte is sent',
    async (fileName) => {
      const text = Buffer.from('echo hello\n');
      expect(await sessions.begin({ declaredSize: text.length, declaredSha256: sha256(text), fileName })).toMatchObject({ ok: false, reason: 'EXECUTABLE_ATTACHMENT', by: 'name' });
    },
  );

  it('accepts a plain text file whose name only mentions an executable type', async () => {
    const text = Buffer.from('Minutes of the meeting.\n');
    const uploadId = await uploadWhole(text, 'notes.exe.txt');
    expect(await sessions.complete(uploadId)).toEqual({ ok: true, sha256: sha256(text), size: text.length, mediaType: 'application/octet-stream' });
  });
});

describe('listing uploads for the retention purge', () => {
  it('lists begun and completed uploads with the blob each completed one produced, and forgets aborted ones', async () => {
    const pdf = pdfSample(1500);
    const completed = await uploadWhole(pdf);
    expect(await sessions.complete(completed)).toMatchObject({ ok: true, sha256: sha256(pdf) });
    const begun = await begin(pdfSample(900));
    const aborted = await begin(pdfSample(800));
    await sessions.abort(aborted);
    const listed = await sessions.list();
    expect(listed.map((u) => u.uploadId).sort()).toEqual([completed, begun].sort());
    expect(listed.find((u) => u.uploadId === completed)?.blob).toEqual({ sha256: sha256(pdf), size: 1500, mediaType: 'application/pdf' });
    expect(listed.find((u) => u.uploadId === begun)?.blob).toBeNull();
    for (const u of listed) expect(Date.now() - u.changedAt.getTime()).toBeLessThan(60_000);
  });
});
