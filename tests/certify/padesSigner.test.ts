// A real desk report signed by the hub's PAdES signer and checked by tools that are not ours: poppler's pdfsig
// for the signature and the document's integrity, node-forge's ASN.1 reader for the CMS's signed attributes.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../../hub/certify/cadesSignedData';
import { generateDemoP12, loadOrganisationCertificate, type OrganisationCertificate } from '../../hub/certify/organisationCertificate';
import { MAX_PDF_BYTES, signPdf } from '../../hub/certify/padesSigner';
import { createPdfRenderer } from '../../electron/desk/reports/renderPdf';
import { byteRange, deskReportPdf, essCertIdV2Hashes, pdfsig, signedAttributes, tamperedInSignedRange } from './support/certify.testkit';

const SIGNED_AT = new Date('2030-03-07T12:30:00.000Z');

describe('PAdES signature of a certified report', { timeout: 60_000 }, () => {
  const renderer = createPdfRenderer();
  let certificate: OrganisationCertificate;
  let report: Buffer;
  let signed: Buffer;
  beforeAll(async () => {
    const loaded = loadOrganisationCertificate({ p12Path: null, passphrase: '', demoP12Path: null, now: SIGNED_AT });
    if (!loaded.ok) throw new Error(loaded.message);
    certificate = loaded.certificate;
    report = await deskReportPdf(renderer);
    const outcome = await signPdf({ pdf: report, signingTime: SIGNED_AT, reason: 'test' }, certificate);
    if (!outcome.ok) throw new Error(outcome.message);
    signed = outcome.pdf;
  }, 60_000);
  afterAll(() => renderer.close());

  it('signs a desk report so that pdfsig finds an ETSI.CAdES.detached signature, valid over the whole document', () => {
    const verdict = pdfsig(signed);
    expect(verdict, verdict.output).toMatchObject({ valid: true, subFilter: 'ETSI.CAdES.detached', wholeDocument: true });
    const [start, , secondStart, secondLength] = byteRange(signed);
    expect(start).toBe(0);
    expect(secondStart + secondLength).toBe(signed.byteLength);
  });

  it('puts content-type, message-digest and signing-certificate-v2 of the signing certificate in the CMS, and no signing-time', () => {
    const attributes = signedAttributes(signed);
    expect(attributes.map((a) => a.type).sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(attributes.some((a) => a.type === OID.signingTime)).toBe(false);
    const v2 = attributes.find((a) => a.type === OID.signingCertificateV2);
    if (!v2) throw new Error('no signing-certificate-v2');
    expect(essCertIdV2Hashes(v2.value)).toEqual([createHash('sha256').update(certificate.certificateDer).digest('hex')]);
  });

  it('records the signing time in the signature dictionary instead', () => {
    expect(signed.toString('latin1')).toMatch(/\/M \(D:20300307123000Z\)/);
  });

  it('lets pdfsig detect a document changed by one byte inside the signed range', () => {
    const verdict = pdfsig(tamperedInSignedRange(signed));
    expect(verdict, verdict.output).toMatchObject({ valid: false, digestMismatch: true });
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(signPdf({ pdf: Buffer.from('<html>not a report</html>'), signingTime: SIGNED_AT, reason: 'test' }, certificate)).resolves.toMatchObject({ ok: false, code: 'NOT_A_PDF' });
  });

  it('refuses a PDF above the size limit before reading it', async () => {
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_PDF_BYTES)]);
    await expect(signPdf({ pdf: huge, signingTime: SIGNED_AT, reason: 'test' }, certificate)).resolves.toMatchObject({ ok: false, code: 'PDF_TOO_LARGE' });
  });

  it('refuses a damaged PDF with a typed reason', async () => {
    await expect(signPdf({ pdf: report.subarray(0, 200), signingTime: SIGNED_AT, reason: 'test' }, certificate)).resolves.toMatchObject({ ok: false, code: 'PDF_UNREADABLE' });
  });
});

describe('the organisation certificate', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'imi-org-cert-'));

  it('generates the demo certificate at first start, saves it as a P12 and reuses it afterwards', () => {
    const demoP12Path = path.join(dir, 'certify', 'demo.p12');
    const first = loadOrganisationCertificate({ p12Path: null, passphrase: '', demoP12Path, now: SIGNED_AT });
    const second = loadOrganisationCertificate({ p12Path: null, passphrase: '', demoP12Path, now: SIGNED_AT });
    if (!first.ok || !second.ok) throw new Error('demo certificate not loaded');
    expect(first.generated).toBe(true);
    expect(second.generated).toBeUndefined();
    expect(second.certificate.certificateDer.equals(first.certificate.certificateDer)).toBe(true);
    expect(first.certificate.commonName).toBe('IMI Hub (demo)');
    expect(readFileSync(demoP12Path).byteLength).toBeGreaterThan(1000);
  });

  it('loads a configured P12 and refuses it with the wrong passphrase', () => {
    const p12Path = path.join(dir, 'organisation.p12');
    writeFileSync(p12Path, generateDemoP12('s3cret passphrase', SIGNED_AT));
    expect(loadOrganisationCertificate({ p12Path, passphrase: 's3cret passphrase', demoP12Path: null, now: SIGNED_AT })).toMatchObject({ ok: true });
    expect(loadOrganisationCertificate({ p12Path, passphrase: 'wrong', demoP12Path: null, now: SIGNED_AT })).toMatchObject({ ok: false, code: 'P12_WRONG_PASSPHRASE' });
    expect(loadOrganisationCertificate({ p12Path: path.join(dir, 'missing.p12'), passphrase: '', demoP12Path: null, now: SIGNED_AT })).toMatchObject({ ok: false, code: 'P12_UNREADABLE' });
  });
});
