// Composition root of `npm run desk:web`: the desk service in web mode on 127.0.0.1, its one-time URL printed.
import { readDeskWebConfig } from '../deskConfig';
import { startWebDesk } from './startWebDesk';

async function main(): Promise<void> {
  const config = readDeskWebConfig();
  const web = await startWebDesk(config);
  console.log(`desk: data in ${config.dataDir}; hub ${web.desk.settings.read().workstation.hubUrl}`);
  console.log(`desk: open ${web.server.launchUrl}`);
  const stop = async () => {
    await web.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('desk: failed to start', error);
  process.exit(1);
});
