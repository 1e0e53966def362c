// Worker thread that renders report documents to PDF with pdfmake, so that laying out a long report never
// blocks the desk service's event loop. Plain JavaScript: a worker entry must load without a TS loader.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake');
const roboto = require('pdfmake/fonts/Roboto');

// Roboto as shipped in pdfmake covers Latin with every EU diacritic (incl. Maltese ħ ġ ż, Romanian ș ț,
// Baltic ą ė ų ā ē ī ū ķ ļ ņ), Greek and Cyrillic; the tests render and extract these back.
pdfmake.setFonts(roboto);
const fontFiles = new Set(Object.values(roboto.Roboto));
// Document definitions come from our builder, but no report may ever fetch anything: no remote images or
// fonts, and no local file except the bundled fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));

/**
 * @param {{ left: string, pageTemplate: string }} spec
 * @returns {(currentPage: number, pageCount: number) => object}
 */
function footerFrom(spec) {
  return (currentPage, pageCount) => ({
    columns: [
      { text: spec.left, alignment: 'left' },
      { text: spec.pageTemplate.replace('{page}', String(currentPage)).replace('{pages}', String(pageCount)), alignment: 'right', width: 'auto' },
    ],
    fontSize: 8,
    color: '#666666',
    margin: [40, 16, 40, 0],
  });
}

/**
 * Moves a heading that would end a page to the next one, so it stays with the text it introduces
 * (pdfmake takes this rule as a function too, so it lives here with the footer).
 * @param {{ headlineLevel?: number }} node
 * @param {{ getFollowingNodesOnPage: () => unknown[] }} context
 */
function keepHeadingsWithText(node, context) {
  return node.headlineLevel !== undefined && context.getFollowingNodesOnPage().length === 0;
}

parentPort?.on('message', async (message) => {
  const { id, document } = message;
  try {
    const definition = { ...document.definition, footer: footerFrom(document.footer), pageBreakBefore: keepHeadingsWithText };
    const buffer = await pdfmake.createPdf(definition).getBuffer();
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
    parentPort?.postMessage({ id, ok: true, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
