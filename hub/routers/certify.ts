// `certifyRouter`: the hub signs a report PDF the desk generated (PAdES, the organisation certificate) and returns it.
import { z } from 'zod';
import { ReportType } from '../../shared/reports/reportTypes';
import { CaseId } from '../../shared/request/requestCase';
import { certifyReport } from '../certify/certifyService';
import { authedProcedure, router, unwrap } from '../trpc';

/**
 * The largest report certified in one call. The hub's HTTP body limit (config.maxBodyBytes, 2 MiB) must hold its
 * base64 (4/3 larger) plus the JSON around it; desk reports are far smaller (a full report is tens of kilobytes).
 */
export const MAX_CERTIFY_PDF_BYTES = 1_280 * 1024;

const Base64Pdf = z.string().min(1).max(Math.ceil(MAX_CERTIFY_PDF_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const certifyRouter = router({
  sign: authedProcedure
    .input(z.object({ caseId: CaseId, reportType: ReportType, pdf: Base64Pdf }))
    .mutation(async ({ ctx, input }) => {
      const certified = unwrap(await certifyReport(ctx, ctx.session.user, { caseId: input.caseId, reportType: input.reportType, pdf: Buffer.from(input.pdf, 'base64') }));
      return { pdf: certified.pdf.toString('base64'), signedAt: certified.signedAt.toISOString() };
    }),
});
