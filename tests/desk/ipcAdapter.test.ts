// tRPC 11 over IPC, without Electron: the renderer's link and the desk's host joined by a structured-clone
// "channel", as the preload would join them. Calls, typed errors, subscriptions and their stop.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTRPCClient } from '@trpc/client';
import { initTRPC } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskRouter } from '../../electron/desk/api/deskRouter';
import type { DeskRouter } from '../../electron/desk/api/deskRouter';
import { createDeskService } from '../../electron/desk/deskComposition';
import type { DeskService } from '../../electron/desk/deskService';
import { createIpcHost } from '../../electron/desk/ipc/ipcHost';
import { ipcLink } from '../../shared/ipc/ipcLink';
import type { IpcBridge, IpcResponse } from '../../shared/ipc/ipcProtocol';
import { memorySettingsStore } from '../../electron/desk/settings/settingsStore';

/** A bridge and host joined as Electron would: every message structured-cloned, delivered asynchronously. */
function channel(host: (send: (m: IpcResponse) => void) => ReturnType<typeof createIpcHost>): { bridge: IpcBridge; stops: number[] } {
  const listeners = new Set<(m: IpcResponse) => void>();
  const stops: number[] = [];
  const ipcHost = host((m) => { const copy = structuredClone(m); queueMicrotask(() => { for (const l of listeners) l(copy); }); });
  return {
    stops,
    bridge: {
      send: (m) => { if (m.kind === 'stop') stops.push(m.id); const copy = structuredClone(m); queueMicrotask(() => ipcHost.handle(copy)); },
      onMessage: (l) => { listeners.add(l); return () => listeners.delete(l); },
    },
  };
}

describe('tRPC over IPC', () => {
  let dataDir: string;
  let desk: DeskService;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'imi-desk-ipc-'));
    desk = createDeskService({ dataDir, settings: memorySettingsStore() });
  });
  afterAll(async () => {
    await desk.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers queries and mutations of the desk router', async () => {
    const { bridge } = channel((send) => createIpcHost({ router: deskRouter, createContext: () => ({ desk }), send }));
    const client = createTRPCClient<DeskRouter>({ links: [ipcLink<DeskRouter>(bridge)] });
    await expect(client.session.status.query()).resolves.toEqual({ state: 'signedOut' });
    const sets = await client.reference.questionSets.query({ area: 'SD' });
    expect(sets.map((s) => s.id)).toContain('sd-case-by-case-derogation-request');
    await expect(client.settings.set.mutate({ workstation: { hubUrl: 'http://127.0.0.1:4711' } })).resolves.toMatchObject({ workstation: { hubUrl: 'http://127.0.0.1:4711' } });
  });

  it('carries refusals with their stable reason', async () => {
    const { bridge } = channel((send) => createIpcHost({ router: deskRouter, createContext: () => ({ desk }), send }));
    const client = createTRPCClient<DeskRouter>({ links: [ipcLink<DeskRouter>(bridge)] });
    await expect(client.requests.actionLists.query()).rejects.toMatchObject({ data: { reason: 'NOT_SIGNED_IN' } });
    await expect(client.reference.questionSet.query({ id: 'no-such-set' })).rejects.toMatchObject({ data: { reason: 'QUESTION_SET_NOT_FOUND' } });
    await expect(client.reference.subjectSection.query({ area: 'XX' as never })).rejects.toMatchObject({ data: { reason: 'INVALID_INPUT' } });
  });

  it('streams a subscription and stops it when the renderer unsubscribes', async () => {
    const t = initTRPC.create();
    let finished = false;
    const ticks = t.router({
      ticks: t.procedure.subscription(async function* ({ signal }) {
        try {
          for (let i = 1; !signal?.aborted; i += 1) {
            yield i;
            await new Promise((r) => setTimeout(r, 5));
          }
        } finally {
          finished = true;
        }
      }),
    });
    const { bridge, stops } = channel((send) => createIpcHost({ router: ticks, createContext: () => ({}), send }));
    const client = createTRPCClient<typeof ticks>({ links: [ipcLink<typeof ticks>(bridge)] });
    const received: number[] = [];
    const sub = client.ticks.subscribe(undefined, { onData: (n) => received.push(n) });
    await expect.poll(() => received.length).toBeGreaterThanOrEqual(3);
    sub.unsubscribe();
    expect(stops).toHaveLength(1);
    await expect.poll(() => finished).toBe(true);
    expect(received.slice(0, 3)).toEqual([1, 2, 3]);
  });
});
