// Certified reports (SPEC §10): the hub signs a report the desk generated, for a user who sees the case at a level
// that allows that report type, and keeps an audit entry of what it signed for whom.
import { createHash } from 'node:crypto';
import { allowedReportTypes, type ReportType } from '../../shared/reports/reportTypes';
import { visibilityLevel } from '../../shared/request/visibility';
import type { User } from '../../shared/user/user';
import { audit } from '../audit';
import type { HubDeps } from '../deps';
import { ok, refusal, type Outcome, type Refusal } from '../errors';
import { loadCase } from '../requests/caseStore';
import { loadDirectory } from '../requests/directory';
import { EMPTY_REFERENCE } from '../requests/referenceLookup';
import { signPdf, type SignRefusalCode } from './padesSigner';

export interface CertifyInput {
  caseId: string;
  reportType: ReportType;
  pdf: Buffer;
}

export interface CertifiedReport {
  pdf: Buffer;
  signedAt: Date;
}

/** The signer's refusals as hub reasons; a failure inside the signer stays INTERNAL (its code kept for the log). */
function fromSigner(code: SignRefusalCode): Refusal {
  switch (code) {
    case 'PDF_TOO_LARGE': return refusal('PAYLOAD_TOO_LARGE', { certify: code });
    case 'NOT_A_PDF': return refusal('NOT_A_PDF');
    case 'PDF_UNREADABLE': return refusal('PDF_UNREADABLE');
    case 'SIGNING_FAILED': return refusal('INTERNAL', { certify: code });
  }
}

export async function certifyReport(deps: HubDeps, user: User, input: CertifyInput): Promise<Outcome<CertifiedReport>> {
  if (!deps.organisationCertificate) return refusal('SIGNING_UNAVAILABLE');
  const c = await loadCase(deps.db, input.caseId);
  const directory = await loadDirectory(deps.db, deps.reference ?? EMPTY_REFERENCE, []);
  // The same level the hub masks the case's data at: a user may certify only a report they could have generated.
  const level = c ? visibilityLevel(c, user, directory) : 'NONE';
  if (!c || level === 'NONE') return refusal('CASE_NOT_FOUND');
  if (!allowedReportTypes(level).includes(input.reportType)) {
    return refusal('REPORT_TYPE_NOT_ALLOWED', { reportType: input.reportType, visibilityLevel: level, allowed: [...allowedReportTypes(level)] });
  }
  const signedAt = deps.clock.now();
  // The hub cannot re-derive the desk's PDF, so the signature vouches for who asked and for which case and type,
  // and the audit entry keeps the fingerprint of exactly what was signed.
  const signed = await signPdf({
    pdf: input.pdf,
    signingTime: signedAt,
    reason: `IMI certified report ${input.reportType} of request ${c.entryNumber ?? c.id}`,
  }, deps.organisationCertificate);
  if (!signed.ok) return fromSigner(signed.code);
  await audit(deps.db, {
    at: signedAt,
    actorUserId: user.id,
    action: 'certifyReport',
    authorityId: user.authorityId,
    details: {
      caseId: c.id, reportType: input.reportType, visibilityLevel: level,
      size: signed.pdf.byteLength, sha256: createHash('sha256').update(signed.pdf).digest('hex'),
    },
  });
  return ok({ pdf: signed.pdf, signedAt });
}
