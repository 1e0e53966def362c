// Decides whether an attachment is executable (SPEC §5.6), by its bytes and by its name, with the rule of
// shared/attachments/executableRule.ts (the desk applies the same rule before it stages an upload).
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { executableByContent as byContent, executableByName } from '../../shared/attachments/executableRule';
import type { ExecutableFinding } from '../../shared/attachments/executableRule';

export { executableByName };
export type { ExecutableFinding };

/** What the bytes say: file-type's signature detection, plus a script's "#!" line and a DOS/PE "MZ" header. */
export async function executableByContent(filePath: string): Promise<{ finding?: ExecutableFinding; mediaType?: string }> {
  const type = await fileTypeFromFile(filePath);
  const finding = byContent(type?.ext, await firstBytes(filePath, 2));
  if (finding) return type && finding.by === 'content' && finding.detected === type.ext ? { finding, mediaType: type.mime } : { finding };
  return type ? { mediaType: type.mime } : {};
}

async function firstBytes(filePath: string, count: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read({ buffer, position: 0 });
    return buffer.subarray(0, bytesRead);
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
