// Test helpers for "bad input changes nothing": a fingerprint of what a signed-in desk holds for its user (the
// replica's requests, outbox and attention rows, the staging folder's files and the My reports folder's files), and a
// raw HTTP call to a web-mode desk that does not go through the tRPC client, so malformed bodies can be sent.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { attention, outbox, requests } from '../../../db/replica/schema';
import type { DeskService } from '../../../electron/desk/deskService';

/** Every file of a folder (not recursive) with the SHA-256 of its content; [] when the folder does not exist. */
export async function folderFiles(dir: string): Promise<Array<{ name: string; size: number; sha256: string }>> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (name) => {
    const bytes = await readFile(path.join(dir, name));
    return { name, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
  }));
}

export interface DeskState {
  requests: unknown[];
  outbox: unknown[];
  attention: unknown[];
  uploads: Awaited<ReturnType<typeof folderFiles>>;
  reports: Awaited<ReturnType<typeof folderFiles>>;
}

/** What the signed-in user's replica and folders hold now (throws when nobody is signed in). */
export async function deskState(desk: DeskService): Promise<DeskState> {
  const signedIn = desk.signedIn();
  if (!signedIn) throw new Error('nobody is signed in');
  const { db, uploadsDir, reportsDir } = signedIn.replica;
  return {
    requests: db.select().from(requests).orderBy(asc(requests.id)).all(),
    outbox: db.select().from(outbox).orderBy(asc(outbox.seq)).all(),
    attention: db.select().from(attention).orderBy(asc(attention.id)).all(),
    uploads: await folderFiles(uploadsDir),
    reports: await folderFiles(reportsDir),
  };
}

export interface RawAnswer { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One HTTP request to 127.0.0.1:`port` with exactly these headers and body (a Buffer or string). */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = http.request({
      host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET',
      headers: { ...(body ? { 'content-type': 'application/json', 'content-length': String(body.byteLength) } : {}), ...options.headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    // The server may stop reading an oversized body and answer early: the answer is what counts.
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** The `data` of a tRPC error answer (a single call, not a batch). */
export function errorData(answer: RawAnswer): { reason?: string; code?: string; httpStatus?: number; details?: unknown; issues?: Array<{ path: string[] }> } {
  const parsed = JSON.parse(answer.body) as { error?: { data?: Record<string, unknown> } };
  if (!parsed.error?.data) throw new Error(`not a tRPC error: ${answer.body.slice(0, 200)}`);
  return parsed.error.data as ReturnType<typeof errorData>;
}
