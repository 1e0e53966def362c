// The desk's start-up configuration in web mode, read once: argv over the environment over defaults.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The per-user data folder of the platform (XDG on Linux, APPDATA on Windows, Application Support on macOS). */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0 ? env.XDG_DATA_HOME : path.join(os.homedir(), '.local', 'share');
}

const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../renderer/dist', import.meta.url));

export const DeskWebConfig = z.object({
  dataDir: z.string().min(1),
  port: z.number().int().min(0).max(65535).default(4800),
  /** Overrides the hub address stored in the settings (and is stored). */
  hubUrl: z.url().nullable().default(null),
  staticDir: z.string().min(1).default(DEFAULT_STATIC_DIR),
  /** Loopback origins of a renderer dev server allowed to call the API (comma-separated in DESK_DEV_ORIGINS). */
  extraOrigins: z.array(z.string()).default([]),
});
export type DeskWebConfig = z.infer<typeof DeskWebConfig>;

/** Reads argv (--port, --data-dir, --hub-url, --static-dir, --dev-origin) over DESK_* environment variables. */
export function readDeskWebConfig(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): DeskWebConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'hub-url': { type: 'string' },
      'static-dir': { type: 'string' },
      'dev-origin': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const port = values.port ?? env.DESK_PORT;
  return DeskWebConfig.parse({
    dataDir: values['data-dir'] ?? env.DESK_DATA_DIR ?? path.join(userDataFolder(env), 'imi-desk'),
    port: port === undefined || port === '' ? undefined : Number(port),
    hubUrl: values['hub-url'] ?? env.DESK_HUB_URL ?? null,
    staticDir: values['static-dir'] ?? env.DESK_STATIC_DIR,
    extraOrigins: values['dev-origin'] ?? (env.DESK_DEV_ORIGINS ? env.DESK_DEV_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean) : []),
  });
}
