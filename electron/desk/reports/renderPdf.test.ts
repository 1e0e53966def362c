import { afterAll, describe, expect, it } from 'vitest';
import { createPdfRenderer } from './renderPdf';
import type { ReportDocument } from './reportDocument';
import { pdfText } from './reports.testkit';

const renderer = createPdfRenderer();
afterAll(() => renderer.close());

const doc = (content: ReportDocument['definition']['content']): ReportDocument => ({
  definition: { content, defaultStyle: { font: 'Roboto' } },
  footer: { left: 'left', pageTemplate: 'Page {page} of {pages}' },
});

describe('renderPdf', () => {
  it('renders in a worker, after a warm-up, and returns PDF bytes with the footer applied on every page', async () => {
    await renderer.warmUp();
    const result = await renderer.render(doc([{ text: 'first' }, { text: 'second', pageBreak: 'before' }]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(result.pdf);
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
  });

  it('refuses to fetch a remote image named in a document definition', async () => {
    const result = await renderer.render(doc([{ image: 'https://example.com/logo.png', width: 10 }]));
    expect(result).toMatchObject({ ok: false, code: 'RENDER_FAILED' });
    expect(!result.ok && result.message).toMatch(/denied/i);
  });

  it('refuses to read a local file named in a document definition', async () => {
    const result = await renderer.render(doc([{ image: '/etc/hostname', width: 10 }]));
    expect(result).toMatchObject({ ok: false, code: 'RENDER_FAILED' });
    expect(!result.ok && result.message).toMatch(/denied/i);
  });

  it('answers RENDERER_CLOSED after close', async () => {
    const closed = createPdfRenderer();
    await closed.close();
    expect(await closed.render(doc(['x']))).toMatchObject({ ok: false, code: 'RENDERER_CLOSED' });
  });
});
