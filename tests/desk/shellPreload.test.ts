// The sandboxed preload cannot import the IPC protocol module, so it repeats the channel name: keep them equal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '../../shared/ipc/ipcProtocol';

describe('Electron preload', () => {
  it('uses the same IPC channel as the desk host', () => {
    const preload = readFileSync(new URL('../../electron/shell/preload.ts', import.meta.url), 'utf8');
    expect(preload).toContain(`const CHANNEL = '${IPC_CHANNEL}';`);
  });

  it('exposes nothing but the imiDesk bridge', () => {
    const preload = readFileSync(new URL('../../electron/shell/preload.ts', import.meta.url), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("exposeInMainWorld('imiDesk', bridge)");
  });
});
