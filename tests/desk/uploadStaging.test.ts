// The desk's staging area for files the user attaches: pieces must arrive in order (a repeated last piece is fine),
// never beyond the declared size, and a file is sealed only when whole; the executable rule it shares with the hub
// refuses programs by their bytes (whatever their name) and scripts by their name, and a refused file leaves nothing.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES, uploadStaging } from '../../electron/desk/attachments/uploadStaging';
import type { UploadStaging } from '../../electron/desk/attachments/uploadStaging';
import { executableFinding } from '../../shared/attachments/executableRule';

const NOW = new Date('2030-01-02T03:04:05.000Z');
const ID = '0b4c3d2e-1f00-4a5b-8c6d-7e8f9a0b1c2d';

function declared(name: string, size: number) {
  return { caseId: 'case-1', name, nameLanguage: 'en' as const, documentLanguage: 'en' as const, comment: null, tabId: 'messages', size };
}

describe('upload staging', () => {
  let dir: string;
  let staging: UploadStaging;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'imi-staging-'));
    staging = uploadStaging(path.join(dir, 'uploads'));
  });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('takes pieces in order, accepts a repeat of the last one, and seals the whole file with its hash and media type', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 7)]);
    expect(await staging.start(ID, declared('scan.pdf', bytes.byteLength), NOW)).toMatchObject({ ok: true, value: { state: 'receiving', createdAt: NOW.toISOString() } });
    expect(await staging.append(ID, 0, bytes.subarray(0, 1000))).toEqual({ ok: true, value: { received: 1000 } });
    expect(await staging.append(ID, 0, bytes.subarray(0, 1000))).toEqual({ ok: true, value: { received: 1000 } });
    expect(await staging.append(ID, 0, Buffer.alloc(1000, 1))).toMatchObject({ ok: false, reason: 'UPLOAD_OFFSET_MISMATCH', details: { expectedOffset: 1000 } });
    expect(await staging.append(ID, 2000, bytes.subarray(2000))).toMatchObject({ ok: false, reason: 'UPLOAD_OFFSET_MISMATCH', details: { expectedOffset: 1000 } });
    expect(await staging.seal(ID)).toMatchObject({ ok: false, reason: 'UPLOAD_INCOMPLETE', details: { received: 1000, declaredSize: bytes.byteLength } });
    expect(await staging.append(ID, 1000, Buffer.alloc(bytes.byteLength, 1))).toMatchObject({ ok: false, reason: 'UPLOAD_EXCEEDS_DECLARED_SIZE' });
    expect(await staging.append(ID, 1000, bytes.subarray(1000))).toEqual({ ok: true, value: { received: bytes.byteLength } });
    expect(await staging.seal(ID)).toMatchObject({ ok: true, value: { sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: 'application/pdf' } });
  });

  it('refuses empty and oversized pieces, unknown uploads, files over 20 MB and names that run', async () => {
    await staging.start(ID, declared('a.txt', 10), NOW);
    expect(await staging.append(ID, 0, Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'CHUNK_EMPTY' });
    expect(UPLOAD_CHUNK_BYTES).toBe(1024 * 1024);
    expect(await staging.append('1b4c3d2e-1f00-4a5b-8c6d-7e8f9a0b1c2d', 0, Buffer.alloc(1))).toMatchObject({ ok: false, reason: 'UPLOAD_NOT_FOUND' });
    expect(await staging.append('../escape', 0, Buffer.alloc(1))).toMatchObject({ ok: false, reason: 'UPLOAD_NOT_FOUND' });
    const other = '2b4c3d2e-1f00-4a5b-8c6d-7e8f9a0b1c2d';
    expect(await staging.start(other, declared('big.pdf', 20 * 1024 * 1024 + 1), NOW)).toMatchObject({ ok: false, reason: 'ATTACHMENT_TOO_LARGE' });
    expect(await staging.start(other, declared('setup.EXE. ', 10), NOW)).toMatchObject({ ok: false, reason: 'EXECUTABLE_ATTACHMENT', details: { by: 'name', extension: 'exe' } });
    expect(await staging.start(other, declared('tool.ps1', 10), NOW)).toMatchObject({ ok: false, reason: 'EXECUTABLE_ATTACHMENT', details: { by: 'name', extension: 'ps1' } });
    expect((await staging.list()).map((u) => u.id)).toEqual([ID]);
  });

  it.each([
    ['a Windows program named as a PDF', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0)]), 'exe'],
    ['a Linux program', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(500, 0)]), 'elf'],
    ['a script with a #! line', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'script'],
  ])('refuses %s by its content when sealing, and keeps nothing of it', async (_what, bytes, detected) => {
    await staging.start(ID, declared('report.pdf', bytes.byteLength), NOW);
    await staging.append(ID, 0, bytes);
    expect(await staging.seal(ID)).toMatchObject({ ok: false, reason: 'EXECUTABLE_ATTACHMENT', details: { by: 'content', detected } });
    expect(await readdir(staging.dir)).toEqual([]);
  });
});

describe('the shared executable rule', () => {
  it('lets documents through and names the content finding before the name finding', () => {
    expect(executableFinding('notes.txt', undefined, Buffer.from('hello'))).toBeUndefined();
    expect(executableFinding('scan.pdf', 'pdf', Buffer.from('%P'))).toBeUndefined();
    expect(executableFinding('run.js', undefined, Buffer.from('co'))).toEqual({ by: 'name', extension: 'js' });
    expect(executableFinding('run.js', 'exe', Buffer.from('MZ'))).toEqual({ by: 'content', detected: 'exe' });
    expect(executableFinding('app.zip', 'jar', Buffer.from('PK'))).toEqual({ by: 'content', detected: 'jar' });
  });
});
