// Attachment content on the hub (SPEC §5.6): resumable chunked uploads by a handler of either side of an open case,
// and chunked downloads only for a user who sees a case holding the attachment at FULL. Bytes travel as base64.
// An upload belongs to the user who began it (upload_owners): nobody else may append to, look at or complete it.
import { eq } from 'drizzle-orm';
import { uploadOwners } from '../../db/hub/syncSchema';
import { CLOSED_STATUSES } from '../../shared/request/requestCase';
import type { RequestCase } from '../../shared/request/requestCase';
import { visibilityLevel } from '../../shared/request/visibility';
import { hasRequestRole } from '../../shared/user/user';
import type { User } from '../../shared/user/user';
import type { BlobRefusal } from '../blobs/blobReasons';
import type { HubDeps } from '../deps';
import { ok, refusal, type Outcome, type Refusal } from '../errors';
import { loadCase } from '../requests/caseStore';
import { loadDirectory } from '../requests/directory';
import { EMPTY_REFERENCE } from '../requests/referenceLookup';
import type { AttachmentStorage } from './blobCheck';

/** The largest chunk a download returns in one call. */
export const DOWNLOAD_CHUNK_MAX = 1024 * 1024;

/** A refusal of hub/blobs as a hub refusal: the reason as-is, the scalar details (e.g. the offset to resume from) kept. */
function fromBlob(r: BlobRefusal): Refusal {
  const { ok: _ok, reason, ...rest } = r as BlobRefusal & Record<string, unknown>;
  const details = Object.fromEntries(Object.entries(rest).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) as Refusal['details'];
  return refusal(reason, details && Object.keys(details).length > 0 ? details : undefined);
}

function storageOf(deps: HubDeps): AttachmentStorage | Refusal {
  return deps.attachments ?? refusal('ATTACHMENTS_UNAVAILABLE');
}

/** A request handler of the requesting or responding authority, while the case is open. */
async function uploadableCase(deps: HubDeps, user: User, caseId: string): Promise<Outcome<RequestCase>> {
  const c = await loadCase(deps.db, caseId);
  if (!c || (user.authorityId !== c.requestingAuthorityId && user.authorityId !== c.respondingAuthorityId)) return refusal('CASE_NOT_FOUND');
  if (!hasRequestRole(user, c.area, 'REQUEST_HANDLER')) return refusal('ROLE_REQUIRED', { role: 'REQUEST_HANDLER' });
  if (CLOSED_STATUSES.includes(c.status)) return refusal('CASE_CLOSED');
  return ok(c);
}

/**
 * The upload if `user` began it. An id nobody began is UPLOAD_NOT_FOUND; someone else's is UPLOAD_NOT_YOURS, so an
 * upload id that leaked (a log, a shared screen) cannot be used to plant or read bytes.
 */
async function ownUpload(deps: HubDeps, user: User, uploadId: string): Promise<Outcome<{ caseId: string }>> {
  const [row] = await deps.db.select({ userId: uploadOwners.userId, caseId: uploadOwners.caseId }).from(uploadOwners).where(eq(uploadOwners.uploadId, uploadId));
  if (!row) return refusal('UPLOAD_NOT_FOUND');
  if (row.userId !== user.id) return refusal('UPLOAD_NOT_YOURS');
  return ok({ caseId: row.caseId });
}

export async function beginUpload(
  deps: HubDeps, user: User, input: { caseId: string; declaredSize: number; declaredSha256: string; fileName: string },
): Promise<Outcome<{ uploadId: string }>> {
  const storage = storageOf(deps);
  if ('ok' in storage) return storage;
  const c = await uploadableCase(deps, user, input.caseId);
  if (!c.ok) return c;
  const begun = await storage.uploads.begin({ declaredSize: input.declaredSize, declaredSha256: input.declaredSha256, fileName: input.fileName });
  if (!begun.ok) return fromBlob(begun);
  await deps.db.insert(uploadOwners).values({ uploadId: begun.uploadId, userId: user.id, caseId: input.caseId, createdAt: deps.clock.now() });
  return ok({ uploadId: begun.uploadId });
}

export async function appendUpload(deps: HubDeps, user: User, input: { uploadId: string; offset: number; bytes: string }): Promise<Outcome<{ received: number }>> {
  const storage = storageOf(deps);
  if ('ok' in storage) return storage;
  const owned = await ownUpload(deps, user, input.uploadId);
  if (!owned.ok) return owned;
  const appended = await storage.uploads.append(input.uploadId, input.offset, Buffer.from(input.bytes, 'base64'));
  return appended.ok ? ok({ received: appended.received }) : fromBlob(appended);
}

export async function uploadStatus(deps: HubDeps, user: User, uploadId: string): Promise<Outcome<{ received: number; declaredSize: number; completed: boolean }>> {
  const storage = storageOf(deps);
  if ('ok' in storage) return storage;
  const owned = await ownUpload(deps, user, uploadId);
  if (!owned.ok) return owned;
  const status = await storage.uploads.status(uploadId);
  return status.ok ? ok({ received: status.received, declaredSize: status.declaredSize, completed: status.completed }) : fromBlob(status);
}

/** The facts the desk then puts into its addAttachment command. */
export async function completeUpload(deps: HubDeps, user: User, uploadId: string): Promise<Outcome<{ sha256: string; size: number; mediaType: string }>> {
  const storage = storageOf(deps);
  if ('ok' in storage) return storage;
  const owned = await ownUpload(deps, user, uploadId);
  if (!owned.ok) return owned;
  // The case may have closed, or the user lost the handler role, since the upload began.
  const still = await uploadableCase(deps, user, owned.value.caseId);
  if (!still.ok) return still;
  const done = await storage.uploads.complete(uploadId);
  if (!done.ok) {
    // An executable is refused for good: drop its bytes rather than keep them around for a retry.
    if (done.reason === 'EXECUTABLE_ATTACHMENT') await storage.uploads.abort(uploadId);
    return fromBlob(done);
  }
  return ok({ sha256: done.sha256, size: done.size, mediaType: done.mediaType });
}

export async function downloadAttachment(
  deps: HubDeps, user: User, input: { caseId: string; sha256: string; offset: number; length: number },
): Promise<Outcome<{ bytes: string; size: number }>> {
  const storage = storageOf(deps);
  if ('ok' in storage) return storage;
  const c = await loadCase(deps.db, input.caseId);
  const directory = await loadDirectory(deps.db, deps.reference ?? EMPTY_REFERENCE, []);
  const level = c ? visibilityLevel(c, user, directory) : 'NONE';
  if (!c || level === 'NONE') return refusal('CASE_NOT_FOUND');
  if (!c.attachments.some((a) => a.sha256 === input.sha256)) return refusal('ATTACHMENT_NOT_FOUND');
  if (level !== 'FULL') return refusal('ATTACHMENT_CLOSED');
  const read = await storage.store.readRange(input.sha256, input.offset, Math.min(input.length, DOWNLOAD_CHUNK_MAX));
  return read.ok ? ok({ bytes: Buffer.from(read.bytes).toString('base64'), size: read.size }) : fromBlob(read);
}
