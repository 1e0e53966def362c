// Reports through the desk's local API (web mode, over HTTP as the renderer calls it) against a real hub (PGlite,
// shipped reference data, the demo organisation certificate): which types each side may produce, generation into My
// reports read back with poppler, refusals above the user's level, deletion, the 30-day retention, and certification.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../electron/desk/reports/reports.testkit';
import { loadOrganisationCertificate } from '../../hub/certify/organisationCertificate';
import { pdfsig } from '../certify/support/certify.testkit';
import { logInDemoUser, syncSettled, startWebDeskUnderTest } from '../desk/support/webDeskClient';
import type { WebDeskUnderTest } from '../desk/support/webDeskClient';
import { completeDraft } from '../sync/support/shippedCases';
import { startSyncHub } from '../sync/support/syncHub';
import type { SyncHub } from '../sync/support/syncHub';

type Client = WebDeskUnderTest['client'];
const DAY_MS = 86_400_000;

const logIn = logInDemoUser;

const settled = syncSettled;

/** The whole PDF of a kept report, read in pieces of `length` bytes as a viewer would. */
async function readReport(client: Client, id: string, length = 16 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const { bytes, eof, size } = await client.reports.read.query({ id, offset, length });
    const piece = Buffer.from(bytes, 'base64');
    parts.push(piece);
    offset += piece.byteLength;
    if (eof) {
      expect(offset).toBe(size);
      return Buffer.concat(parts);
    }
  }
}

const reasonOf = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    return (error as { data?: { reason?: string; details?: unknown } }).data;
  }
  throw new Error('the call was not refused');
};

