// A kept report's PDF, read from the desk in base64 pieces and handed to the browser: open, save, print.
import type { TRPCClient } from '@trpc/client';
import type { DeskRouter } from '../api/trpc';

export async function readReportPdf(client: TRPCClient<DeskRouter>, id: string): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const piece = await client.reports.read.query({ id, offset });
    const binary = atob(piece.bytes);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
    offset += bytes.length;
    if (piece.eof || bytes.length === 0) break;
  }
  return new Blob(parts, { type: 'application/pdf' });
}

/** Opens the PDF in the browser's (or the Electron shell's) viewer, in a new window. */
export function openPdf(pdf: Blob): void {
  const url = URL.createObjectURL(pdf);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Save as": the browser's download of the file under a readable name. */
export function savePdf(pdf: Blob, fileName: string): void {
  const url = URL.createObjectURL(pdf);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Prints through the browser: the PDF in a hidden frame, then that frame's window.print(). */
export function printPdf(pdf: Blob): void {
  const url = URL.createObjectURL(pdf);
  const frame = document.createElement('iframe');
  frame.className = 'visually-hidden';
  frame.title = 'print';
  frame.src = url;
  frame.addEventListener('load', () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => { frame.remove(); URL.revokeObjectURL(url); }, 60_000);
  });
  document.body.append(frame);
}
