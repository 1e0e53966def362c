// Where a user's replica lives: <dataDir>/replicas/<hub-host>/<userId>.sqlite, one file per user per workstation.
import { join } from 'node:path';

/** A path segment safe on Windows and macOS: anything but [A-Za-z0-9.-] becomes _xx (hex), so distinct ids stay distinct. */
export function safeSegment(value: string): string {
  const encoded = Array.from(new TextEncoder().encode(value), (b) => {
    const ch = String.fromCharCode(b);
    return /[A-Za-z0-9.-]/.test(ch) ? ch : `_${b.toString(16).padStart(2, '0')}`;
  }).join('');
  // "." and ".." must never name a directory.
  return /^\.+$/.test(encoded) ? encoded.replace(/\./g, '_2e') : encoded;
}

export interface ReplicaLocation {
  /** The SQLite file. */
  file: string;
  /** Cached attachment files of this replica, one folder per case. */
  filesDir: string;
}

export function replicaLocation(dataDir: string, hubHost: string, userId: string): ReplicaLocation {
  const dir = join(dataDir, 'replicas', safeSegment(hubHost));
  const base = safeSegment(userId);
  return { file: join(dir, `${base}.sqlite`), filesDir: join(dir, `${base}.files`) };
}