describe('reports through the desk API against a real hub', { timeout: 90_000 }, () => {
  let sync: SyncHub;
  let requester: WebDeskUnderTest;
  let responder: WebDeskUnderTest;
  // The requester's desk clock, moved forward to see the 30-day retention.
  let shiftMs = 0;
  const caseId = `rep-${randomUUID()}`;
  beforeAll(async () => {
    sync = await startSyncHub();
    const loaded = loadOrganisationCertificate({ p12Path: null, passphrase: '', demoP12Path: null, now: new Date() });
    if (!loaded.ok) throw new Error(loaded.message);
    sync.hub.deps.organisationCertificate = loaded.certificate;
    requester = await startWebDeskUnderTest((await sync.proxy()).url, { now: () => new Date(Date.now() + shiftMs) });
    responder = await startWebDeskUnderTest((await sync.proxy()).url);
    await logIn(requester.client, 'it-salute-handler');
    await logIn(responder.client, 'hu-enkk-handler');
    await settled(requester.client);
    expect(await requester.client.requests.command.mutate({ command: completeDraft(caseId, 'hu-enkk', 'Rossi') })).toMatchObject({ ok: true });
    expect(await requester.client.requests.command.mutate({ command: { type: 'sendRequest', caseId } })).toMatchObject({ ok: true });
    await settled(requester.client);
    await settled(responder.client);
  }, 120_000);
  afterAll(async () => {
    await requester?.close();
    await responder?.close();
    await sync?.close();
  }, 60_000);

  it('offers every type to the requester and only reports without personal data to the responder before acceptance', async () => {
    expect(await requester.client.reports.allowedTypes.query({ requestId: caseId })).toMatchObject({
      level: 'FULL', types: ['FULL_WITH_PD', 'FULL_WITHOUT_PD', 'CUSTOM', 'DATA_SUBJECT', 'CONSENT_FORM'], customMayPrintPersonalData: true,
    });
    expect(await responder.client.reports.allowedTypes.query({ requestId: caseId })).toMatchObject({
      level: 'FULL_NO_PD', types: ['FULL_WITHOUT_PD', 'CUSTOM'], customMayPrintPersonalData: false,
    });
    expect(await reasonOf(requester.client.reports.allowedTypes.query({ requestId: 'no-such-request' }))).toMatchObject({ reason: 'CASE_NOT_FOUND' });
  });

  it('generates a report with personal data into My reports, telling subscribers while it renders, and reads it back', async () => {
    const { client } = requester;
    const seen: Array<Array<{ requestId: string; type: string }>> = [];
    const subscription = client.reports.onJobs.subscribe(undefined, { onData: (jobs) => seen.push(jobs) });
    try {
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const report = await client.reports.generate.mutate({ requestId: caseId, type: 'FULL_WITH_PD', language: 'en' });
      // The job was announced when it started and the list emptied when it ended (events arrive over the socket).
      await expect.poll(() => seen.some((jobs) => jobs.some((j) => j.requestId === caseId && j.type === 'FULL_WITH_PD')), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toEqual([]);
      await checkReport(report);
    } finally {
      subscription.unsubscribe();
    }
  });

  async function checkReport(report: Awaited<ReturnType<Client['reports']['generate']['mutate']>>) {
    const { client } = requester;
    const entryNumber = (await client.requests.get.query({ id: caseId })).view.case.entryNumber;
    expect(report).toMatchObject({ type: 'FULL_WITH_PD', caseId, entryNumber, language: 'en', certified: false });
    expect(Date.parse(report.expiresAt) - Date.parse(report.createdAt)).toBe(30 * DAY_MS);
    expect((await client.reports.list.query()).map((r) => r.id)).toContain(report.id);
    expect(await client.reports.jobs.query()).toEqual([]);

    const pdf = await readReport(client, report.id);
    expect(pdf.byteLength).toBe(report.size);
    const text = pdfText(pdf);
    expect(text).toContain('Full report with personal data');
    expect(text).toContain(String(entryNumber));
    expect(text).toContain('Rossi');
  }

  it('prints the responder\'s report without personal data, and refuses it a type above its level', async () => {
    const { client } = responder;
    expect(await reasonOf(client.reports.generate.mutate({ requestId: caseId, type: 'FULL_WITH_PD', language: 'hu' })))
      .toMatchObject({ reason: 'REPORT_TYPE_NOT_ALLOWED', details: { type: 'FULL_WITH_PD', level: 'FULL_NO_PD', allowed: ['FULL_WITHOUT_PD', 'CUSTOM'] } });
    expect(await reasonOf(client.reports.generate.mutate({ requestId: caseId, type: 'DATA_SUBJECT', language: 'hu' }))).toMatchObject({ reason: 'REPORT_TYPE_NOT_ALLOWED' });
    expect(await reasonOf(client.reports.generate.mutate({ requestId: caseId, type: 'CUSTOM', language: 'hu', sections: [] }))).toMatchObject({ reason: 'NO_SECTIONS_CHOSEN' });
    expect(await client.reports.list.query()).toEqual([]);

    const report = await client.reports.generate.mutate({ requestId: caseId, type: 'FULL_WITHOUT_PD', language: 'hu' });
    const text = pdfText(await readReport(client, report.id));
    expect(text).toContain('Teljes jelentés személyes adatok nélkül');
    expect(text).not.toContain('Rossi');
    expect(text).toContain('***');
  });

  it('certifies a kept report by the hub as a new, signed report', async () => {
    const { client } = requester;
    const original = await client.reports.generate.mutate({ requestId: caseId, type: 'CUSTOM', language: 'it', sections: ['history', 'authorities'] });
    const { report, signedAt } = await client.reports.certify.mutate({ id: original.id });
    expect(report).toMatchObject({ type: 'CUSTOM', caseId, language: 'it', certified: true });
    expect(report.id).not.toBe(original.id);
    expect(Number.isNaN(Date.parse(signedAt))).toBe(false);
    const verdict = pdfsig(await readReport(client, report.id, 1024 * 1024));
    expect(verdict, verdict.output).toMatchObject({ valid: true, wholeDocument: true });
    expect((await client.reports.list.query()).filter((r) => r.certified).map((r) => r.id)).toEqual([report.id]);
  });

  it('deletes a report on request, and drops every report 30 days after it was made', async () => {
    const { client } = requester;
    const kept = await client.reports.list.query();
    expect(kept.length).toBeGreaterThanOrEqual(3);
    const [first, ...rest] = kept;
    if (!first) throw new Error('no report');
    expect(await client.reports.delete.mutate({ id: first.id })).toEqual({ deleted: true });
    expect((await client.reports.list.query()).map((r) => r.id)).toEqual(rest.map((r) => r.id));
    expect(await reasonOf(client.reports.read.query({ id: first.id }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });
    expect(await reasonOf(client.reports.delete.mutate({ id: first.id }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });

    shiftMs = 29 * DAY_MS;
    expect(await client.reports.list.query()).toHaveLength(rest.length);
    shiftMs = 30 * DAY_MS + 60_000;
    expect(await client.reports.list.query()).toEqual([]);
    expect(await reasonOf(client.reports.read.query({ id: rest[0]?.id ?? '' }))).toMatchObject({ reason: 'REPORT_NOT_FOUND' });
    shiftMs = 0;
  });
});
