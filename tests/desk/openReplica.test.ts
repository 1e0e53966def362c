import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReplica } from '../../electron/desk/replica/openReplica';
import { world } from '../../shared/testkit/world.testkit';

describe('openReplica', () => {
  it('keeps one WAL file per user per hub, migrated at open, with a stable client id across reopens', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'replica-'));
    const user = world().users.get('it-ca:handler')!;
    const first = openReplica({ dataDir, hubHost: 'hub.example.eu:8443', user });
    expect(first.file).toBe(join(dataDir, 'replicas', 'hub.example.eu_3a8443', 'it-ca_3ahandler.sqlite'));
    expect(first.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const clientId = first.clientId;
    first.close();
    const again = openReplica({ dataDir, hubHost: 'hub.example.eu:8443', user });
    expect(again.clientId).toBe(clientId);
    again.close();
    const other = openReplica({ dataDir, hubHost: 'hub.example.eu:8443', user: world().users.get('it-ca:handler2')! });
    expect(other.file).not.toBe(again.file);
    expect(other.clientId).not.toBe(clientId);
    other.close();
    expect(existsSync(again.file)).toBe(true);
  });
});
