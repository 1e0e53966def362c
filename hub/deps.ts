// What every hub service is handed by the composition root (hub/main.ts or a test): no globals.
import type { Clock } from './clock';
import type { HubConfig } from './config';
import type { HubDb } from './db/openHubDatabase';
import type { Mailer } from './mailer';
import type { AttachmentStorage } from './attachments/blobCheck';
import type { OrganisationCertificate } from './certify/organisationCertificate';
import type { ReferenceLookup } from './requests/referenceLookup';

export interface HubDeps {
  db: HubDb;
  config: HubConfig;
  clock: Clock;
  mailer: Mailer;
  /** Question sets and subject sections for request decisions; absent = none known (commands naming a set are refused). */
  reference?: ReferenceLookup;
  /** Attachment blobs and uploads; absent = uploads are refused and nothing counts as uploaded. */
  attachments?: AttachmentStorage;
  /** The organisation certificate certified reports are signed with; absent = certify.sign is refused. */
  organisationCertificate?: OrganisationCertificate;
}
