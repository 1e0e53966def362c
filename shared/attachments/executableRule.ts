// The one rule for "executable attachment" (SPEC §5.6), shared by the hub (before it stores an upload) and the desk
// (before it stages one): by the bytes (file-type's detection, a "#!" script line, a DOS/PE "MZ" header) and by the
// name. Both, because each misses what the other sees: a renamed program ("report.pdf" that is a PE file) is caught
// only by the bytes, scripts (.bat, .ps1, .vbs, .js …) only by the name, which decides how a system opens the file.
// Pure: the caller runs file-type on its file or buffer and hands over the detected extension and the first bytes.

/** file-type's names for binary formats that run code or install software. */
export const EXECUTABLE_FILE_TYPES: ReadonlySet<string> = new Set([
  'exe', 'elf', 'macho', 'swf', 'wasm', 'class', 'jar', 'apk', 'crx', 'xpi', 'deb', 'rpm', 'dmg', 'cab', 'lnk', 'reg', 'chm', 'asar',
]);

/** File-name extensions that the recipient's system would run when opened. */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
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

/** What the bytes say, given file-type's detected extension (if any) and at least the first two bytes of the file. */
export function executableByContent(detectedExt: string | undefined, head: Uint8Array): ExecutableFinding | undefined {
  if (detectedExt !== undefined && EXECUTABLE_FILE_TYPES.has(detectedExt)) return { by: 'content', detected: detectedExt };
  const magic = String.fromCharCode(head[0] ?? 0, head[1] ?? 0);
  if (magic === '#!') return { by: 'content', detected: 'script' };
  if (magic === 'MZ') return { by: 'content', detected: 'exe' };
  return undefined;
}

/** Both checks; the content finding wins. */
export function executableFinding(fileName: string, detectedExt: string | undefined, head: Uint8Array): ExecutableFinding | undefined {
  return executableByContent(detectedExt, head) ?? executableByName(fileName);
}
