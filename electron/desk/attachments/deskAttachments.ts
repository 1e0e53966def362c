// Attachments on the desk (SPEC §5.6, §13): handing a file over (staged, checked, addAttachment queued offline,
// bytes uploaded when online), listing a request's attachments with their cache state, and opening one — downloaded
// from the hub on demand in chunks (resumable), cached under <replica>.files/<case>/<sha256> for offline use, and
// removed from disk when the user no longer sees the request at FULL (the sync engine deletes the folder of a removed
// case; `pruneCache` catches any other drop of level, and attachments a case lost to the retention purge).
import { randomUUID, createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { outbox } from '../../../db/replica/schema';
import type { LanguageCode } from '../../../shared/reference/codes';
import type { FreeText } from '../../../shared/reference/text';
import type { RequestEnvironment } from '../../../shared/request/environment';
import { decide } from '../../../shared/request/requestLifecycle';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/request/requestCase';
import type { Attachment } from '../../../shared/request/requestCase';
import type { RequestView, VisibilityLevel } from '../../../shared/request/visibility';
import type { User } from '../../../shared/user/user';
import { deskOk, deskRefusal } from '../api/deskErrors';
import type { DeskOutcome } from '../api/deskErrors';
import { queueCommand } from '../commands/commandQueue';
import { caseOf } from '../commands/workingCopy';
import { classifyHubError, HubRefusalError } from '../hubLink/hubClient';
import type { HubTrpcClient } from '../hubLink/hubClient';
import type { Replica } from '../replica/openReplica';
import { safeSegment, segmentValue } from '../replica/replicaPaths';
import { readRequest } from '../replica/requestStore';
import type { HubSyncClient } from '../sync/syncEngine';
import { createHubUploader, pushAfterUploads } from './hubUploader';
import type { HubUploader, HubUploaderOptions } from './hubUploader';
import { StartUpload, UPLOAD_CHUNK_BYTES, uploadStaging } from './uploadStaging';
import type { StagedUpload, UploadState, UploadStaging } from './uploadStaging';

/** The largest piece `read` returns, and `fetch` asks of the hub, in one call. */
export const READ_CHUNK_BYTES = 1024 * 1024;

export interface AttachmentItem {
  id: string;
  name: string;
  nameLanguage: LanguageCode;
  documentLanguage: LanguageCode;
  comment: FreeText | null;
  tabId: string;
  size: number;
  mediaType: string;
  sha256: string;
  authorityId: string;
  userId: string;
  at: string;
  /** The content is on this workstation: `read` works offline. */
  cached: boolean;
  /** The user may open the content (FULL, or a file they handed over themselves and that is still here). */
  canOpen: boolean;
  /** Set while the file the user handed over is on its way to the hub. */
  upload: { state: UploadState; failure: string | null; sentBytes: number } | null;
}

export interface AttachmentList {
  level: VisibilityLevel;
  /** Attachments can be opened at all at this level (FULL only, SPEC §5.1). */
  canOpen: boolean;
  items: AttachmentItem[];
  /** Uploads begun on this desk whose bytes are still arriving from the renderer (not yet queued). */
  receiving: Array<{ uploadId: string; name: string; size: number; received: number }>;
}

export interface DeskAttachments {
  readonly staging: UploadStaging;
  startUpload(input: StartUpload): Promise<DeskOutcome<{ uploadId: string; chunkBytes: number }>>;
  appendUpload(input: { uploadId: string; offset: number; bytes: string }): Promise<DeskOutcome<{ received: number }>>;
  finishUpload(uploadId: string): Promise<DeskOutcome<{ attachmentId: string; seq: number; sha256: string; mediaType: string; size: number }>>;
  cancelUpload(uploadId: string): Promise<DeskOutcome<{ cancelled: boolean }>>;
  list(caseId: string): Promise<DeskOutcome<AttachmentList>>;
  fetch(caseId: string, attachmentId: string): Promise<DeskOutcome<{ size: number; mediaType: string; name: string; downloaded: boolean }>>;
  read(input: { caseId: string; attachmentId: string; offset: number; length: number }): Promise<DeskOutcome<{ bytes: string; size: number; eof: boolean }>>;
  /**
   * Deletes cached files of every case this user no longer sees at FULL, and of attachments a case no longer has
   * (returns those case ids), and forgets staged uploads whose command has left the outbox.
   */
  pruneCache(): Promise<string[]>;
  /** The sync engine's hub client with attachment bytes uploaded before their command is pushed. */
  wrapSync(sync: HubSyncClient): HubSyncClient;
  /** Uploads every queued file now (the sync engine does it on push anyway). */
  uploadQueued(): Promise<StagedUpload[]>;
}

export interface DeskAttachmentsOptions {
  replica: Pick<Replica, 'db' | 'filesDir' | 'uploadsDir' | 'user'>;
  user: User;
  env: RequestEnvironment;
  /** The hub with this user's session; null after an offline log-in. */
  hub: Pick<HubTrpcClient, 'attachments'> | null;
  now: () => Date;
  /** Wakes the sync engine after a command was queued. */
  poke?: () => void;
  uploader?: Pick<HubUploaderOptions, 'chunkBytes' | 'onChunk'>;
}

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
const SHA256 = /^[0-9a-f]{64}$/;

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** A hub failure as a desk refusal: the hub's own reason, or "could not ask". */
function hubRefusal(error: unknown): DeskOutcome<never> {
  const classified = classifyHubError(error);
  if (classified instanceof HubRefusalError) return deskRefusal(classified.reason, classified.details);
  return deskRefusal('HUB_UNREACHABLE');
}

export function createDeskAttachments(options: DeskAttachmentsOptions): DeskAttachments {
  const { replica, user, env, hub } = options;
  const staging = uploadStaging(replica.uploadsDir);
  const caseDir = (caseId: string) => join(replica.filesDir, safeSegment(caseId));
  const cachePath = (caseId: string, sha256: string) => join(caseDir(caseId), sha256);
  const viewOf = (caseId: string): RequestView | null => readRequest(replica.db, caseId)?.data ?? null;
  const attachmentsOf = (view: RequestView | null): Attachment[] => (view && 'attachments' in view.case ? (view.case as { attachments: Attachment[] }).attachments : []);

  /** Moves the bytes of an uploaded file into the cache when the user may open the case's attachments. */
  async function keepUploaded(upload: StagedUpload): Promise<void> {
    if (viewOf(upload.caseId)?.level !== 'FULL' || !upload.sha256) return;
    const target = cachePath(upload.caseId, upload.sha256);
    if ((await sizeOf(target)) === upload.size) return;
    await mkdir(caseDir(upload.caseId), { recursive: true });
    await rename(staging.bytesPath(upload.id), target).catch((error: unknown) => { if (!isNotFound(error)) throw error; });
  }

  const uploader: HubUploader | null = hub ? createHubUploader({ staging, hub, uploaded: keepUploaded, ...options.uploader }) : null;

  /** The file to read an attachment from: the cache, or the bytes the user handed over that are still staged. */
  async function localFile(caseId: string, a: Attachment): Promise<string | undefined> {
    const cached = cachePath(caseId, a.sha256);
    if ((await sizeOf(cached)) === a.size) return cached;
    const staged = await staging.get(a.id);
    if (staged && staged.caseId === caseId && staged.sha256 === a.sha256 && (await sizeOf(staging.bytesPath(a.id))) === a.size) return staging.bytesPath(a.id);
    return undefined;
  }

  /** The attachment if this user may open it now; a case below FULL loses its cached files on the way. */
  async function openable(caseId: string, attachmentId: string): Promise<DeskOutcome<{ view: RequestView; attachment: Attachment; own: boolean }>> {
    const view = viewOf(caseId);
    if (!view) return deskRefusal('CASE_NOT_FOUND');
    const attachment = attachmentsOf(view).find((a) => a.id === attachmentId);
    if (!attachment) return deskRefusal('ATTACHMENT_NOT_FOUND');
    const staged = await staging.get(attachmentId);
    const own = staged !== undefined && staged.caseId === caseId && staged.state !== 'failed' && (await sizeOf(staging.bytesPath(attachmentId))) === attachment.size;
    if (view.level !== 'FULL' && !own) {
      await rm(caseDir(caseId), { recursive: true, force: true });
      return deskRefusal('ATTACHMENT_CLOSED', { level: view.level });
    }
    return deskOk({ view, attachment, own });
  }

  // One download per file at a time: a second fetch waits for the first.
  const downloads = new Map<string, Promise<DeskOutcome<boolean>>>();

  async function download(caseId: string, a: Attachment): Promise<DeskOutcome<boolean>> {
    if (!hub) return deskRefusal('OFFLINE');
    if (!SHA256.test(a.sha256)) return deskRefusal('ATTACHMENT_NOT_FOUND');
    await mkdir(caseDir(caseId), { recursive: true });
    const part = `${cachePath(caseId, a.sha256)}.part`;
    // A download cut earlier goes on from the bytes already here.
    let offset = (await sizeOf(part)) ?? 0;
    if (offset > a.size) { await rm(part, { force: true }); offset = 0; }
    const handle = await open(part, 'a');
    try {
      while (offset < a.size) {
        let chunk: { bytes: string; size: number };
        try {
          chunk = await hub.attachments.download.query({ caseId, sha256: a.sha256, offset, length: Math.min(READ_CHUNK_BYTES, a.size - offset) });
        } catch (error) {
          return hubRefusal(error);
        }
        const bytes = Buffer.from(chunk.bytes, 'base64');
        if (bytes.byteLength === 0) break;
        await handle.write(bytes, 0, bytes.byteLength, offset);
        offset += bytes.byteLength;
      }
    } finally {
      await handle.close();
    }
    if ((await sha256Of(part)) !== a.sha256) {
      await rm(part, { force: true });
      return deskRefusal('ATTACHMENT_CORRUPT');
    }
    // The level may have dropped while the bytes arrived: keep them only if the user still may open them.
    if (viewOf(caseId)?.level !== 'FULL') {
      await rm(caseDir(caseId), { recursive: true, force: true });
      return deskRefusal('ATTACHMENT_CLOSED');
    }
    await rename(part, cachePath(caseId, a.sha256));
    return deskOk(true);
  }

  return {
    staging,

    async startUpload(raw) {
      const parsed = StartUpload.safeParse(raw);
      if (!parsed.success) return deskRefusal('INVALID_INPUT', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
      const input: z.output<typeof StartUpload> = parsed.data;
      const view = viewOf(input.caseId);
      if (!view) return deskRefusal('CASE_NOT_FOUND');
      if (view.level === 'MONITORING') return deskRefusal('ROLE_REQUIRED');
      // Ask the lifecycle now whether this user may attach to this case, before any byte is sent.
      const id = randomUUID();
      const probe = decide(caseOf(view), {
        type: 'addAttachment', caseId: input.caseId,
        attachment: { id, name: input.name, nameLanguage: input.nameLanguage, documentLanguage: input.documentLanguage, comment: input.comment, tabId: input.tabId, size: Math.min(input.size, ATTACHMENT_MAX_BYTES), sha256: '0'.repeat(64), mediaType: 'application/octet-stream' },
      }, user, options.now().toISOString(), env);
      if (!probe.ok && probe.rejection.reason !== 'EXECUTABLE_ATTACHMENT') return deskRefusal(probe.rejection.reason, probe.rejection.details);
      const started = await staging.start(id, input, options.now());
      return started.ok ? deskOk({ uploadId: id, chunkBytes: UPLOAD_CHUNK_BYTES }) : started;
    },

    appendUpload: ({ uploadId, offset, bytes }) => staging.append(uploadId, offset, Buffer.from(bytes, 'base64')),

    async finishUpload(uploadId) {
      const sealed = await staging.seal(uploadId);
      if (!sealed.ok) return sealed;
      const { upload, sha256, mediaType } = sealed.value;
      const attachment = {
        id: upload.id, name: upload.name, nameLanguage: upload.nameLanguage, documentLanguage: upload.documentLanguage,
        comment: upload.comment, tabId: upload.tabId, size: upload.size, sha256, mediaType,
      };
      // The record says "queued" before the command exists, so a push can never find the command without it.
      await staging.update({ ...upload, state: 'queued', sha256, mediaType });
      const queued = queueCommand(replica, user, { type: 'addAttachment', caseId: upload.caseId, attachment }, options.now().toISOString(), env);
      if (!queued.ok) {
        await staging.remove(uploadId);
        return deskRefusal(queued.rejection.reason, queued.rejection.details);
      }
      await staging.update({ ...upload, state: 'queued', sha256, mediaType, seq: queued.seq });
      options.poke?.();
      return deskOk({ attachmentId: upload.id, seq: queued.seq, sha256, mediaType, size: upload.size });
    },

    async cancelUpload(uploadId) {
      const upload = await staging.get(uploadId);
      if (!upload) return deskRefusal('UPLOAD_NOT_FOUND');
      if (upload.state !== 'receiving') return deskRefusal('UPLOAD_FINISHED');
      await staging.remove(uploadId);
      return deskOk({ cancelled: true });
    },

    async list(caseId) {
      const view = viewOf(caseId);
      if (!view) return deskRefusal('CASE_NOT_FOUND');
      if (view.level !== 'FULL') await rm(caseDir(caseId), { recursive: true, force: true });
      const staged = (await staging.list()).filter((u) => u.caseId === caseId);
      const byId = new Map(staged.map((u) => [u.id, u]));
      const items = await Promise.all(attachmentsOf(view).map(async (a): Promise<AttachmentItem> => {
        const upload = byId.get(a.id);
        const file = await localFile(caseId, a);
        const own = upload !== undefined && file !== undefined && file === staging.bytesPath(a.id);
        return {
          id: a.id, name: a.name, nameLanguage: a.nameLanguage, documentLanguage: a.documentLanguage, comment: a.comment, tabId: a.tabId,
          size: a.size, mediaType: a.mediaType, sha256: a.sha256, authorityId: a.authorityId, userId: a.userId, at: a.at,
          cached: file !== undefined && (view.level === 'FULL' || own),
          canOpen: view.level === 'FULL' || own,
          upload: upload && upload.state !== 'receiving' ? { state: upload.state, failure: upload.failure, sentBytes: upload.state === 'uploaded' ? upload.size : upload.hubReceived } : null,
        };
      }));
      const receiving = await Promise.all(staged.filter((u) => u.state === 'receiving').map(async (u) => ({ uploadId: u.id, name: u.name, size: u.size, received: await staging.received(u.id) })));
      return deskOk({ level: view.level, canOpen: view.level === 'FULL', items, receiving });
    },

    async fetch(caseId, attachmentId) {
      const allowed = await openable(caseId, attachmentId);
      if (!allowed.ok) return allowed;
      const { attachment: a } = allowed.value;
      const facts = { size: a.size, mediaType: a.mediaType, name: a.name };
      if (await localFile(caseId, a)) return deskOk({ ...facts, downloaded: false });
      const key = `${caseId}/${a.sha256}`;
      let running = downloads.get(key);
      if (!running) {
        running = download(caseId, a).finally(() => downloads.delete(key));
        downloads.set(key, running);
      }
      const done = await running;
      return done.ok ? deskOk({ ...facts, downloaded: true }) : done;
    },

    async read({ caseId, attachmentId, offset, length }) {
      const allowed = await openable(caseId, attachmentId);
      if (!allowed.ok) return allowed;
      const { attachment: a } = allowed.value;
      const file = await localFile(caseId, a);
      if (!file) return deskRefusal('ATTACHMENT_NOT_CACHED');
      if (offset > a.size) return deskRefusal('RANGE_INVALID', { size: a.size });
      const handle = await open(file, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(length, READ_CHUNK_BYTES, a.size - offset));
        const { bytesRead } = await handle.read({ buffer, position: offset });
        return deskOk({ bytes: buffer.subarray(0, bytesRead).toString('base64'), size: a.size, eof: offset + bytesRead >= a.size });
      } finally {
        await handle.close();
      }
    },

    async pruneCache() {
      // A staged file whose command has left the outbox (applied, or refused and kept in the attention list) is done.
      const staged = await staging.list();
      const inOutbox = new Set(staged.length === 0 ? [] : replica.db.select({ seq: outbox.seq }).from(outbox).all().map((r) => r.seq));
      for (const u of staged) {
        const done = u.state === 'uploaded' || u.state === 'failed' ? u.seq === null || !inOutbox.has(u.seq) : u.state === 'queued' && u.seq !== null && !inOutbox.has(u.seq);
        if (done) await staging.remove(u.id);
      }
      let names: string[];
      try {
        names = await readdir(replica.filesDir);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
      const pruned: string[] = [];
      for (const name of names) {
        const caseId = segmentValue(name);
        const view = caseId === undefined ? null : viewOf(caseId);
        if (caseId !== undefined && view?.level === 'FULL') {
          // Still seen at FULL, but attachments may have gone (the retention purge of SPEC §12): their files go too.
          const kept = new Set(attachmentsOf(view).flatMap((a) => [a.sha256, `${a.sha256}.part`]));
          const files = await readdir(join(replica.filesDir, name)).catch((error: unknown) => { if (isNotFound(error)) return []; throw error; });
          const stale = files.filter((file) => !kept.has(file));
          for (const file of stale) await rm(join(replica.filesDir, name, file), { recursive: true, force: true });
          if (stale.length > 0) pruned.push(caseId);
          continue;
        }
        await rm(join(replica.filesDir, name), { recursive: true, force: true });
        pruned.push(caseId ?? name);
      }
      return pruned;
    },

    wrapSync(sync) {
      return uploader ? pushAfterUploads(sync, staging, uploader) : sync;
    },

    async uploadQueued() {
      if (!uploader) return [];
      const queued = (await staging.list()).filter((u) => u.state === 'queued');
      const results: StagedUpload[] = [];
      for (const u of queued) {
        const after = await uploader.upload(u.id);
        if (after) results.push(after);
      }
      return results;
    },
  };
}
