// Hub configuration: read once from the environment and argv, validated with zod, then passed in (never read again).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Argon2id cost; the defaults follow OWASP's minimum (19 MiB, 2 passes). Tests lower them to stay fast. */
export const Argon2Cost = z.object({
  memoryCost: z.number().int().min(8).default(19_456),
  timeCost: z.number().int().min(1).default(2),
});
export type Argon2Cost = z.infer<typeof Argon2Cost>;

export const HubConfig = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(4700),
  /** PGlite data directory, used when no databaseUrl is given; null = in memory (tests). */
  dataDir: z.string().min(1).nullable(),
  /** A PostgreSQL server (production); wins over dataDir. */
  databaseUrl: z.string().min(1).nullable().default(null),
  smtpUrl: z.string().min(1).nullable().default(null),
  /** Where e-mails go as .eml files when no SMTP server is configured. */
  mailDir: z.string().min(1),
  /** The sender of every automatic e-mail; the .invalid domain makes an unconfigured hub's mails unmistakable. */
  mailFrom: z.string().min(3).default('IMI Hub <no-reply@imi-hub.invalid>'),
  blobDir: z.string().min(1),
  sessionTtlMinutes: z.number().int().min(1).default(12 * 60),
  /** How long a desk may keep working offline on its last log-in (the desk enforces it; the hub tells it). */
  offlineLoginDays: z.number().int().min(0).default(7),
  loginChallengeTtlSeconds: z.number().int().min(10).default(300),
  temporaryPasswordDays: z.number().int().min(1).default(7),
  /** Failed log-ins allowed in one window before the hub answers RATE_LIMITED, per username and per remote address. */
  loginRateLimit: z.object({
    windowSeconds: z.number().int().min(1).default(900),
    perUsername: z.number().int().min(1).default(10),
    perAddress: z.number().int().min(1).default(50),
  }).prefault({}),
  /** Largest JSON body accepted over HTTP: room for one 1 MiB attachment chunk in base64 (~1.4 MB). */
  maxBodyBytes: z.number().int().min(1024).default(2 * 1_048_576),
  argon2: Argon2Cost.prefault({}),
  /** The organisation certificate and key (PKCS#12) that certified reports are signed with; null = the demo's self-signed one. */
  signingP12: z.string().min(1).nullable().default(null),
  signingP12Passphrase: z.string().default(''),
  /** Where the demo's self-signed certificate is generated at first start and reused after; null = a new one in memory (tests). */
  demoSigningP12: z.string().min(1).nullable().default(null),
  loadDemoData: z.boolean().default(true),
});
export type HubConfig = z.infer<typeof HubConfig>;
export type HubConfigInput = z.input<typeof HubConfig>;

/** The per-user data folder of the platform (XDG on Linux, APPDATA on Windows, Application Support on macOS). */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0 ? env.XDG_DATA_HOME : path.join(os.homedir(), '.local', 'share');
}

const intOrUndefined = (value: string | undefined): number | undefined => (value === undefined || value === '' ? undefined : Number(value));

/** Reads argv (--host, --port, --data-dir, --database-url, --smtp-url, --mail-dir, --mail-from, --blob-dir, --no-demo) over the environment. */
export function readHubConfig(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): HubConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'smtp-url': { type: 'string' },
      'mail-dir': { type: 'string' },
      'mail-from': { type: 'string' },
      'blob-dir': { type: 'string' },
      'no-demo': { type: 'boolean' },
    },
    strict: true,
  });
  const home = path.join(userDataFolder(env), 'imi-hub');
  return HubConfig.parse({
    host: values.host ?? env.HUB_HOST,
    port: intOrUndefined(values.port ?? env.HUB_PORT),
    dataDir: values['data-dir'] ?? env.HUB_DATA_DIR ?? path.join(home, 'pgdata'),
    databaseUrl: values['database-url'] ?? env.DATABASE_URL ?? null,
    smtpUrl: values['smtp-url'] ?? env.SMTP_URL ?? null,
    mailDir: values['mail-dir'] ?? env.HUB_MAIL_DIR ?? path.join(home, 'mail'),
    mailFrom: values['mail-from'] ?? (env.HUB_MAIL_FROM === '' ? undefined : env.HUB_MAIL_FROM),
    blobDir: values['blob-dir'] ?? env.HUB_BLOB_DIR ?? path.join(home, 'blobs'),
    sessionTtlMinutes: intOrUndefined(env.HUB_SESSION_TTL_MINUTES),
    offlineLoginDays: intOrUndefined(env.HUB_OFFLINE_LOGIN_DAYS),
    signingP12: env.HUB_SIGNING_P12 || null,
    signingP12Passphrase: env.HUB_SIGNING_P12_PASSPHRASE,
    demoSigningP12: path.join(home, 'certify', 'demo-organisation.p12'),
    loadDemoData: values['no-demo'] === true ? false : undefined,
  });
}

/** A configuration for tests: in-memory PGlite, port 0, cheap argon2. */
export function testHubConfig(overrides: Partial<HubConfigInput> = {}): HubConfig {
  const tmp = path.join(os.tmpdir(), 'imi-hub-test');
  return HubConfig.parse({
    port: 0,
    dataDir: null,
    mailDir: path.join(tmp, 'mail'),
    blobDir: path.join(tmp, 'blobs'),
    argon2: { memoryCost: 64, timeCost: 1 },
    loadDemoData: false,
    ...overrides,
  });
}
