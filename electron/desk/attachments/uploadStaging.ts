// The desk's staging area for attachments the user hands over (SPEC §5.6, §13): the renderer sends the file in
// base64 chunks of at most 1 MiB (the same over HTTP in web mode and over IPC in the app), the desk checks size and
// executable content with the hub's rule, and only then queues addAttachment. Each upload is two files in the
// replica's uploads folder, <id>.json (what the user declared, and how far the hub upload got) and <id>.part (bytes),
// so a staged file survives restarts until the hub holds it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { z } from 'zod';
import { executableByName, executableFinding } from '../../../shared/attachments/executableRule';
import { LanguageCode } from '../../../shared/reference/codes';
import { FreeText } from '../../../shared/reference/text';
import { ATTACHMENT_MAX_BYTES, TabId } from '../../../shared/request/requestCase';
import { deskOk, deskRefusal } from '../api/deskErrors';
import type { DeskOutcome } from '../api/deskErrors';

/** The largest chunk the renderer may hand over in one call (decoded bytes); the hub takes the same. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** What the user says about the file when the upload starts; `size` is the whole file's. */
export const StartUpload = z.object({
  caseId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(255)
    .refine((name) => ![...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), 'no control characters')
    // A file name, not a path: whoever saves it later (a save dialog, another desk) must not be led into other folders.
    .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'no path separators, not . or ..'),
  nameLanguage: LanguageCode,
  documentLanguage: LanguageCode,
  comment: FreeText.nullable().default(null),
  /** The tab the attachment belongs to: 'summary', 'subject', a category id, or 'messages'. */
  tabId: TabId.default('messages'),
  size: z.number().int().min(1),
});
export type StartUpload = z.input<typeof StartUpload>;

/**
 * `receiving`: bytes still arriving from the renderer; `queued`: addAttachment is in the outbox, bytes not yet on the
 * hub; `uploaded`: the hub holds the bytes (the command may still wait in the outbox); `failed`: the hub refused the
 * bytes for good (its reason kept; the command will be refused and shown in the attention list).
 */
export const UploadState = z.enum(['receiving', 'queued', 'uploaded', 'failed']);
export type UploadState = z.infer<typeof UploadState>;

export const StagedUpload = z.object({
  /** Also the attachment's id in the addAttachment command. */
  id: z.uuid(),
  caseId: z.string(),
  name: z.string(),
  nameLanguage: LanguageCode,
  documentLanguage: LanguageCode,
  comment: FreeText.nullable(),
  tabId: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  state: UploadState,
  sha256: z.string().nullable().default(null),
  mediaType: z.string().nullable().default(null),
  /** The outbox seq of the queued addAttachment. */
  seq: z.number().int().nullable().default(null),
  /** The hub's upload id once begun: a retry resumes it rather than starting over. */
  hubUploadId: z.string().nullable().default(null),
  /** Bytes the hub acknowledged so far (progress to show; a resume asks the hub). */
  hubReceived: z.number().int().default(0),
  failure: z.string().nullable().default(null),
});
export type StagedUpload = z.infer<typeof StagedUpload>;

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface UploadStaging {
  readonly dir: string;
  /** A new upload, refused at once when too large or named like a program. */
  start(id: string, input: z.output<typeof StartUpload>, now: Date): Promise<DeskOutcome<StagedUpload>>;
  /** Appends a chunk at `offset` (= the bytes received so far; a repeat of the last chunk is accepted). */
  append(id: string, offset: number, bytes: Buffer): Promise<DeskOutcome<{ received: number }>>;
  /** All bytes here: the SHA-256 and the media type, or EXECUTABLE_ATTACHMENT (and the staged file is gone). */
  seal(id: string): Promise<DeskOutcome<{ upload: StagedUpload; sha256: string; mediaType: string }>>;
  get(id: string): Promise<StagedUpload | undefined>;
  update(upload: StagedUpload): Promise<void>;
  list(): Promise<StagedUpload[]>;
  bytesPath(id: string): string;
  received(id: string): Promise<number>;
  /** Drops an upload and its bytes. */
  remove(id: string): Promise<void>;
  /** Drops only the bytes (the hub holds them, or refused them). */
  dropBytes(id: string): Promise<void>;
}

