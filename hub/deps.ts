// What every hub service is handed by the composition root (hub/main.ts or a test): no globals.
import type { Clock } from './clock';
import type { HubConfig } from './config';
import type { HubDb } from './db/openHubDatabase';
import type { Mailer } from './mailer';

export interface HubDeps {
  db: HubDb;
  config: HubConfig;
  clock: Clock;
  mailer: Mailer;
}
