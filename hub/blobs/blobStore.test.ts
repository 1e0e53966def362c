import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlobStore } from './blobStore';
import type { BlobStore } from './blobStore';
import { pdfSample, sha256, storedFiles, tempDirs } from './blobSamples.testkit';

let dirs: Awaited<ReturnType<typeof tempDirs>>;
let store: BlobStore;
beforeEach(async () => {
  dirs = await tempDirs();
  store = createBlobStore(dirs.storeDir);
});
afterEach(() => dirs.remove());

describe('content-addressed blob store', () => {
  it('stores bytes under their SHA-256 in fan-out folders, once for identical content', async () => {
    const pdf = pdfSample(2000);
    const sha = sha256(pdf);
    expect(await store.putBytes(pdf)).toEqual({ ok: true, sha256: sha, size: 2000 });
    await store.putBytes(pdf);
    expect(await storedFiles(dirs.storeDir)).toEqual([`${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`]);
    expect(await store.stat(sha)).toEqual({ ok: true, size: 2000 });
  });

  it('reproduces the bytes when read back in chunks', async () => {
    const pdf = pdfSample(5000);
    const { sha256: sha } = await store.putBytes(pdf);
    const parts: Uint8Array[] = [];
    for (let offset = 0; offset < pdf.length; offset += 1024) {
      const read = await store.readRange(sha, offset, 1024);
      if (!read.ok) throw new Error(read.reason);
      parts.push(read.bytes);
    }
    expect(parts.map((p) => p.length)).toEqual([1024, 1024, 1024, 1024, 904]);
    expect(Buffer.concat(parts).equals(pdf)).toBe(true);
    expect(await store.readRange(sha, pdf.length, 1024)).toMatchObject({ ok: true, bytes: new Uint8Array(0) });
  });

  it('refuses ranges outside the blob or beyond one read', async () => {
    const { sha256: sha } = await store.putBytes(Buffer.alloc(100, 7));
    expect(await store.readRange(sha, 101, 10)).toEqual({ ok: false, reason: 'RANGE_INVALID', size: 100 });
    expect(await store.readRange(sha, -1, 10)).toEqual({ ok: false, reason: 'RANGE_INVALID' });
    expect(await store.readRange(sha, 0, 64 * 1024 * 1024)).toEqual({ ok: false, reason: 'RANGE_INVALID' });
  });

  it('treats an id that is not a SHA-256 as invalid, so no id can name a path', async () => {
    expect(await store.readRange('../../etc/passwd', 0, 10)).toEqual({ ok: false, reason: 'BLOB_ID_INVALID' });
    expect(await store.stat('A'.repeat(64))).toEqual({ ok: false, reason: 'BLOB_ID_INVALID' });
    expect(await store.has('../x')).toBe(false);
  });

  it('reports a missing blob and deletes a present one', async () => {
    const { sha256: sha } = await store.putBytes(pdfSample(100));
    expect(await store.delete(sha)).toEqual({ ok: true, deleted: true });
    expect(await store.delete(sha)).toEqual({ ok: true, deleted: false });
    expect(await store.has(sha)).toBe(false);
    expect(await store.readRange(sha, 0, 10)).toEqual({ ok: false, reason: 'BLOB_NOT_FOUND' });
  });

  it('lists the blobs at their own address only, with the time they were last stored', async () => {
    const { sha256: sha } = await store.putBytes(pdfSample(300));
    const other = sha256(pdfSample(400));
    // A stray file, a misplaced blob and an unfinished write are not blobs.
    await writeFile(path.join(dirs.storeDir, 'README'), 'x');
    await mkdir(path.join(dirs.storeDir, '00', '00'), { recursive: true });
    await writeFile(path.join(dirs.storeDir, '00', '00', other), 'x');
    await mkdir(path.join(dirs.storeDir, '.tmp'), { recursive: true });
    await writeFile(path.join(dirs.storeDir, '.tmp', sha), 'x');
    const listed = await store.list();
    expect(listed.map((b) => b.sha256)).toEqual([sha]);
    expect(listed[0]?.storedAt.getTime()).toBe((await stat(path.join(dirs.storeDir, sha.slice(0, 2), sha.slice(2, 4), sha))).mtime.getTime());
  });

  it('counts identical content stored again as stored now, so a purge does not take it for old', async () => {
    const pdf = pdfSample(500);
    const { sha256: sha } = await store.putBytes(pdf);
    const file = path.join(dirs.storeDir, sha.slice(0, 2), sha.slice(2, 4), sha);
    const longAgo = new Date(Date.now() - 200 * 24 * 60 * 60 * 1000);
    await utimes(file, longAgo, longAgo);
    expect((await store.list())[0]?.storedAt.getTime()).toBe(longAgo.getTime());
    await store.putBytes(pdf);
    expect((await store.list())[0]?.storedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
