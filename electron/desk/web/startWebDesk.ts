// Builds the desk service for web mode (JSON settings in the data folder) and serves it; used by
// `npm run desk:web` (webMain.ts) and by the start script, which runs it next to the demo hub.
import path from 'node:path';
import { createDeskService } from '../deskComposition';
import type { DeskWebConfig } from '../deskConfig';
import type { DeskService } from '../deskService';
import { jsonSettingsStore } from '../settings/jsonSettingsStore';
import { patchSettings } from '../settings/settingsStore';
import { startDeskWebServer } from './webServer';
import type { DeskWebServer } from './webServer';

export interface WebDesk {
  desk: DeskService;
  server: DeskWebServer;
  close(): Promise<void>;
}

export async function startWebDesk(config: DeskWebConfig): Promise<WebDesk> {
  const settings = jsonSettingsStore(path.join(config.dataDir, 'settings.json'));
  if (config.hubUrl) settings.write(patchSettings(settings.read(), { workstation: { hubUrl: config.hubUrl } }, null));
  const desk = createDeskService({ dataDir: config.dataDir, settings });
  const server = await startDeskWebServer({ desk, port: config.port, staticDir: config.staticDir, extraOrigins: config.extraOrigins });
  return {
    desk,
    server,
    close: async () => {
      await server.close();
      await desk.close();
    },
  };
}
