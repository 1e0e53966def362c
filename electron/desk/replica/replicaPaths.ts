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

/** The value `safeSegment` encoded (e.g. a case id from the name of its cache folder); undefined for a name it cannot have made. */
export function segmentValue(segment: string): string | undefined {
  if (!/^(?:[A-Za-z0-9.-]|_[0-9a-f]{2})+$/.test(segment)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < segment.length;) {
    if (segment[i] === '_') { bytes.push(parseInt(segment.slice(i + 1, i + 3), 16)); i += 3; } else { bytes.push(segment.charCodeAt(i)); i += 1; }
  }
  try {
    const value = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    return safeSegment(value) === segment ? value : undefined;
  } catch {
    return undefined;
  }
}

export interface ReplicaLocation {
  /** The SQLite file. */
  file: string;
  /** Cached attachment files of this replica, one folder per case. */
  filesDir: string;
  /** Attachments handed over by the user and not yet on the hub (electron/desk/attachments/uploadStaging.ts). */
  uploadsDir: string;
  /** This user's "My reports" (SPEC §10), kept 30 days. */
  reportsDir: string;
}

export function replicaLocation(dataDir: string, hubHost: string, userId: string): ReplicaLocation {
  const dir = join(dataDir, 'replicas', safeSegment(hubHost));
  const base = safeSegment(userId);
  return {
    file: join(dir, `${base}.sqlite`), filesDir: join(dir, `${base}.files`), uploadsDir: join(dir, `${base}.uploads`), reportsDir: join(dir, `${base}.reports`),
  };
}
