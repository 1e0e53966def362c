// A certified report (SPEC §10): the desk sends a report it generated to the hub's `certify.sign`, and keeps the
// signed file the hub returns in My reports, marked certified. Works only online; failures come back as values.
import type { MyReports, NewReport, StoredReport } from '../reports/myReports';
import type { ReportType } from '../reports/reportTypes';

/** The hub's `certify.sign` as the desk's hub client exposes it (a tRPC mutation). */
export type CertifySign = (input: { caseId: string; reportType: ReportType; pdf: string }) => Promise<{ pdf: string; signedAt: string }>;

export type CertifiedReportResult =
  | { ok: true; report: StoredReport; signedAt: string }
  /** HUB_REFUSED carries the hub's stable reason (e.g. ROLE_REQUIRED when the report type is above the user's level). */
  | { ok: false; code: 'HUB_REFUSED'; reason: string; details?: Record<string, unknown> }
  | { ok: false; code: 'HUB_UNREACHABLE' | 'NOT_SIGNED'; message: string };

export interface CertifiedReportRequest {
  report: Omit<NewReport, 'certified'>;
  /** The PDF exactly as the desk rendered it. */
  pdf: Buffer;
  sign: CertifySign;
  myReports: MyReports;
}

/** The hub's reason (and details) from a tRPC client error, without importing the client library here. */
function hubReasonOf(error: unknown): { reason: string; details?: Record<string, unknown> } | undefined {
  const data = (error as { data?: { reason?: unknown; details?: unknown } } | null)?.data;
  if (typeof data?.reason !== 'string' || data.reason === 'INTERNAL') return undefined;
  const details = data.details !== null && typeof data.details === 'object' ? data.details as Record<string, unknown> : undefined;
  return details ? { reason: data.reason, details } : { reason: data.reason };
}

export async function requestCertifiedReport({ report, pdf, sign, myReports }: CertifiedReportRequest): Promise<CertifiedReportResult> {
  let signed: { pdf: string; signedAt: string };
  try {
    signed = await sign({ caseId: report.caseId, reportType: report.type, pdf: pdf.toString('base64') });
  } catch (error) {
    const refused = hubReasonOf(error);
    return refused ? { ok: false, code: 'HUB_REFUSED', ...refused } : { ok: false, code: 'HUB_UNREACHABLE', message: error instanceof Error ? error.message : String(error) };
  }
  const bytes = Buffer.from(signed.pdf, 'base64');
  // Only a PDF that still carries a signature is kept as certified; anything else must not be mistaken for one.
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || !bytes.includes('/ByteRange')) {
    return { ok: false, code: 'NOT_SIGNED', message: 'the hub returned no signed PDF' };
  }
  return { ok: true, report: myReports.save({ ...report, certified: true }, bytes), signedAt: signed.signedAt };
}
