// Sends staged attachment bytes to the hub in resumable chunks (SPEC §13 "uploads resume"), and makes the sync
// engine's push wait for them: an addAttachment command reaches the hub only after its bytes (the hub refuses it
// otherwise). A cut mid-upload throws (the sync round fails and backs off); the next round asks the hub how far
// the upload got and goes on from there. A refusal of the bytes is permanent: the command then goes out and is
// refused, and the user sees why in the attention list.
import { open } from 'node:fs/promises';
import type { RequestCommand } from '../../../shared/request/commands';
import type { PushRequest, PushResponse } from '../../../shared/sync/protocol';
import { classifyHubError, HubRefusalError } from '../hubLink/hubClient';
import type { HubTrpcClient } from '../hubLink/hubClient';
import type { HubSyncClient } from '../sync/syncEngine';
import { UPLOAD_CHUNK_BYTES } from './uploadStaging';
import type { StagedUpload, UploadStaging } from './uploadStaging';

export interface HubUploaderOptions {
  staging: UploadStaging;
  hub: Pick<HubTrpcClient, 'attachments'>;
  /** Called once the hub holds the bytes: the desk keeps the file in its cache (or drops it). */
  uploaded?: (upload: StagedUpload) => Promise<void>;
  chunkBytes?: number;
  /** Observes each chunk the hub acknowledged (tests cut the network here). */
  onChunk?: (upload: StagedUpload, offset: number, received: number) => void | Promise<void>;
}

export interface HubUploader {
  /** Uploads one staged file to the end; resolves with its final state; throws on a transient failure. */
  upload(id: string): Promise<StagedUpload | undefined>;
}

async function hubCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw classifyHubError(error);
  }
}

export function createHubUploader(options: HubUploaderOptions): HubUploader {
  const { staging, hub } = options;
  const chunkBytes = Math.min(options.chunkBytes ?? UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES);
  // One upload of a file at a time, even if two sync rounds overlap with an explicit retry.
  const running = new Map<string, Promise<StagedUpload | undefined>>();

  async function begin(upload: StagedUpload): Promise<StagedUpload> {
    const { uploadId } = await hubCall(() => hub.attachments.beginUpload.mutate({
      caseId: upload.caseId, declaredSize: upload.size, declaredSha256: upload.sha256 ?? '', fileName: upload.name,
    }));
    const begun = { ...upload, hubUploadId: uploadId };
    await staging.update(begun);
    return begun;
  }

  /** Where the hub's upload stands; a hub that no longer knows it (swept, restarted empty) gets a new one. */
  async function resumePoint(upload: StagedUpload): Promise<{ upload: StagedUpload; received: number; completed: boolean }> {
    let current = upload.hubUploadId ? upload : await begin(upload);
    try {
      const status = await hubCall(() => hub.attachments.status.query({ uploadId: current.hubUploadId ?? '' }));
      return { upload: current, received: status.received, completed: status.completed };
    } catch (error) {
      if (!(error instanceof HubRefusalError) || error.reason !== 'UPLOAD_NOT_FOUND') throw error;
      current = await begin({ ...current, hubUploadId: null });
      return { upload: current, received: 0, completed: false };
    }
  }

  async function sendChunks(upload: StagedUpload, from: number): Promise<void> {
    const uploadId = upload.hubUploadId ?? '';
    const handle = await open(staging.bytesPath(upload.id), 'r');
    try {
      let offset = from;
      while (offset < upload.size) {
        const buffer = Buffer.alloc(Math.min(chunkBytes, upload.size - offset));
        const { bytesRead } = await handle.read({ buffer, position: offset });
        let received: number;
        try {
          ({ received } = await hubCall(() => hub.attachments.append.mutate({ uploadId, offset, bytes: buffer.subarray(0, bytesRead).toString('base64') })));
        } catch (error) {
          // The hub holds a different count than we thought (a lost answer): go on from what it has.
          const expected = error instanceof HubRefusalError ? error.details?.expectedOffset : undefined;
          if (typeof expected === 'number' && error instanceof HubRefusalError && error.reason === 'UPLOAD_OFFSET_MISMATCH') { offset = expected; continue; }
          throw error;
        }
        await options.onChunk?.(upload, offset, received);
        offset = received;
        // Progress the renderer can show; the hub's own count stays the truth a resume starts from.
        const latest = await staging.get(upload.id);
        if (latest) await staging.update({ ...latest, hubReceived: received });
      }
    } finally {
      await handle.close();
    }
  }

  async function uploadOnce(id: string): Promise<StagedUpload | undefined> {
    const staged = await staging.get(id);
    if (!staged || staged.state !== 'queued') return staged;
    try {
      const point = await resumePoint(staged);
      if (point.received > 0) await staging.update({ ...point.upload, hubReceived: point.received });
      if (!point.completed && (await staging.received(id)) !== staged.size) {
        // The staged bytes are gone (removed from the disk by hand): retrying cannot help, and must not block the queue.
        const lost: StagedUpload = { ...point.upload, state: 'failed', failure: 'STAGED_FILE_MISSING' };
        await staging.update(lost);
        return lost;
      }
      if (!point.completed) await sendChunks(point.upload, point.received);
      await hubCall(() => hub.attachments.complete.mutate({ uploadId: point.upload.hubUploadId ?? '' }));
      const done: StagedUpload = { ...point.upload, state: 'uploaded' };
      await staging.update(done);
      await options.uploaded?.(done);
      await staging.dropBytes(id);
      return done;
    } catch (error) {
      // A hub that cannot store attachments right now (5xx with a reason) may be fixed: retry, do not give up the file.
      if (!(error instanceof HubRefusalError) || (error.httpStatus ?? 0) >= 500) throw error;
      // The hub said no to these bytes (the case closed, the role was withdrawn, its own content check): final.
      const failed: StagedUpload = { ...((await staging.get(id)) ?? staged), state: 'failed', failure: error.reason };
      await staging.update(failed);
      await staging.dropBytes(id);
      return failed;
    }
  }

  return {
    upload(id) {
      const current = running.get(id);
      if (current) return current;
      const run = uploadOnce(id).finally(() => running.delete(id));
      running.set(id, run);
      return run;
    },
  };
}

