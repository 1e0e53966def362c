// `attachments.*` (SPEC §5.6, §13): hand a file over in base64 chunks (start → append… → finish, which queues
// addAttachment, offline too), list a request's attachments with their cache and upload state, and open one: `fetch`
// downloads it from the hub once (FULL only), `read` returns its bytes in chunks from this workstation.
import { z } from 'zod';
import { StartUpload, UPLOAD_CHUNK_BYTES } from '../../attachments/uploadStaging';
import { READ_CHUNK_BYTES } from '../../attachments/deskAttachments';
import { router, signedInProcedure, unwrap } from '../trpc';

const CaseId = z.string().min(1).max(64);
const UploadId = z.uuid();
/** Padded base64 of at most 1 MiB: anything else would decode to other bytes than were meant. */
const Chunk = z.string().min(1).max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .refine((b64) => b64.length % 4 === 0, 'padded base64');

export const attachmentsRouter = router({
  /** Refused at once (nothing staged) when over 20 MB, named like a program, or not allowed on this case now. */
  startUpload: signedInProcedure
    .input(StartUpload)
    .mutation(async ({ ctx, input }) => unwrap(await ctx.signedIn.attachments.startUpload(input))),

  /** `offset` = bytes received so far (the answer of the previous call); a repeated last chunk is accepted. */
  appendUpload: signedInProcedure
    .input(z.object({ uploadId: UploadId, offset: z.number().int().min(0), bytes: Chunk }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.signedIn.attachments.appendUpload(input))),

  /** Checks the content (executables refused, nothing queued), then queues addAttachment; the bytes go when online. */
  finishUpload: signedInProcedure
    .input(z.object({ uploadId: UploadId }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.signedIn.attachments.finishUpload(input.uploadId))),

  /** Drops an upload that is still receiving bytes. */
  cancelUpload: signedInProcedure
    .input(z.object({ uploadId: UploadId }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.signedIn.attachments.cancelUpload(input.uploadId))),

  list: signedInProcedure
    .input(z.object({ caseId: CaseId }))
    .query(async ({ ctx, input }) => unwrap(await ctx.signedIn.attachments.list(input.caseId))),

  /** Makes the content available on this workstation (downloads it if needed; resumes a cut download). */
  fetch: signedInProcedure
    .input(z.object({ caseId: CaseId, attachmentId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.signedIn.attachments.fetch(input.caseId, input.attachmentId))),

  /** Up to 1 MiB of the content from `offset`, base64; `eof` when the last byte was returned. */
  read: signedInProcedure
    .input(z.object({ caseId: CaseId, attachmentId: z.string().min(1).max(64), offset: z.number().int().min(0).default(0), length: z.number().int().min(1).max(READ_CHUNK_BYTES).default(READ_CHUNK_BYTES) }))
    .query(async ({ ctx, input }) => unwrap(await ctx.signedIn.attachments.read(input))),
});
