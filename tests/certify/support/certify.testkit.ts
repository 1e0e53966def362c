// Helpers for certified-report tests: a real report rendered by the desk's pdfmake renderer, poppler's pdfsig as
// the independent verifier, and the CMS read back out of a signed PDF's /Contents with node-forge.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import type { PdfRenderer } from '../../../electron/desk/reports/renderPdf';
import { buildRequestReport } from '../../../electron/desk/reports/requestReport';
import type { ReportType } from '../../../electron/desk/reports/reportTypes';
import { reportAnsweredCase, reportDirectory, reportReference, viewOf } from '../../../electron/desk/reports/reports.testkit';

/** A report exactly as the desk produces it: the answered fixture request, seen by its requester. */
export async function deskReportPdf(renderer: PdfRenderer, type: ReportType = 'FULL_WITH_PD'): Promise<Buffer> {
  const b = reportAnsweredCase();
  const built = buildRequestReport({
    view: viewOf(b, b.c, `${b.requester}:handler`), type, language: 'en', reference: reportReference(), directory: reportDirectory(b.w),
    generatedBy: 'Ana Test', now: new Date('2030-03-07T12:00:00.000Z'),
  });
  if (!built.ok) throw new Error(`report refused: ${JSON.stringify(built.refusal)}`);
  const rendered = await renderer.render(built.document);
  if (!rendered.ok) throw new Error(`render failed: ${rendered.message}`);
  return rendered.pdf;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'imi-certify-'));
let files = 0;

/** What poppler's pdfsig says of a PDF (it answers 0 for valid and broken signatures alike, so read its text). */
export function pdfsig(pdf: Buffer): { valid: boolean; digestMismatch: boolean; subFilter: string | undefined; wholeDocument: boolean; output: string } {
  const file = path.join(scratch, `${(files += 1)}.pdf`);
  writeFileSync(file, pdf);
  const output = execFileSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
  return {
    valid: /Signature Validation: Signature is Valid\./.test(output),
    digestMismatch: /Signature Validation: Digest Mismatch\./.test(output),
    subFilter: /Signature Type: (\S+)/.exec(output)?.[1],
    wholeDocument: /Total document signed/.test(output),
    output,
  };
}

/** The signed PDF's /ByteRange. */
export function byteRange(pdf: Buffer): [number, number, number, number] {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no /ByteRange');
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
}

export interface SignedAttribute {
  type: string;
  value: forge.asn1.Asn1;
}

/** The signer's signed attributes, read from the CMS in the gap between the two byte ranges. */
export function signedAttributes(pdf: Buffer): SignedAttribute[] {
  const [, firstLength, secondStart] = byteRange(pdf);
  const hex = pdf.subarray(firstLength + 1, secondStart - 1).toString('latin1');
  const der = forge.util.hexToBytes(hex.replace(/(00)+$/, ''));
  // Trailing zero padding fills the placeholder; the DER parser reads just the one structure at the start.
  const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(der), false);
  const signedData = childAt(childAt(contentInfo, 1), 0);
  const signerInfos = childrenOf(signedData).at(-1);
  const signerInfo = childAt(signerInfos, 0);
  const attributes = childrenOf(signerInfo).find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  return childrenOf(attributes).map((attribute) => ({
    type: forge.asn1.derToOid(childAt(attribute, 0).value as string),
    value: childAt(childAt(attribute, 1), 0),
  }));
}

function childrenOf(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new Error('unexpected CMS structure');
  return node.value;
}

function childAt(node: forge.asn1.Asn1 | undefined, index: number): forge.asn1.Asn1 {
  const child = childrenOf(node)[index];
  if (!child) throw new Error('unexpected CMS structure');
  return child;
}

/** The certificate hashes of a signing-certificate-v2 attribute's ESSCertIDv2 entries. */
export function essCertIdV2Hashes(value: forge.asn1.Asn1): string[] {
  return childrenOf(childAt(value, 0)).map((essCertId) => {
    const hash = childrenOf(essCertId).find((n) => n.type === forge.asn1.Type.OCTETSTRING);
    return forge.util.bytesToHex(hash?.value as string);
  });
}

/** The same PDF with one byte flipped inside the first signed range (in the header's binary comment, so it still parses). */
export function tamperedInSignedRange(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('\n%', 0, 'latin1') + 2;
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}