const attachmentIdOf = (command: RequestCommand) => (command.type === 'addAttachment' ? command.attachment.id : undefined);

/**
 * The sync engine's hub with uploads first: commands before the first addAttachment whose bytes are still only here
 * go out as they are (a draft created offline must reach the hub before its attachment can be uploaded to it); then
 * that file is uploaded, and the rest follows in the engine's next push call.
 */
export function pushAfterUploads(sync: HubSyncClient, staging: UploadStaging, uploader: HubUploader): HubSyncClient {
  /**
   * The hub refuses an addAttachment whose bytes it refused with ATTACHMENT_NOT_UPLOADED; the attention list then also
   * shows why the bytes were refused (`details.uploadFailure`, e.g. CASE_CLOSED).
   */
  async function explained(req: PushRequest, response: PushResponse): Promise<PushResponse> {
    const outcomes = await Promise.all(response.outcomes.map(async (outcome) => {
      if (outcome.status !== 'rejected' || outcome.reason !== 'ATTACHMENT_NOT_UPLOADED') return outcome;
      const command = req.commands.find((c) => c.seq === outcome.seq)?.command as RequestCommand | undefined;
      const id = command ? attachmentIdOf(command) : undefined;
      const failure = id === undefined ? null : (await staging.get(id))?.failure ?? null;
      return failure ? { ...outcome, details: { ...outcome.details, uploadFailure: failure } } : outcome;
    }));
    return { ...response, outcomes };
  }

  return {
    pull: (req) => sync.pull(req),
    async push(req: PushRequest): Promise<PushResponse> {
      for (;;) {
        let waiting = -1;
        for (let i = 0; i < req.commands.length && waiting < 0; i += 1) {
          const id = attachmentIdOf(req.commands[i]?.command as RequestCommand);
          if (id !== undefined && (await staging.get(id))?.state === 'queued') waiting = i;
        }
        if (waiting < 0) return explained(req, await sync.push(req));
        if (waiting > 0) {
          const part = { ...req, commands: req.commands.slice(0, waiting) };
          return explained(part, await sync.push(part));
        }
        const id = attachmentIdOf(req.commands[0]?.command as RequestCommand) ?? '';
        const after = await uploader.upload(id);
        // Should the file still be queued (it cannot: upload throws on anything transient), do not spin.
        if (after?.state === 'queued') throw new Error(`attachment ${id} was not uploaded`);
      }
    },
  };
}
