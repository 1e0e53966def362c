// Configuration: defaults, the per-platform data folder, argv over environment, refusal of bad values.
import { describe, expect, it } from 'vitest';
import { readHubConfig, userDataFolder } from './config';

describe('hub configuration', () => {
  it('listens on loopback port 4700 with PGlite under the XDG data folder by default', () => {
    const config = readHubConfig([], { XDG_DATA_HOME: '/data/xdg' });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4700, dataDir: '/data/xdg/imi-hub/pgdata', databaseUrl: null, smtpUrl: null });
  });

  it('uses APPDATA on Windows', () => {
    expect(userDataFolder({ APPDATA: 'C:\\Users\\eva\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\eva\\AppData\\Roaming');
  });

  it('prefers argv over the environment and takes DATABASE_URL from the environment', () => {
    const config = readHubConfig(['--port', '0', '--data-dir', '/tmp/pg', '--no-demo'], { HUB_PORT: '5000', DATABASE_URL: 'postgres://hub@db/hub' });
    expect(config).toMatchObject({ port: 0, dataDir: '/tmp/pg', databaseUrl: 'postgres://hub@db/hub', loadDemoData: false });
  });

  it('refuses a port that is not a port and an unknown flag', () => {
    expect(() => readHubConfig(['--port', '70000'], {})).toThrow();
    expect(() => readHubConfig(['--prot', '1'], {})).toThrow();
  });
});
