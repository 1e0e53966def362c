// Automatic updates from a generic update server (electron-updater): the URL comes from IMI_UPDATE_URL or
// electron-builder.yml's publish setting; only packaged apps check, and a failed check never stops the desk.
import electronUpdater from 'electron-updater';

export function startAutoUpdate(options: { packaged: boolean; url?: string | undefined; log: (line: string) => void }): void {
  if (!options.packaged) return;
  // electron-updater is CommonJS: its named export lives on the default import under ESM.
  const { autoUpdater } = electronUpdater;
  if (options.url) autoUpdater.setFeedURL({ provider: 'generic', url: options.url });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => options.log(`update check failed: ${error.message}`));
  autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => options.log(`update check failed: ${String(error)}`));
}
