// Signs a PDF for a certified report, aiming at PAdES baseline B-B: pdf-lib re-saves it with a
// signature field whose dictionary says SubFilter ETSI.CAdES.detached and carries the signing time as /M, then
// @signpdf fills the /ByteRange and /Contents with the CMS of cadesSignedData.ts.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { cadesDetachedSignature } from './cadesSignedData';
import type { OrganisationCertificate } from './organisationCertificate';

/** Reports are a few hundred kilobytes; anything near this is not one of ours. */
export const MAX_PDF_BYTES = 25 * 1024 * 1024;
/** Room for the CMS in /Contents: an RSA-3072 signature and one certificate fit in well under half of it. */
const SIGNATURE_LENGTH = 8192;

export type SignRefusalCode = 'NOT_A_PDF' | 'PDF_TOO_LARGE' | 'PDF_UNREADABLE' | 'SIGNING_FAILED';
export type SignOutcome = { ok: true; pdf: Buffer } | { ok: false; code: SignRefusalCode; message: string };

/** The Signer @signpdf calls with the /ByteRange bytes; `signingTime` is ignored on purpose (it is in /M, see above). */
export class CadesSigner extends Signer {
  constructor(private readonly certificate: OrganisationCertificate) {
    super();
  }

  override sign(content: Buffer): Promise<Buffer> {
    return Promise.resolve(cadesDetachedSignature(content, this.certificate));
  }
}

export interface SignRequest {
  pdf: Buffer;
  /** Goes into the signature dictionary's /M. */
  signingTime: Date;
  /** The signature dictionary's /Reason, e.g. "Certified report FULL_WITHOUT_PD of IMI-000123". */
  reason: string;
}

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

export async function signPdf(request: SignRequest, certificate: OrganisationCertificate): Promise<SignOutcome> {
  if (request.pdf.byteLength > MAX_PDF_BYTES) return { ok: false, code: 'PDF_TOO_LARGE', message: `larger than ${MAX_PDF_BYTES} bytes` };
  if (!isPdf(request.pdf)) return { ok: false, code: 'NOT_A_PDF', message: 'the bytes do not start with %PDF-' };
  let prepared: Buffer;
  try {
    const pdfDoc = await PDFDocument.load(request.pdf, { updateMetadata: false, throwOnInvalidObject: true });
    pdflibAddPlaceholder({
      pdfDoc,
      reason: request.reason,
      contactInfo: '',
      name: certificate.commonName,
      location: '',
      signingTime: request.signingTime,
      signatureLength: SIGNATURE_LENGTH,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'IMI Hub',
    });
    // @signpdf finds the placeholder by scanning the file: object streams would hide it.
    prepared = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
  } catch (error) {
    return { ok: false, code: 'PDF_UNREADABLE', message: error instanceof Error ? error.message : String(error) };
  }
  try {
    return { ok: true, pdf: await new SignPdf().sign(prepared, new CadesSigner(certificate), request.signingTime) };
  } catch (error) {
    return { ok: false, code: 'SIGNING_FAILED', message: error instanceof Error ? error.message : String(error) };
  }
}