export function uploadStaging(dir: string): UploadStaging {
  const metaPath = (id: string) => join(dir, `${id}.json`);
  const bytesPath = (id: string) => join(dir, `${id}.part`);

  const get = async (id: string): Promise<StagedUpload | undefined> => {
    if (!UUID.test(id)) return undefined;
    try {
      const parsed = StagedUpload.safeParse(JSON.parse(await readFile(metaPath(id), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const update = async (upload: StagedUpload) => {
    // Write then rename: a crash leaves the old record or the new one, never half of one.
    const temp = `${metaPath(upload.id)}.tmp`;
    await writeFile(temp, JSON.stringify(upload));
    await rename(temp, metaPath(upload.id));
  };
  const received = async (id: string) => {
    try {
      return (await stat(bytesPath(id))).size;
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
  };
  const remove = async (id: string) => {
    await rm(bytesPath(id), { force: true });
    await rm(metaPath(id), { force: true });
  };

  return {
    dir,
    get,
    update,
    bytesPath,
    received,
    remove,
    dropBytes: (id) => rm(bytesPath(id), { force: true }),

    async start(id, input, now) {
      if (input.size > ATTACHMENT_MAX_BYTES) return deskRefusal('ATTACHMENT_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES, size: input.size });
      const byName = executableByName(input.name);
      if (byName) return deskRefusal('EXECUTABLE_ATTACHMENT', { ...byName });
      await mkdir(dir, { recursive: true });
      const upload = StagedUpload.parse({ id, ...input, createdAt: now.toISOString(), state: 'receiving' });
      await writeFile(bytesPath(id), new Uint8Array(0));
      await update(upload);
      return deskOk(upload);
    },

    async append(id, offset, bytes) {
      const upload = await get(id);
      if (!upload) return deskRefusal('UPLOAD_NOT_FOUND');
      if (upload.state !== 'receiving') return deskRefusal('UPLOAD_FINISHED');
      if (bytes.byteLength === 0) return deskRefusal('CHUNK_EMPTY');
      if (bytes.byteLength > UPLOAD_CHUNK_BYTES) return deskRefusal('CHUNK_TOO_LARGE', { chunkMax: UPLOAD_CHUNK_BYTES });
      if (offset + bytes.byteLength > upload.size) return deskRefusal('UPLOAD_EXCEEDS_DECLARED_SIZE', { declaredSize: upload.size });
      const handle = await open(bytesPath(id), 'r+');
      try {
        const have = (await handle.stat()).size;
        // A repeat of the last chunk (its answer was lost) is fine if it carries the same bytes.
        if (offset < have && offset + bytes.byteLength === have) {
          const existing = Buffer.alloc(bytes.byteLength);
          await handle.read({ buffer: existing, position: offset });
          if (existing.equals(bytes)) return deskOk({ received: have });
        }
        if (offset !== have) return deskRefusal('UPLOAD_OFFSET_MISMATCH', { expectedOffset: have });
        await handle.write(bytes, 0, bytes.byteLength, have);
        return deskOk({ received: have + bytes.byteLength });
      } finally {
        await handle.close();
      }
    },

    async seal(id) {
      const upload = await get(id);
      if (!upload) return deskRefusal('UPLOAD_NOT_FOUND');
      if (upload.state !== 'receiving') return deskRefusal('UPLOAD_FINISHED');
      const have = await received(id);
      if (have !== upload.size) return deskRefusal('UPLOAD_INCOMPLETE', { received: have, declaredSize: upload.size });
      const file = bytesPath(id);
      const type = await fileTypeFromFile(file);
      const handle = await open(file, 'r');
      const head = Buffer.alloc(2);
      try {
        await handle.read({ buffer: head, position: 0 });
      } finally {
        await handle.close();
      }
      const finding = executableFinding(upload.name, type?.ext, head);
      if (finding) {
        // Refused for good: nothing of it stays on this workstation, nothing is queued.
        await remove(id);
        return deskRefusal('EXECUTABLE_ATTACHMENT', { ...finding });
      }
      const hash = createHash('sha256');
      await pipeline(createReadStream(file), hash);
      return deskOk({ upload, sha256: hash.digest('hex'), mediaType: type?.mime ?? 'application/octet-stream' });
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
      const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
      const uploads = await Promise.all(ids.map(get));
      return uploads.filter((u): u is StagedUpload => u !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
}
