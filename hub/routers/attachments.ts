// `attachmentsRouter`: resumable chunked upload (begin/append/status/complete) and chunked download of attachment content.
import { z } from 'zod';
import { CaseId } from '../../shared/request/requestCase';
import { appendUpload, beginUpload, completeUpload, downloadAttachment, uploadStatus } from '../attachments/attachmentService';
import { authedProcedure, router, unwrap } from '../trpc';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const UploadId = z.object({ uploadId: z.uuid() });
/** base64 of at most 1 MiB (hub/blobs enforces the chunk size on the decoded bytes). */
const Chunk = z.string().max(Math.ceil((1024 * 1024) / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const attachmentsRouter = router({
  beginUpload: authedProcedure
    .input(z.object({ caseId: CaseId, declaredSize: z.number().int().min(1), declaredSha256: Sha256, fileName: z.string().min(1).max(255) }))
    .mutation(async ({ ctx, input }) => unwrap(await beginUpload(ctx, ctx.session.user, input))),
  append: authedProcedure
    .input(UploadId.extend({ offset: z.number().int().min(0), bytes: Chunk }))
    .mutation(async ({ ctx, input }) => unwrap(await appendUpload(ctx, ctx.session.user, input))),
  status: authedProcedure.input(UploadId).query(async ({ ctx, input }) => unwrap(await uploadStatus(ctx, ctx.session.user, input.uploadId))),
  complete: authedProcedure.input(UploadId).mutation(async ({ ctx, input }) => unwrap(await completeUpload(ctx, ctx.session.user, input.uploadId))),
  download: authedProcedure
    .input(z.object({ caseId: CaseId, sha256: Sha256, offset: z.number().int().min(0), length: z.number().int().min(1).max(1024 * 1024) }))
    .query(async ({ ctx, input }) => unwrap(await downloadAttachment(ctx, ctx.session.user, input))),
});
