// Which blobs and uploads the hub's database still names (SPEC §12): a blob lives while a case that is not purged
// lists it as an attachment or owns a completed upload of it; an upload lives while its owner row names such a case.
// Whatever else comes to name a blob must be added here, or the retention purge's orphan sweep deletes its bytes.
import { sql } from 'drizzle-orm';
import type { HubExecutor } from '../db/openHubDatabase';

export interface LiveReferences {
  /** Blobs listed as attachments of a case (a purged case lists none). */
  attachedBlobs: Set<string>;
  /** Uploads whose owner row names an existing case that is not purged. */
  liveUploads: Set<string>;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export async function liveReferences(db: HubExecutor): Promise<LiveReferences> {
  const attached = rowsOf<{ sha256: string | null }>(await db.execute(sql`
    select distinct a->>'sha256' as sha256 from cases, jsonb_array_elements(cases.data->'attachments') as a`));
  const uploads = rowsOf<{ upload_id: string }>(await db.execute(sql`
    select upload_owners.upload_id from upload_owners join cases on cases.id = upload_owners.case_id where cases.purged_at is null`));
  return {
    attachedBlobs: new Set(attached.flatMap((r) => (r.sha256 ? [r.sha256] : []))),
    liveUploads: new Set(uploads.map((r) => r.upload_id)),
  };
}
