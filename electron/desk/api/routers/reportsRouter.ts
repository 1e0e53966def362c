// `reports.*` (SPEC §10): which report types this user may produce for a request, generating one into My reports
// (kept 30 days), listing, reading (base64 chunks), deleting, and certifying a kept report by the hub (online).
import { z } from 'zod';
import { LanguageCode } from '../../../../shared/reference/codes';
import { ReportSection, ReportType } from '../../../../shared/reports/reportTypes';
import { REPORT_CHUNK_BYTES } from '../../reports/deskReports';
import { listenerStream } from '../listenerStream';
import { router, signedInProcedure, unwrap } from '../trpc';

const RequestId = z.string().min(1).max(64);
const ReportId = z.uuid();

export const reportsRouter = router({
  allowedTypes: signedInProcedure
    .input(z.object({ requestId: RequestId }))
    .query(({ ctx, input }) => unwrap(ctx.signedIn.reports.allowedTypes(input.requestId))),

  /** Resolves when the PDF is rendered and kept (seconds for the first report); `jobs` lists what is still rendering. */
  generate: signedInProcedure
    .input(z.object({
      requestId: RequestId,
      type: ReportType,
      language: LanguageCode,
      sections: z.array(ReportSection).max(ReportSection.options.length).optional(),
      customWithPersonalData: z.boolean().optional(),
    }).superRefine((input, ctx) => {
      // Sections and the personal-data switch belong to CUSTOM: another type would silently ignore them.
      if (input.type === 'CUSTOM') return;
      if (input.sections !== undefined) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'only for a CUSTOM report' });
      if (input.customWithPersonalData !== undefined) ctx.addIssue({ code: 'custom', path: ['customWithPersonalData'], message: 'only for a CUSTOM report' });
    }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.signedIn.reports.generate(input))),

  jobs: signedInProcedure.query(({ ctx }) => ctx.signedIn.reports.jobs()),

  /** The running generations now, then at every start and end of one (a progress indicator that survives a reload). */
  onJobs: signedInProcedure.subscription(({ ctx, signal }) => {
    const { reports } = ctx.signedIn;
    return listenerStream(reports.jobs(), (listener) => reports.onJobs(listener), signal);
  }),

  /** My reports, newest first (each with the date it expires). */
  list: signedInProcedure.query(({ ctx }) => ctx.signedIn.reports.list()),

  read: signedInProcedure
    .input(z.object({ id: ReportId, offset: z.number().int().min(0).default(0), length: z.number().int().min(1).max(REPORT_CHUNK_BYTES).default(REPORT_CHUNK_BYTES) }))
    .query(({ ctx, input }) => unwrap(ctx.signedIn.reports.read(input.id, input.offset, input.length))),

  delete: signedInProcedure
    .input(z.object({ id: ReportId }))
    .mutation(({ ctx, input }) => unwrap(ctx.signedIn.reports.delete(input.id))),

  /** Signed by the hub and kept in My reports as a new, certified report (the original stays). Online only. */
  certify: signedInProcedure
    .input(z.object({ id: ReportId }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.signedIn.reports.certify(input.id))),
});
