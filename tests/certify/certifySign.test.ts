// `certify.sign` over real HTTP: a handler who may produce a report gets it back signed (pdfsig agrees) and audited,
// and the desk keeps it in My reports marked certified; unauthenticated calls, non-PDFs, strangers and report
// types above the caller's visibility level are refused with stable reasons.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/hub/schema';
import { requestCertifiedReport } from '../../electron/desk/certify/requestCertifiedReport';
import { openMyReports } from '../../electron/desk/reports/myReports';
import { createPdfRenderer } from '../../electron/desk/reports/renderPdf';
import { loadOrganisationCertificate } from '../../hub/certify/organisationCertificate';
import type { HubRouter } from '../../hub/router';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import { reasonOf, useApiHub, type ApiHub, type Desk } from '../hub/support/hubApi.testkit';
import { createDraft, newCaseId } from '../hub/support/requests.testkit';
import { deskReportPdf, pdfsig } from './support/certify.testkit';

describe.each(hubBackends())('certify.sign over HTTP on $name', { timeout: 60_000 }, (backend) => {
  const current = useApiHub(backend);
  const renderer = createPdfRenderer();
  let report: Buffer;
  let api: ApiHub;
  let requester: Desk;
  let responder: Desk;
  let caseId: string;
  beforeAll(async () => {
    const loaded = loadOrganisationCertificate({ p12Path: null, passphrase: '', demoP12Path: null, now: new Date() });
    if (!loaded.ok) throw new Error(loaded.message);
    // The server builds each call's context from these deps, so the certificate is seen from the next call on.
    current().hub.deps.organisationCertificate = loaded.certificate;
    report = await deskReportPdf(renderer, 'FULL_WITHOUT_PD');
  }, 60_000);
  afterAll(() => renderer.close());
  beforeEach(async () => {
    api = current();
    requester = await api.desk('it-salute-handler');
    responder = await api.desk('hu-enkk-handler');
    caseId = newCaseId();
    await requester.ok(createDraft(caseId));
    await requester.ok({ type: 'sendRequest', caseId });
  });

  it('returns the report signed for a handler who may produce it, and audits what was signed', async () => {
    const { pdf } = await requester.trpc.certify.sign.mutate({ caseId, reportType: 'FULL_WITH_PD', pdf: report.toString('base64') });
    const verdict = pdfsig(Buffer.from(pdf, 'base64'));
    expect(verdict, verdict.output).toMatchObject({ valid: true, subFilter: 'ETSI.CAdES.detached', wholeDocument: true });
    const entries = (await api.hub.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'certifyReport'), eq(auditLog.authorityId, 'it-salute'))))
      .filter((e) => e.details.caseId === caseId);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ caseId, reportType: 'FULL_WITH_PD', visibilityLevel: 'FULL' });
  });

  it('refuses a caller without a session', async () => {
    const anonymous = createTRPCClient<HubRouter>({ links: [httpLink({ url: api.server.url })] });
    expect(await reasonOf(anonymous.certify.sign.mutate({ caseId, reportType: 'FULL_WITHOUT_PD', pdf: report.toString('base64') }))).toMatchObject({ reason: 'UNAUTHENTICATED' });
  });

  it('refuses bytes that are not a PDF', async () => {
    const notPdf = Buffer.from('<html>report</html>').toString('base64');
    expect(await reasonOf(requester.trpc.certify.sign.mutate({ caseId, reportType: 'FULL_WITHOUT_PD', pdf: notPdf }))).toEqual({ reason: 'NOT_A_PDF' });
  });

  it('refuses a report with personal data to the responder before acceptance, and signs one without', async () => {
    expect(await reasonOf(responder.trpc.certify.sign.mutate({ caseId, reportType: 'FULL_WITH_PD', pdf: report.toString('base64') })))
      .toEqual({ reason: 'REPORT_TYPE_NOT_ALLOWED', details: { reportType: 'FULL_WITH_PD', visibilityLevel: 'FULL_NO_PD', allowed: ['FULL_WITHOUT_PD', 'CUSTOM'] } });
    const { pdf } = await responder.trpc.certify.sign.mutate({ caseId, reportType: 'FULL_WITHOUT_PD', pdf: report.toString('base64') });
    expect(pdfsig(Buffer.from(pdf, 'base64')).valid).toBe(true);
  });

  it('refuses with SIGNING_UNAVAILABLE when the hub has no organisation certificate', async () => {
    const certificate = api.hub.deps.organisationCertificate;
    delete api.hub.deps.organisationCertificate;
    try {
      expect(await reasonOf(requester.trpc.certify.sign.mutate({ caseId, reportType: 'FULL_WITHOUT_PD', pdf: report.toString('base64') }))).toEqual({ reason: 'SIGNING_UNAVAILABLE' });
    } finally {
      api.hub.deps.organisationCertificate = certificate;
    }
  });

  it('refuses a user who does not see the case as if it did not exist', async () => {
    const stranger = await api.desk('fr-cnom-handler');
    expect(await reasonOf(stranger.trpc.certify.sign.mutate({ caseId, reportType: 'FULL_WITHOUT_PD', pdf: report.toString('base64') }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
  });

  it('keeps the signed report in the desk\'s My reports marked certified, and a refusal keeps nothing', async () => {
    const myReports = openMyReports({ directory: mkdtempSync(path.join(os.tmpdir(), 'imi-my-reports-')) });
    const meta = { type: 'FULL_WITHOUT_PD' as const, caseId, entryNumber: null, language: 'en' as const };
    const stored = await requestCertifiedReport({ report: meta, pdf: report, sign: (input) => responder.trpc.certify.sign.mutate(input), myReports });
    if (!stored.ok) throw new Error(`not certified: ${stored.code}`);
    expect(stored.report).toMatchObject({ ...meta, certified: true });
    const opened = myReports.open(stored.report.id);
    if (!opened.ok) throw new Error('certified report not kept');
    expect(pdfsig(opened.pdf).valid).toBe(true);

    const refused = await requestCertifiedReport({ report: { ...meta, type: 'FULL_WITH_PD' }, pdf: report, sign: (input) => responder.trpc.certify.sign.mutate(input), myReports });
    expect(refused).toMatchObject({ ok: false, code: 'HUB_REFUSED', reason: 'REPORT_TYPE_NOT_ALLOWED', details: { visibilityLevel: 'FULL_NO_PD' } });
    expect(myReports.list()).toHaveLength(1);
  });
});
