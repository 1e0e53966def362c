// Stable reason codes with which the blob store and the upload sessions refuse; the hub's routers pass them on as-is.
import { z } from 'zod';

export const BlobReason = z.enum([
  'BLOB_ID_INVALID',
  'BLOB_NOT_FOUND',
  'RANGE_INVALID',
  'UPLOAD_INVALID',
  'UPLOAD_NOT_FOUND',
  'ATTACHMENT_TOO_LARGE',
  'CHUNK_TOO_LARGE',
  'CHUNK_EMPTY',
  'UPLOAD_OFFSET_MISMATCH',
  'UPLOAD_CHUNK_CONFLICT',
  'UPLOAD_EXCEEDS_DECLARED_SIZE',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_CHECKSUM_MISMATCH',
  'EXECUTABLE_ATTACHMENT',
]);
export type BlobReason = z.infer<typeof BlobReason>;

/** A refusal: the reason plus whatever the client needs to carry on (e.g. the offset to resume from). */
export type BlobRefusal<R extends BlobReason = BlobReason, D extends object = object> = { ok: false; reason: R } & D;

export const SHA256_HEX = /^[0-9a-f]{64}$/;
