// Content-addressed blob store on disk (DESIGN §3): each blob lives at <dir>/ab/cd/<sha256>, written through a temp
// file and a rename, so a reader sees a whole blob or none and the same bytes are stored once.
import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHA256_HEX } from './blobReasons';
import type { BlobRefusal } from './blobReasons';

/** Downloads go in chunks; one read never holds more than this in memory. */
export const MAX_READ_BYTES = 4 * 1024 * 1024;

type IdRefusal = BlobRefusal<'BLOB_ID_INVALID'>;
type MissingRefusal = BlobRefusal<'BLOB_NOT_FOUND'>;

export interface BlobStore {
  readonly dir: string;
  has(sha256: string): Promise<boolean>;
  stat(sha256: string): Promise<{ ok: true; size: number } | IdRefusal | MissingRefusal>;
  /** Up to `length` bytes from `offset`; fewer at the end of the blob, none at its very end. */
  readRange(sha256: string, offset: number, length: number): Promise<{ ok: true; bytes: Uint8Array; size: number } | IdRefusal | MissingRefusal | BlobRefusal<'RANGE_INVALID'>>;
  delete(sha256: string): Promise<{ ok: true; deleted: boolean } | IdRefusal>;
  putBytes(bytes: Uint8Array): Promise<{ ok: true; sha256: string; size: number }>;
  /** Moves in a file whose SHA-256 the caller has verified (a completed upload); the file is gone afterwards. */
  adoptFile(filePath: string, sha256: string): Promise<{ ok: true } | IdRefusal>;
  /**
   * Every blob with the time it was last written, or last stored again as identical content: the retention purge
   * (hub/requests/scheduler.ts) leaves a blob stored moments ago alone, since a reference to it may be on its way.
   */
  list(): Promise<Array<{ sha256: string; storedAt: Date }>>;
}

const invalidId: IdRefusal = { ok: false, reason: 'BLOB_ID_INVALID' };
const notFound: MissingRefusal = { ok: false, reason: 'BLOB_NOT_FOUND' };
const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export function createBlobStore(dir: string): BlobStore {
  // Only a well-formed hash becomes a path, so no id can point outside the store.
  const pathOf = (sha: string) => path.join(dir, sha.slice(0, 2), sha.slice(2, 4), sha);
  const tempPath = async () => {
    const tempDir = path.join(dir, '.tmp');
    await mkdir(tempDir, { recursive: true });
    return path.join(tempDir, randomUUID());
  };
  const sizeOf = async (sha: string) => {
    try {
      return (await stat(pathOf(sha))).size;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  /** The last step of every write: rename into place; identical content already there wins. */
  const install = async (temp: string, sha: string) => {
    const target = pathOf(sha);
    if ((await sizeOf(sha)) !== undefined) {
      await rm(temp, { force: true });
      // Stored again just now: a purge must not take it as old (see `list`).
      const at = new Date();
      await utimes(target, at, at).catch((error: unknown) => { if (!isNotFound(error)) throw error; });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
  };

  return {
    dir,
    has: async (sha) => SHA256_HEX.test(sha) && (await sizeOf(sha)) !== undefined,

    stat: async (sha) => {
      if (!SHA256_HEX.test(sha)) return invalidId;
      const size = await sizeOf(sha);
      return size === undefined ? notFound : { ok: true, size };
    },

    readRange: async (sha, offset, length) => {
      if (!SHA256_HEX.test(sha)) return invalidId;
      if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 1 || length > MAX_READ_BYTES) {
        return { ok: false, reason: 'RANGE_INVALID' };
      }
      let handle;
      try {
        handle = await open(pathOf(sha), 'r');
      } catch (error) {
        if (isNotFound(error)) return notFound;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        if (offset > size) return { ok: false, reason: 'RANGE_INVALID', size };
        const buffer = Buffer.alloc(Math.min(length, size - offset));
        const { bytesRead } = await handle.read({ buffer, position: offset });
        return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead), size };
      } finally {
        await handle.close();
      }
    },

    delete: async (sha) => {
      if (!SHA256_HEX.test(sha)) return invalidId;
      try {
        await unlink(pathOf(sha));
        return { ok: true, deleted: true };
      } catch (error) {
        if (isNotFound(error)) return { ok: true, deleted: false };
        throw error;
      }
    },

    putBytes: async (bytes) => {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const temp = await tempPath();
      await writeFile(temp, bytes, { flush: true });
      await install(temp, sha);
      return { ok: true, sha256: sha, size: bytes.byteLength };
    },

    adoptFile: async (filePath, sha) => {
      if (!SHA256_HEX.test(sha)) return invalidId;
      const temp = await tempPath();
      try {
        await rename(filePath, temp);
      } catch (error) {
        // The upload folder may sit on another file system: copy, then drop the original.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyFile(filePath, temp);
        await rm(filePath, { force: true });
      }
      await install(temp, sha);
      return { ok: true };
    },

    list: async () => {
      let entries;
      try {
        entries = await readdir(dir, { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
      const blobs: Array<{ sha256: string; storedAt: Date }> = [];
      for (const e of entries) {
        // Only a file at its own address counts (the temp folder and anything else are not blobs).
        if (!e.isFile() || !SHA256_HEX.test(e.name) || path.join(e.parentPath, e.name) !== pathOf(e.name)) continue;
        try {
          blobs.push({ sha256: e.name, storedAt: (await stat(pathOf(e.name))).mtime });
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
      return blobs;
    },
  };
}
