// Decides whether an attachment is executable (SPEC §5.6), by its bytes and by its name.
// Both, because each misses what the other sees: a renamed program ("report.pdf" that is a PE file) is caught only
// by the bytes, while scripts (.bat, .ps1, .vbs, .js …) are plain text that no byte signature recognises, so only
// the name gives them away — and the name is what decides how the recipient's system will open the file.
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/** file-type's names for binary formats that run code or install software. */
const EXECUTABLE_FILE_TYPES: ReadonlySet<string> = new Set([
  'exe', 'elf', 'macho', 'swf', 'wasm', 'class', 'jar', 'apk', 'crx', 'xpi', 'deb', 'rpm', 'dmg', 'cab', 'lnk', 'reg', 'chm', 'asar',
]);

/** File-name extensions that the recipient's system would run when opened. */
const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'bat', 'cmd', 'com', 'scr', 'ps1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'hta', 'jar', 'sh', 'app', 'dll', 'exe', 'msi', 'msp', 'pif', 'cpl', 'lnk', 'reg',
]);

export type ExecutableFinding =
  | { by: 'content'; detected: string }
  | { by: 'name'; extension: string };

/** What the name alone says; checked when an upload begins, so a script is refused before its bytes are sent. */
export function executableByName(fileName: string): ExecutableFinding | undefined {
  // The last extension is the one a system opens the file by; trailing dots and spaces are dropped as Windows
  // drops them, so "run.exe. " counts as .exe.
  const name = fileName.trim().replace(/[. ]+$/, '').toLowerCase();
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1) : '';
  return EXECUTABLE_EXTENSIONS.has(extension) ? { by: 'name', extension } : undefined;
}

/** What the bytes say: file-type's signature detection, plus a script's "#!" line and a DOS/PE "MZ" header. */
export async function executableByContent(filePath: string): Promise<{ finding?: ExecutableFinding; mediaType?: string }> {
  const type = await fileTypeFromFile(filePath);
  if (type && EXECUTABLE_FILE_TYPES.has(type.ext)) return { finding: { by: 'content', detected: type.ext }, mediaType: type.mime };
  const head = await firstBytes(filePath, 2);
  if (head === '#!') return { finding: { by: 'content', detected: 'script' } };
  if (head === 'MZ') return { finding: { by: 'content', detected: 'exe' } };
  return type ? { mediaType: type.mime } : {};
}

async function firstBytes(filePath: string, count: number): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read({ buffer, position: 0 });
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** Both checks; the first finding wins. */
export async function inspectAttachment(filePath: string, fileName: string): Promise<{ finding?: ExecutableFinding; mediaType: string }> {
  const content = await executableByContent(filePath);
  const finding = content.finding ?? executableByName(fileName);
  return { ...(finding ? { finding } : {}), mediaType: content.mediaType ?? 'application/octet-stream' };
}
