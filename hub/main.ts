// Composition root of the hub process: config → database (migrated) → demo data if empty → server.
import { pruneLoginAttempts } from './auth/rateLimit';
import { systemClock } from './clock';
import { readHubConfig } from './config';
import { databaseLocation, openHubDatabase } from './db/openHubDatabase';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from './demo/demoData';
import { loadDemoDataIfEmpty } from './demo/loadDemoData';
import { createMailer } from './mailer';
import path from 'node:path';
import { createBlobStore } from './blobs/blobStore';
import { createUploadSessions } from './blobs/uploadSessions';
import { PokeBus } from './pokes';
import { shippedReferenceLookup } from './requests/referenceLookup';
import { startRequestScheduler } from './requests/scheduler';
import { startHubServer } from './server';
import { startChangeListener } from './sync/changeNotifier';
import { loadOrganisationCertificate } from './certify/organisationCertificate';

async function main(): Promise<void> {
  const config = readHubConfig();
  const location = databaseLocation(config);
  const database = await openHubDatabase(location);
  console.log(location.kind === 'postgres' ? 'hub: PostgreSQL server (DATABASE_URL), migrated' : `hub: PGlite at ${location.dataDir ?? '(memory)'}, migrated`);
  if (config.loadDemoData) {
    const loaded = await loadDemoDataIfEmpty(database.db, config.argon2, systemClock.now());
    if (loaded) {
      console.log(`hub: demo data loaded (${loaded.length} users). Every demo user: password "${DEMO_PASSWORD}", security code "${DEMO_SECURITY_CODE}"`);
      for (const { user, firstLoginPending } of loaded) {
        console.log(`  ${user.username.padEnd(24)} ${user.authorityId.padEnd(18)} ${[...user.generalRoles, ...new Set(user.rights.flatMap((r) => r.roles))].join(' ')}${firstLoginPending ? '  (first log-in pending)' : ''}`);
      }
    }
  }
  // One mailer for the server and the scheduler: one SMTP connection pool, one folder.
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailDir: config.mailDir, from: config.mailFrom });
  console.log(config.smtpUrl ? `hub: e-mail through SMTP as ${config.mailFrom}` : `hub: no SMTP server configured (SMTP_URL): e-mails are written as .eml files to ${config.mailDir}`);
  const reference = await shippedReferenceLookup();
  const pokes = new PokeBus();
  // Every hub process listens, so desks connected to any instance hear of changes committed by another.
  const stopListening = await startChangeListener(database.db, pokes);
  const store = createBlobStore(path.join(config.blobDir, 'store'));
  const attachments = { store, uploads: createUploadSessions(store, path.join(config.blobDir, 'uploads'), { now: () => systemClock.now() }) };
  const signing = loadOrganisationCertificate({ p12Path: config.signingP12, passphrase: config.signingP12Passphrase, demoP12Path: config.demoSigningP12, now: systemClock.now() });
  // A configured certificate that cannot be used is a misconfiguration to fix now, not a surprise at the first certified report.
  if (!signing.ok) throw new Error(`the organisation certificate (HUB_SIGNING_P12) cannot be used: ${signing.code}: ${signing.message}`);
  console.log(config.signingP12 ? `hub: certified reports signed as "${signing.certificate.commonName}" (${config.signingP12})` : `hub: no organisation certificate configured (HUB_SIGNING_P12): certified reports are signed with the demo's self-signed "${signing.certificate.commonName}"${signing.generated ? ', generated now' : ''} (${config.demoSigningP12 ?? 'in memory'})`);
  const hub = await startHubServer({ db: database.db, config, clock: systemClock, mailer, reference, attachments, organisationCertificate: signing.certificate }, pokes);
  const stopScheduler = startRequestScheduler({ db: database.db, config, clock: systemClock, mailer, reference, attachments });
  console.log(`hub: listening on ${hub.url} (WebSocket ${hub.wsUrl})`);
  // Attempts older than the rate-limit window count for nothing; dropping them keeps the limiter's queries cheap.
  const pruning = setInterval(() => {
    pruneLoginAttempts(database.db, config.loginRateLimit, systemClock.now()).catch((error: unknown) => console.error('hub: pruning log-in attempts failed', error));
  }, 10 * 60_000);
  pruning.unref();

  const stop = async () => {
    clearInterval(pruning);
    stopScheduler();
    await hub.close();
    await stopListening();
    await database.close();
    mailer.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('hub: failed to start', error);
  process.exit(1);
});
