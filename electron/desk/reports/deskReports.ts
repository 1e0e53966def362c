// Reports of the signed-in user (SPEC §10) as the local API offers them: which types this user may produce for a
// request (the shared rule over the replica's visibility level), generation from the replica's working copy by the
// pdfmake worker into My reports (30 days), reading a kept report in chunks, deleting it, and certifying it by the hub.
import { EventEmitter } from 'node:events';
import type { LanguageCode } from '../../../shared/reference/codes';
import type { VisibilityLevel } from '../../../shared/request/visibility';
import type { User } from '../../../shared/user/user';
import { deskOk, deskRefusal } from '../api/deskErrors';
import type { DeskOutcome } from '../api/deskErrors';
import { requestCertifiedReport } from '../certify/requestCertifiedReport';
import type { CertifySign } from '../certify/requestCertifiedReport';
import { readAuthority, readUser } from '../replica/directoryStore';
import type { Replica } from '../replica/openReplica';
import { readRequest } from '../replica/requestStore';
import type { MyReports, StoredReport } from './myReports';
import { RETENTION_DAYS } from './myReports';
import type { PdfRenderer } from './renderPdf';
import type { ReportReference } from './reportContext';
import { ALL_SECTIONS, allowedReportTypes } from './reportTypes';
import type { ReportSection, ReportType } from './reportTypes';
import { buildRequestReport } from './requestReport';

/** The largest piece of a report `read` returns in one call. */
export const REPORT_CHUNK_BYTES = 1024 * 1024;
const DAY_MS = 86_400_000;

export interface ReportEntry extends StoredReport {
  /** When My reports drops it (30 days after it was made). */
  expiresAt: string;
}

export interface AllowedReports {
  level: VisibilityLevel;
  types: readonly ReportType[];
  /** The sections a CUSTOM report may choose from, in print order. */
  sections: readonly ReportSection[];
  /** Whether a CUSTOM report may print personal data (only at FULL). */
  customMayPrintPersonalData: boolean;
}

export interface GenerateReport {
  requestId: string;
  type: ReportType;
  language: LanguageCode;
  sections?: readonly ReportSection[] | undefined;
  /** CUSTOM at FULL: false leaves personal data out (asterisks). Default true. */
  customWithPersonalData?: boolean | undefined;
}

/** A generation in progress (the pdfmake worker takes seconds for the first report of a session). */
export interface ReportJob {
  jobId: string;
  requestId: string;
  type: ReportType;
  language: LanguageCode;
  startedAt: string;
}

export interface DeskReports {
  allowedTypes(requestId: string): DeskOutcome<AllowedReports>;
  generate(input: GenerateReport, onStarted?: (job: ReportJob) => void): Promise<DeskOutcome<ReportEntry>>;
  /** Generations still running. */
  jobs(): ReportJob[];
  /** Listeners hear the running generations at every start and end of one. */
  onJobs(listener: (jobs: ReportJob[]) => void): () => void;
  list(): ReportEntry[];
  read(id: string, offset: number, length: number): DeskOutcome<{ report: ReportEntry; bytes: string; size: number; eof: boolean }>;
  delete(id: string): DeskOutcome<{ deleted: true }>;
  certify(id: string): Promise<DeskOutcome<{ report: ReportEntry; signedAt: string }>>;
}

export interface DeskReportsOptions {
  replica: Pick<Replica, 'db'>;
  user: User;
  renderer: PdfRenderer;
  reference: ReportReference;
  myReports: MyReports;
  /** The hub's certify.sign with this user's session; null after an offline log-in. */
  sign: CertifySign | null;
  now: () => Date;
  /** IANA zone printed times use; UTC by default so a report does not depend on the host. */
  timeZone?: string;
}

const entryOf = (r: StoredReport): ReportEntry => ({ ...r, expiresAt: new Date(Date.parse(r.createdAt) + RETENTION_DAYS * DAY_MS).toISOString() });

