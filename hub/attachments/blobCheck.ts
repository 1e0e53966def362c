// The attachment storage the hub is handed (blob store + resumable uploads of hub/blobs), and the check the command
// service makes before accepting addAttachment: was exactly this content uploaded?
import type { BlobStore } from '../blobs/blobStore';
import type { UploadSessions } from '../blobs/uploadSessions';

export interface AttachmentStorage {
  store: BlobStore;
  uploads: UploadSessions;
}

/**
 * The content is addressed by its sha256, so a stored blob of that hash and the declared size is the content the desk
 * uploaded. (The media type was sniffed at completion; the store does not keep it, so it is not compared here.)
 */
export async function blobUploaded(storage: AttachmentStorage | undefined, sha256: string, size: number): Promise<boolean> {
  if (!storage) return false;
  const stat = await storage.store.stat(sha256);
  return stat.ok && stat.size === size;
}
