import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openMyReports } from './myReports';
import type { NewReport } from './myReports';

const DAY = 24 * 60 * 60 * 1000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function store(start = '2030-03-01T09:00:00.000Z') {
  const directory = mkdtempSync(join(tmpdir(), 'my-reports-'));
  dirs.push(directory);
  let now = new Date(start);
  const reports = openMyReports({ directory, clock: () => now });
  return { directory, reports, advance: (days: number) => (now = new Date(now.getTime() + days * DAY)) };
}

const report = (overrides: Partial<NewReport> = {}): NewReport => ({ type: 'FULL_WITH_PD', caseId: 'case-1', entryNumber: 63351, language: 'hu', ...overrides });
const pdf = (text: string) => Buffer.from(`%PDF-1.7 ${text}`);

describe('My reports', () => {
  it('keeps each report with its type, request, language and date, and opens it by id', () => {
    const { reports } = store();
    const saved = reports.save(report({ type: 'CONSENT_FORM', entryNumber: null }), pdf('one'));
    expect(saved).toMatchObject({ type: 'CONSENT_FORM', caseId: 'case-1', entryNumber: null, language: 'hu', createdAt: '2030-03-01T09:00:00.000Z' });
    const opened = reports.open(saved.id);
    expect(opened.ok && opened.pdf.toString()).toBe('%PDF-1.7 one');
  });

  it('lists reports newest first', () => {
    const { reports, advance } = store();
    const first = reports.save(report(), pdf('1'));
    advance(1);
    const second = reports.save(report({ caseId: 'case-2' }), pdf('2'));
    expect(reports.list().map((r) => r.id)).toEqual([second.id, first.id]);
  });

  it('answers REPORT_NOT_FOUND for an unknown id', () => {
    const { reports } = store();
    expect(reports.open('00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, code: 'REPORT_NOT_FOUND' });
  });

  it('keeps a report for 30 days and deletes its file and entry after that', () => {
    const { directory, reports, advance } = store();
    const old = reports.save(report(), pdf('old'));
    advance(29);
    const young = reports.save(report(), pdf('young'));
    expect(reports.purgeExpired()).toEqual([]);
    advance(1);
    expect(reports.purgeExpired()).toEqual([old.id]);
    expect(existsSync(reports.pathOf(old))).toBe(false);
    expect(reports.list().map((r) => r.id)).toEqual([young.id]);
    expect(readdirSync(directory).sort()).toEqual([`${young.id}.pdf`, 'index.json'].sort());
  });

  it('never offers an expired report, even before the purge runs', () => {
    const { reports, advance } = store();
    const old = reports.save(report(), pdf('old'));
    advance(31);
    expect(reports.list()).toEqual([]);
    expect(reports.open(old.id)).toEqual({ ok: false, code: 'REPORT_NOT_FOUND' });
  });

  it('purges what expired while the desk was closed when the store is opened again', () => {
    const { directory, reports } = store();
    const old = reports.save(report(), pdf('old'));
    const later = openMyReports({ directory, clock: () => new Date('2030-04-15T00:00:00.000Z') });
    expect(later.list()).toEqual([]);
    expect(existsSync(later.pathOf(old))).toBe(false);
  });
});
