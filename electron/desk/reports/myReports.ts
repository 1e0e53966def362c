// "My reports" (SPEC §10): every generated report kept as a file under one directory with a small JSON
// index of its own, listed newest first, opened by id, and deleted 30 days after it was made.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LanguageCode } from '../../../shared/reference/codes';
import { ReportType } from './reportTypes';

export const RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const INDEX_FILE = 'index.json';

export const StoredReport = z.object({
  id: z.uuid(),
  type: ReportType,
  caseId: z.string(),
  /** Null while the request has no entry number yet ("number pending"). */
  entryNumber: z.number().int().positive().nullable(),
  language: LanguageCode,
  createdAt: z.iso.datetime(),
  fileName: z.string().regex(/^[0-9a-f-]+\.pdf$/),
  size: z.number().int().nonnegative(),
  /** Signed by the hub (a certified report); reports kept before this flag existed read as not certified. */
  certified: z.boolean().default(false),
});
export type StoredReport = z.infer<typeof StoredReport>;
const Index = z.object({ version: z.literal(1), reports: z.array(StoredReport) });

export type NewReport = Pick<StoredReport, 'type' | 'caseId' | 'entryNumber' | 'language'> & Partial<Pick<StoredReport, 'certified'>>;

export type OpenResult = { ok: true; report: StoredReport; pdf: Buffer } | { ok: false; code: 'REPORT_NOT_FOUND' };

export interface MyReports {
  save(report: NewReport, pdf: Buffer): StoredReport;
  /** Reports still kept, newest first. */
  list(): StoredReport[];
  open(id: string): OpenResult;
  /** Deletes one report (file and index entry); false when there is no such report. */
  delete(id: string): boolean;
  /** Deletes the reports made more than 30 days before `now`; returns their ids. */
  purgeExpired(now?: Date): string[];
  /** Where a report's file lives (for "save as" and printing by the shell). */
  pathOf(report: StoredReport): string;
}

export interface MyReportsOptions {
  /** The user's own reports directory; created when missing. */
  directory: string;
  clock?: () => Date;
}

export function openMyReports({ directory, clock = () => new Date() }: MyReportsOptions): MyReports {
  mkdirSync(directory, { recursive: true });
  const indexPath = join(directory, INDEX_FILE);

  const read = (): StoredReport[] => {
    let raw: string;
    try {
      raw = readFileSync(indexPath, 'utf8');
    } catch {
      return [];
    }
    // A damaged index must not stop the desk: the files stay on disk and the next save starts a new list.
    const parsed = Index.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.reports : [];
  };
  const write = (reports: StoredReport[]) => {
    // Write then rename, so a crash never leaves half an index.
    const temp = `${indexPath}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, reports }, null, 1));
    renameSync(temp, indexPath);
  };
  const pathOf = (r: StoredReport) => join(directory, r.fileName);
  const expired = (r: StoredReport, now: Date) => Date.parse(r.createdAt) <= now.getTime() - RETENTION_DAYS * DAY_MS;

  const store: MyReports = {
    save(report, pdf) {
      const id = randomUUID();
      const stored = StoredReport.parse({ ...report, id, createdAt: clock().toISOString(), fileName: `${id}.pdf`, size: pdf.byteLength });
      writeFileSync(pathOf(stored), pdf);
      write([...read(), stored]);
      return stored;
    },
    list() {
      // A report past its 30 days is never offered, even before the purge has run.
      const now = clock();
      return read().filter((r) => !expired(r, now)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    open(id) {
      const report = read().find((r) => r.id === id && !expired(r, clock()));
      if (!report) return { ok: false, code: 'REPORT_NOT_FOUND' };
      try {
        return { ok: true, report, pdf: readFileSync(pathOf(report)) };
      } catch {
        return { ok: false, code: 'REPORT_NOT_FOUND' };
      }
    },
    delete(id) {
      const all = read();
      const report = all.find((r) => r.id === id);
      if (!report) return false;
      write(all.filter((r) => r !== report));
      rmSync(pathOf(report), { force: true });
      return true;
    },
    purgeExpired(now = clock()) {
      const all = read();
      const gone = all.filter((r) => expired(r, now));
      if (gone.length === 0) return [];
      for (const r of gone) rmSync(pathOf(r), { force: true });
      write(all.filter((r) => !gone.includes(r)));
      return gone.map((r) => r.id);
    },
    pathOf,
  };
  // Opening the store is the desk's start-up: clear what expired while it was not running.
  store.purgeExpired();
  return store;
}
