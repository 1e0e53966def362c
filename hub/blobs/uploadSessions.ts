// Resumable chunked uploads of attachments (SPEC §5.6, DESIGN §3). The state of each upload is files on disk
// (<id>.json declared facts, <id>.part bytes so far, <id>.done.json the result), so a restarted hub resumes where it
// stopped; a completed upload is verified, inspected for executables and moved into the blob store.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES } from '../../shared/request/requestCase';
import type { BlobRefusal } from './blobReasons';
import type { BlobStore } from './blobStore';
import { executableByName, inspectAttachment } from './executables';
import type { ExecutableFinding } from './executables';

export const DEFAULT_CHUNK_MAX = 1024 * 1024;

export interface UploadSessionsOptions {
  maxBytes?: number;
  chunkMax?: number;
  /** The hub's clock (hub/clock.ts), so sweeping follows the time tests set. */
  now?: () => Date;
}

export const BeginUpload = z.object({
  declaredSize: z.number().int().min(1),
  declaredSha256: z.string().regex(/^[0-9a-fA-F]{64}$/).transform((s) => s.toLowerCase()),
  // No control characters: the name ends up in lists, mails and file systems.
  fileName: z.string().min(1).max(255).refine((name) => ![...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)),
});
export type BeginUpload = z.input<typeof BeginUpload>;

const UploadMeta = z.object({ declaredSize: z.number(), declaredSha256: z.string(), fileName: z.string(), createdAt: z.string() });
type UploadMeta = z.infer<typeof UploadMeta>;
const StoredBlob = z.object({ sha256: z.string(), size: z.number(), mediaType: z.string() });
export type StoredBlob = z.infer<typeof StoredBlob>;

type NotFound = BlobRefusal<'UPLOAD_NOT_FOUND'>;
type Executable = BlobRefusal<'EXECUTABLE_ATTACHMENT', ExecutableFinding>;

