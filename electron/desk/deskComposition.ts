// Composition root of the desk service: settings → reference data → session manager (replica, sync, hub
// connection per signed-in user). Web mode and the Electron shell both build the desk through this.
import { loadReferenceData } from '../../shared/reference/referenceData';
import { referenceLookups } from './commands/replicaEnvironment';
import type { DeskService } from './deskService';
import { createHubConnection } from './hubLink/hubClient';
import type { HubConnection } from './hubLink/hubClient';
import { createPdfRenderer } from './reports/renderPdf';
import { reportReferenceFrom } from './reports/reportReference';
import { fileOfflineAccounts, offlineAccountsFile } from './session/offlineAccounts';
import type { VerifierCost } from './session/offlineAccounts';
import { createSessionManager } from './session/sessionManager';
import type { SessionManagerOptions } from './session/sessionManager';
import type { SettingsStore } from './settings/settingsStore';

export interface DeskServiceOptions {
  /** Per-workstation data folder: replicas, offline log-in records. */
  dataDir: string;
  settings: SettingsStore;
  now?: () => Date;
  connect?: (url: string, token: () => string | null) => HubConnection;
  sync?: SessionManagerOptions['sync'];
  migrationsFolder?: string;
  verifierCost?: VerifierCost;
  /** Chunk size and chunk observer of attachment uploads (tests). */
  uploads?: SessionManagerOptions['uploads'];
}

export function createDeskService(options: DeskServiceOptions): DeskService {
  const reference = loadReferenceData();
  const now = options.now ?? (() => new Date());
  // One pdfmake worker for the whole desk, started on the first report.
  const renderer = createPdfRenderer();
  const session = createSessionManager({
    dataDir: options.dataDir,
    hubUrl: () => options.settings.read().workstation.hubUrl,
    connect: options.connect ?? ((url, token) => createHubConnection({ url, token })),
    accounts: (hubHost) => fileOfflineAccounts(offlineAccountsFile(options.dataDir, hubHost)),
    reference: referenceLookups(reference),
    now,
    ...(options.sync ? { sync: options.sync } : {}),
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
    ...(options.verifierCost ? { verifierCost: options.verifierCost } : {}),
    ...(options.uploads ? { uploads: options.uploads } : {}),
    reports: { renderer, reference: reportReferenceFrom(reference) },
  });
  return {
    reference,
    settings: options.settings,
    session,
    now,
    signedIn: () => session.signedIn(),
    close: async () => {
      await session.logout();
      await renderer.close();
    },
  };
}
