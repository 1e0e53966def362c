// Benchmark: time to generate a full report with personal data for a request with 20 questions, 5 messages
// and 10 history entries (build the definition, render it in the worker). Prints medians; asserts nothing.
// Run: npx tsx tests/reports/reportBench.ts
import { performance } from 'node:perf_hooks';
import { QuestionSet } from '../../shared/reference/questionSet';
import { RequestCase } from '../../shared/request/requestCase';
import type { RequestView } from '../../shared/request/visibility';
import { world } from '../../shared/testkit/world.testkit';
import { createPdfRenderer } from '../../electron/desk/reports/renderPdf';
import { buildRequestReport } from '../../electron/desk/reports/requestReport';
import { reportDirectory, reportReference, translatedSubject } from '../../electron/desk/reports/reports.testkit';

const QUESTIONS = 20;
const MESSAGES = 5;
const HISTORY = 10;
const RUNS = 15;

const at = (minute: number) => new Date(Date.UTC(2030, 2, 1, 9, minute)).toISOString();
const hu = (text: string) => ({ text, language: 'hu' as const });

const largeSet = QuestionSet.parse({
  id: 'pq-bench', area: 'PQ', title: { en: 'Benchmark set', hu: 'Teljesítménymérő kérdéssor' }, maxDueDays: 30, defaultDueDays: 14,
  categories: [0, 1, 2, 3].map((i) => ({ id: `cat-${i}`, title: { en: `Category ${i}`, hu: `${i}. kategória` } })),
  questions: Array.from({ length: QUESTIONS }, (_, i) => ({
    id: `q-${i}`, categoryId: `cat-${i % 4}`, answerType: 'freeText', personal: i % 5 === 0,
    text: { en: `Question ${i}: please describe the professional's record in detail?`, hu: `${i}. kérdés: kérjük, részletesen ismertesse a szakember adatait!` },
  })),
});

function benchCase(): RequestCase {
  return RequestCase.parse({
    id: 'bench-1', entryNumber: 63351, area: 'PQ', questionSetId: largeSet.id, status: 'ANSWERED',
    requestingAuthorityId: 'it-ca', respondingAuthorityId: 'hu-ca', requestingCoordinatorId: 'it-coord', respondingCoordinatorId: 'hu-coord',
    proposedDueDays: 14, acceptedDays: 10, dueDate: '2030-03-12', createdByUserId: 'it-ca:handler', createdAt: at(0), sentAt: at(1), acceptedAt: at(2), closedAt: null,
    summary: { text: 'Verifica del diploma', language: 'it' }, formFields: {}, checklist: [], referencedEntryNumber: null,
    subject: { 'family-name': 'Rossi', 'birth-date': '1980-01-01', profession: 'Nurse' },
    questions: largeSet.questions.map((q) => ({ questionId: q.id, extraDetails: {}, comment: null })),
    tabComments: [{ tabId: 'cat-0', text: { text: 'Commento del richiedente', language: 'it' }, authorityId: 'it-ca', userId: 'it-ca:handler', at: at(1) }],
    answers: largeSet.questions.map((q) => ({ questionId: q.id, value: { kind: 'text', text: hu(`Válasz a(z) ${q.id} kérdésre. `.repeat(6)) }, followUps: {}, comment: null, sent: true })),
    messages: Array.from({ length: MESSAGES }, (_, i) => ({ id: `m-${i}`, type: 'OTHER', text: hu(`Üzenet ${i}: `.repeat(10)), authorityId: 'hu-ca', userId: 'hu-ca:handler', at: at(10 + i) })),
    attachments: [],
    assignments: {}, referralPath: [], formerRespondingAuthorityIds: [], splitFromCaseId: null, splitIntoCaseIds: [], copiedFromCaseId: null,
    history: Array.from({ length: HISTORY }, (_, i) => ({ action: i === 0 ? 'sendRequest' : 'addMessage', userId: 'it-ca:handler', authorityId: 'it-ca', at: at(20 + i), justification: null, status: 'ANSWERED' })),
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const w = world();
  const c = benchCase();
  const view: RequestView = { level: 'FULL', case: { ...c, attachments: [] } };
  const input = {
    view, type: 'FULL_WITH_PD' as const, language: 'hu' as const, reference: { ...reportReference([largeSet]), subjectSection: () => translatedSubject },
    directory: reportDirectory(w), generatedBy: 'Bench User', now: new Date('2030-03-07T12:00:00Z'),
  };
  const renderer = createPdfRenderer();
  try {
    const build = () => {
      const r = buildRequestReport(input);
      if (!r.ok) throw new Error(JSON.stringify(r.refusal));
      return r.document;
    };
    const warmStart = performance.now();
    await renderer.warmUp();
    const warm = performance.now() - warmStart;
    const coldStart = performance.now();
    const first = await renderer.render(build());
    if (!first.ok) throw new Error(first.message);
    const cold = performance.now() - coldStart;

    const builds: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const doc = build();
      const t1 = performance.now();
      const out = await renderer.render(doc);
      if (!out.ok) throw new Error(out.message);
      builds.push(t1 - t0);
      totals.push(performance.now() - t0);
    }
    console.log(`report generation (FULL_WITH_PD, hu, ${QUESTIONS} questions, ${MESSAGES} messages, ${HISTORY} history entries, ${first.pdf.byteLength} bytes)`);
    console.log(`  worker start and warm-up: ${fmt(warm)}; first report after warm-up: ${fmt(cold)}`);
    console.log(`  build definition, median of ${RUNS}: ${fmt(median(builds))}`);
    console.log(`  build + render, median of ${RUNS}: ${fmt(median(totals))}`);
  } finally {
    await renderer.close();
  }
}

await main();
