// Renders report documents to PDF bytes in a worker thread (pdfmake on the Node side). One worker is started
// on first use and reused; failures come back as values with stable codes.
import { Worker } from 'node:worker_threads';
import type { ReportDocument } from './reportDocument';

export type RenderResult =
  | { ok: true; pdf: Buffer }
  | { ok: false; code: 'RENDER_FAILED' | 'RENDERER_CLOSED' | 'RENDERER_CRASHED'; message: string };

export interface PdfRenderer {
  render(document: ReportDocument): Promise<RenderResult>;
  /**
   * Starts the worker and lays out a one-line document, so that the first real report does not pay for
   * loading pdfmake and parsing the fonts (about 3 s here). Call it once the desk has started.
   */
  warmUp(): Promise<void>;
  /** Stops the worker; pending renders resolve with `RENDERER_CLOSED`. */
  close(): Promise<void>;
}

type Reply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; message: string };

const WORKER_URL = new URL('./renderWorker.mjs', import.meta.url);

export function createPdfRenderer(): PdfRenderer {
  let worker: Worker | undefined;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, (result: RenderResult) => void>();

  const failAll = (code: 'RENDERER_CLOSED' | 'RENDERER_CRASHED', message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, code, message });
    pending.clear();
  };

  const start = (): Worker => {
    const w = new Worker(WORKER_URL);
    w.on('message', (reply: Reply) => {
      const resolve = pending.get(reply.id);
      if (!resolve) return;
      pending.delete(reply.id);
      resolve(reply.ok ? { ok: true, pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength) } : { ok: false, code: 'RENDER_FAILED', message: reply.message });
    });
    w.on('error', (error) => {
      worker = undefined;
      failAll('RENDERER_CRASHED', error.message);
    });
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      if (pending.size > 0) failAll(closed ? 'RENDERER_CLOSED' : 'RENDERER_CRASHED', 'the render worker stopped');
    });
    // Rendering is on demand: an idle renderer must not keep the desk process alive.
    w.unref();
    return w;
  };

  return {
    render(document) {
      if (closed) return Promise.resolve({ ok: false, code: 'RENDERER_CLOSED', message: 'the renderer was closed' });
      worker ??= start();
      const id = nextId++;
      const target = worker;
      return new Promise<RenderResult>((resolve) => {
        pending.set(id, resolve);
        target.ref();
        target.postMessage({ id, document });
      }).finally(() => {
        if (pending.size === 0) worker?.unref();
      });
    },
    async warmUp() {
      await this.render({ definition: { content: ' ', defaultStyle: { font: 'Roboto' } }, footer: { left: '', pageTemplate: '' } });
    },
    async close() {
      closed = true;
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
      failAll('RENDERER_CLOSED', 'the renderer was closed');
    },
  };
}

/** Renders one document with a short-lived worker; for callers that print rarely. */
export async function renderPdf(document: ReportDocument): Promise<RenderResult> {
  const renderer = createPdfRenderer();
  try {
    return await renderer.render(document);
  } finally {
    await renderer.close();
  }
}
