// The desk's attachment cache on its own (no hub): content is read from the cache at FULL only; a case whose level
// drops below FULL, or that left the replica while the desk was not running, loses its cached files at the next prune;
// without a hub, content that is not cached cannot be fetched.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeskAttachments } from '../../electron/desk/attachments/deskAttachments';
import type { DeskAttachments } from '../../electron/desk/attachments/deskAttachments';
import { openReplica } from '../../electron/desk/replica/openReplica';
import type { Replica } from '../../electron/desk/replica/openReplica';
import { safeSegment } from '../../electron/desk/replica/replicaPaths';
import { writeServerState } from '../../electron/desk/replica/requestStore';
import { viewFor } from '../../shared/request/visibility';
import type { RequestCase } from '../../shared/request/requestCase';
import { act, attachmentMeta, sentCase } from '../../shared/testkit/world.testkit';
import type { Built } from '../../shared/testkit/world.testkit';

const CONTENT = Buffer.from('%PDF-1.7\nthe diploma\n');
const SHA = createHash('sha256').update(CONTENT).digest('hex');
const RESPONDER = 'hu-ca:handler';

describe('the desk attachment cache', () => {
  let dataDir: string;
  let replica: Replica;
  let attachments: DeskAttachments;
  let sent: Built;
  let accepted: RequestCase;
  const cacheDir = () => path.join(replica.filesDir, safeSegment('case-1'));
  const store = (c: RequestCase, position: number) => {
    const view = viewFor(c, sent.w.actor(RESPONDER), sent.w.env);
    if (!view) throw new Error('the responder does not see the case');
    writeServerState(replica.db, c.id, view, position);
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'imi-cache-'));
    const b = sentCase();
    const c = act(b.w, b.c, { type: 'addAttachment', caseId: 'case-1', attachment: attachmentMeta({ sha256: SHA, size: CONTENT.byteLength }) }, `${b.requester}:handler`);
    sent = { ...b, c };
    accepted = act(b.w, c, { type: 'acceptRequest', caseId: 'case-1', days: 10 }, RESPONDER);
    const user = b.w.users.get(RESPONDER);
    if (!user) throw new Error('no responder');
    replica = openReplica({ dataDir, hubHost: 'hub.test', user, inMemory: true });
    attachments = createDeskAttachments({ replica, user, env: b.w.env, hub: null, now: () => new Date('2030-03-05T00:00:00.000Z') });
    store(accepted, 1);
    await mkdir(cacheDir(), { recursive: true });
    await writeFile(path.join(cacheDir(), SHA), CONTENT);
  });
  afterEach(async () => {
    replica.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads cached content at FULL, in pieces', async () => {
    expect(await attachments.list('case-1')).toMatchObject({ ok: true, value: { level: 'FULL', items: [{ id: 'att-1', cached: true, canOpen: true, upload: null }] } });
    const first = await attachments.read({ caseId: 'case-1', attachmentId: 'att-1', offset: 0, length: 5 });
    const rest = await attachments.read({ caseId: 'case-1', attachmentId: 'att-1', offset: 5, length: 1024 });
    if (!first.ok || !rest.ok) throw new Error('not read');
    expect(first.value.eof).toBe(false);
    expect(rest.value.eof).toBe(true);
    expect(Buffer.concat([Buffer.from(first.value.bytes, 'base64'), Buffer.from(rest.value.bytes, 'base64')]).equals(CONTENT)).toBe(true);
    expect(await attachments.pruneCache()).toEqual([]);
    expect(existsSync(cacheDir())).toBe(true);
  });

  it('deletes the cached files when the case drops below FULL, and refuses to open them', async () => {
    store(sent.c, 2);
    expect(await attachments.pruneCache()).toEqual(['case-1']);
    expect(existsSync(cacheDir())).toBe(false);
    expect(await attachments.read({ caseId: 'case-1', attachmentId: 'att-1', offset: 0, length: 10 })).toMatchObject({ ok: false, reason: 'ATTACHMENT_CLOSED', details: { level: 'FULL_NO_PD' } });
    expect(await attachments.list('case-1')).toMatchObject({ ok: true, value: { level: 'FULL_NO_PD', canOpen: false, items: [{ cached: false, canOpen: false }] } });
  });

  it('deletes the cached files of a case no longer in the replica, and cannot fetch without a hub', async () => {
    const gone = path.join(replica.filesDir, safeSegment('case-gone'));
    await mkdir(gone, { recursive: true });
    await writeFile(path.join(gone, SHA), CONTENT);
    expect(await attachments.pruneCache()).toEqual(['case-gone']);
    expect(existsSync(gone)).toBe(false);

    await rm(cacheDir(), { recursive: true });
    expect(await attachments.read({ caseId: 'case-1', attachmentId: 'att-1', offset: 0, length: 10 })).toMatchObject({ ok: false, reason: 'ATTACHMENT_NOT_CACHED' });
    expect(await attachments.fetch('case-1', 'att-1')).toMatchObject({ ok: false, reason: 'OFFLINE' });
    expect(await attachments.fetch('case-1', 'att-2')).toMatchObject({ ok: false, reason: 'ATTACHMENT_NOT_FOUND' });
  });
});