export interface UploadSessions {
  begin(input: BeginUpload): Promise<
    { ok: true; uploadId: string } | BlobRefusal<'UPLOAD_INVALID', { issues: string[] }> | BlobRefusal<'ATTACHMENT_TOO_LARGE', { maxBytes: number }> | Executable
  >;
  append(uploadId: string, offset: number, bytes: Uint8Array): Promise<
    | { ok: true; received: number }
    | NotFound
    | BlobRefusal<'CHUNK_EMPTY'>
    | BlobRefusal<'CHUNK_TOO_LARGE', { chunkMax: number }>
    | BlobRefusal<'UPLOAD_EXCEEDS_DECLARED_SIZE', { declaredSize: number }>
    | BlobRefusal<'UPLOAD_OFFSET_MISMATCH' | 'UPLOAD_CHUNK_CONFLICT', { expectedOffset: number }>
  >;
  /** Where to resume: the bytes received so far, counted from disk. */
  status(uploadId: string): Promise<{ ok: true; received: number; declaredSize: number; completed: boolean } | NotFound>;
  complete(uploadId: string): Promise<
    | ({ ok: true } & StoredBlob)
    | NotFound
    | BlobRefusal<'UPLOAD_INCOMPLETE', { received: number; declaredSize: number }>
    | BlobRefusal<'UPLOAD_CHECKSUM_MISMATCH', { declaredSha256: string; actualSha256: string }>
    | Executable
  >;
  /** Drops an upload that will not be completed (also one refused at completion). */
  abort(uploadId: string): Promise<{ ok: true }>;
  /** Drops uploads begun, and completion records written, before `before`: for the hub's scheduler. */
  sweep(before: Date): Promise<{ ok: true; removed: number }>;
  /**
   * Every upload on disk: when its files last changed (the file system's time) and the blob it produced once
   * completed. The retention purge keeps a blob that a live upload produced and drops uploads nobody owns any more.
   */
  list(): Promise<Array<{ uploadId: string; changedAt: Date; blob: StoredBlob | null }>>;
}

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const notFound: NotFound = { ok: false, reason: 'UPLOAD_NOT_FOUND' };
const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export function createUploadSessions(store: BlobStore, dir: string, options: UploadSessionsOptions = {}): UploadSessions {
  const maxBytes = options.maxBytes ?? ATTACHMENT_MAX_BYTES;
  const chunkMax = options.chunkMax ?? DEFAULT_CHUNK_MAX;
  const now = options.now ?? (() => new Date());
  const file = (id: string, suffix: '.json' | '.part' | '.done.json') => path.join(dir, `${id}${suffix}`);

  // Chunks of one upload are applied one after the other, so two retries cannot interleave their writes.
  const queues = new Map<string, Promise<unknown>>();
  const serially = <T>(id: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(id) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(() => { if (queues.get(id) === settled) queues.delete(id); });
    return run;
  };

  const readJson = async <T>(filePath: string, schema: z.ZodType<T>): Promise<T | undefined> => {
    try {
      return schema.parse(JSON.parse(await readFile(filePath, 'utf8')));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const writeJsonAtomically = async (filePath: string, value: unknown) => {
    const temp = `${filePath}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(value), { flush: true });
    await rename(temp, filePath);
  };
  const meta = (id: string) => (UPLOAD_ID.test(id) ? readJson(file(id, '.json'), UploadMeta) : Promise.resolve(undefined));
  const done = (id: string) => (UPLOAD_ID.test(id) ? readJson(file(id, '.done.json'), StoredBlob) : Promise.resolve(undefined));
  const received = async (id: string) => (await stat(file(id, '.part'))).size;

  return {
    begin: async (input) => {
      const parsed = BeginUpload.safeParse(input);
      if (!parsed.success) return { ok: false, reason: 'UPLOAD_INVALID', issues: parsed.error.issues.map((i) => i.path.join('.')) };
      const { declaredSize, declaredSha256, fileName } = parsed.data;
      if (declaredSize > maxBytes) return { ok: false, reason: 'ATTACHMENT_TOO_LARGE', maxBytes };
      const byName = executableByName(fileName);
      if (byName) return { ok: false, reason: 'EXECUTABLE_ATTACHMENT', ...byName };
      const uploadId = randomUUID();
      await mkdir(dir, { recursive: true });
      // The bytes file first: once the declaration exists, the upload is complete in structure.
      await writeFile(file(uploadId, '.part'), new Uint8Array(0));
      const record: UploadMeta = { declaredSize, declaredSha256, fileName, createdAt: now().toISOString() };
      await writeJsonAtomically(file(uploadId, '.json'), record);
      return { ok: true, uploadId };
    },

    append: (uploadId, offset, bytes) =>
      serially(uploadId, async () => {
        const declared = await meta(uploadId);
        if (!declared) return notFound;
        if (bytes.byteLength === 0) return { ok: false, reason: 'CHUNK_EMPTY' };
        if (bytes.byteLength > chunkMax) return { ok: false, reason: 'CHUNK_TOO_LARGE', chunkMax };
        if (!Number.isSafeInteger(offset) || offset < 0) return { ok: false, reason: 'UPLOAD_OFFSET_MISMATCH', expectedOffset: await received(uploadId) };
        if (offset + bytes.byteLength > declared.declaredSize) return { ok: false, reason: 'UPLOAD_EXCEEDS_DECLARED_SIZE', declaredSize: declared.declaredSize };
        const handle = await open(file(uploadId, '.part'), 'r+');
        try {
          const have = (await handle.stat()).size;
          // A gap: the client lost track (or a chunk went missing); it resumes from what we have.
          if (offset > have) return { ok: false, reason: 'UPLOAD_OFFSET_MISMATCH', expectedOffset: have };
          // A retry of bytes we already hold (in whole or in part, e.g. after a dropped acknowledgement) is fine if
          // they are the same bytes; only the part beyond what we hold is written.
          const overlap = Math.min(have - offset, bytes.byteLength);
          if (overlap > 0) {
            const existing = Buffer.alloc(overlap);
            await handle.read({ buffer: existing, position: offset });
            if (!existing.equals(bytes.subarray(0, overlap))) return { ok: false, reason: 'UPLOAD_CHUNK_CONFLICT', expectedOffset: have };
          }
          if (overlap < bytes.byteLength) {
            await handle.write(bytes, overlap, bytes.byteLength - overlap, have);
            await handle.datasync();
          }
          return { ok: true, received: Math.max(have, offset + bytes.byteLength) };
        } finally {
          await handle.close();
        }
      }),

    status: async (uploadId) => {
      const result = await done(uploadId);
      if (result) return { ok: true, received: result.size, declaredSize: result.size, completed: true };
      const declared = await meta(uploadId);
      if (!declared) return notFound;
      return { ok: true, received: await received(uploadId), declaredSize: declared.declaredSize, completed: false };
    },

    complete: (uploadId) =>
      serially(uploadId, async () => {
        // Completing twice (a retry after a lost answer) returns the first result.
        const previous = await done(uploadId);
        if (previous) return { ok: true, ...previous };
        const declared = await meta(uploadId);
        if (!declared) return notFound;
        const partPath = file(uploadId, '.part');
        const have = await received(uploadId);
        if (have !== declared.declaredSize) return { ok: false, reason: 'UPLOAD_INCOMPLETE', received: have, declaredSize: declared.declaredSize };
        const actualSha256 = await sha256Of(partPath);
        if (actualSha256 !== declared.declaredSha256) {
          return { ok: false, reason: 'UPLOAD_CHECKSUM_MISMATCH', declaredSha256: declared.declaredSha256, actualSha256 };
        }
        const inspected = await inspectAttachment(partPath, declared.fileName);
        if (inspected.finding) return { ok: false, reason: 'EXECUTABLE_ATTACHMENT', ...inspected.finding };

        const stored: StoredBlob = { sha256: actualSha256, size: have, mediaType: inspected.mediaType };
        await store.adoptFile(partPath, actualSha256);
        await writeJsonAtomically(file(uploadId, '.done.json'), stored);
        await rm(file(uploadId, '.json'), { force: true });
        return { ok: true, ...stored };
      }),

    abort: (uploadId) =>
      serially(uploadId, async () => {
        if (UPLOAD_ID.test(uploadId)) {
          for (const suffix of ['.json', '.part', '.done.json'] as const) await rm(file(uploadId, suffix), { force: true });
        }
        return { ok: true } as const;
      }),

    sweep: async (before) => {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if (isNotFound(error)) return { ok: true, removed: 0 };
        throw error;
      }
      const ids = new Set(names.map((name) => name.slice(0, 36)).filter((id) => UPLOAD_ID.test(id)));
      let removed = 0;
      for (const id of ids) {
        const [declared, result] = await Promise.all([meta(id), done(id)]);
        const since = declared ? new Date(declared.createdAt) : result ? (await stat(file(id, '.done.json'))).mtime : undefined;
        if (since && since < before) {
          await serially(id, async () => {
            for (const suffix of ['.json', '.part', '.done.json'] as const) await rm(file(id, suffix), { force: true });
          });
          removed += 1;
        }
      }
      return { ok: true, removed };
    },

    list: async () => {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
      const ids = new Set(names.map((name) => name.slice(0, 36)).filter((id) => UPLOAD_ID.test(id)));
      const uploads: Array<{ uploadId: string; changedAt: Date; blob: StoredBlob | null }> = [];
      for (const uploadId of ids) {
        let changedAt = 0;
        for (const suffix of ['.json', '.part', '.done.json'] as const) {
          try {
            changedAt = Math.max(changedAt, (await stat(file(uploadId, suffix))).mtimeMs);
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
        }
        // Removed meanwhile (completed, aborted or swept by another call): nothing to report.
        if (changedAt === 0) continue;
        uploads.push({ uploadId, changedAt: new Date(changedAt), blob: (await done(uploadId).catch(() => undefined)) ?? null });
      }
      return uploads;
    },
  };
}

async function sha256Of(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(filePath), hash);
  return hash.digest('hex');
}