export function createDeskReports(options: DeskReportsOptions): DeskReports {
  const { replica, user, myReports } = options;
  const running = new Map<string, ReportJob>();
  const events = new EventEmitter();
  const changed = () => events.emit('jobs', [...running.values()]);
  let nextJob = 1;
  const directory = {
    authority: (id: string) => readAuthority(replica.db, id),
    user: (id: string) => (id === user.id ? user : readUser(replica.db, id)),
  };
  const viewOf = (requestId: string) => readRequest(replica.db, requestId)?.data ?? null;

  return {
    allowedTypes(requestId) {
      const view = viewOf(requestId);
      if (!view) return deskRefusal('CASE_NOT_FOUND');
      return deskOk({ level: view.level, types: allowedReportTypes(view.level), sections: view.level === 'MONITORING' ? [] : ALL_SECTIONS, customMayPrintPersonalData: view.level === 'FULL' });
    },

    async generate(input, onStarted) {
      const view = viewOf(input.requestId);
      if (!view) return deskRefusal('CASE_NOT_FOUND');
      const now = options.now();
      const built = buildRequestReport({
        view, type: input.type, language: input.language, reference: options.reference, directory,
        generatedBy: `${user.name} ${user.surname}`, now,
        ...(input.sections ? { sections: input.sections } : {}),
        ...(input.customWithPersonalData !== undefined ? { customWithPersonalData: input.customWithPersonalData } : {}),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      });
      if (!built.ok) {
        const r = built.refusal;
        return r.code === 'REPORT_TYPE_NOT_ALLOWED'
          ? deskRefusal('REPORT_TYPE_NOT_ALLOWED', { type: r.type, level: r.level, allowed: [...allowedReportTypes(r.level)] })
          : deskRefusal('NO_SECTIONS_CHOSEN');
      }
      const job: ReportJob = { jobId: `report-${nextJob++}`, requestId: input.requestId, type: input.type, language: input.language, startedAt: now.toISOString() };
      running.set(job.jobId, job);
      changed();
      onStarted?.(job);
      try {
        const rendered = await options.renderer.render(built.document);
        if (!rendered.ok) return deskRefusal('REPORT_RENDER_FAILED', { code: rendered.code, message: rendered.message });
        const stored = myReports.save({ type: input.type, caseId: input.requestId, entryNumber: view.case.entryNumber, language: input.language }, rendered.pdf);
        return deskOk(entryOf(stored));
      } finally {
        running.delete(job.jobId);
        changed();
      }
    },

    jobs: () => [...running.values()],

    onJobs(listener) {
      events.on('jobs', listener);
      return () => events.off('jobs', listener);
    },

    list: () => myReports.list().map(entryOf),

    read(id, offset, length) {
      const opened = myReports.open(id);
      if (!opened.ok) return deskRefusal('REPORT_NOT_FOUND');
      const size = opened.pdf.byteLength;
      if (offset > size) return deskRefusal('RANGE_INVALID', { size });
      const end = Math.min(size, offset + Math.min(length, REPORT_CHUNK_BYTES));
      return deskOk({ report: entryOf(opened.report), bytes: opened.pdf.subarray(offset, end).toString('base64'), size, eof: end >= size });
    },

    delete(id) {
      return myReports.delete(id) ? deskOk({ deleted: true }) : deskRefusal('REPORT_NOT_FOUND');
    },

    async certify(id) {
      const opened = myReports.open(id);
      if (!opened.ok) return deskRefusal('REPORT_NOT_FOUND');
      if (!options.sign) return deskRefusal('OFFLINE');
      const { report, pdf } = opened;
      const result = await requestCertifiedReport({
        report: { type: report.type, caseId: report.caseId, entryNumber: report.entryNumber, language: report.language },
        pdf, sign: options.sign, myReports,
      });
      if (result.ok) return deskOk({ report: entryOf(result.report), signedAt: result.signedAt });
      if (result.code === 'HUB_REFUSED') return deskRefusal(result.reason, result.details);
      return deskRefusal(result.code === 'NOT_SIGNED' ? 'REPORT_NOT_SIGNED' : 'HUB_UNREACHABLE', { message: result.message });
    },
  };
}
