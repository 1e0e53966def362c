// Every report type in English and Hungarian, rendered to PDF and read back with poppler's pdftotext; and
// personal data present or masked for each role of SPEC §5.1.
import { afterAll, describe, expect, it } from 'vitest';
import englishLabels from '../../../resources/i18n/reports/en.json';
import huLabels from '../../../resources/i18n/reports/hu.json';
import { CATALOGUE_FILES } from '../../../shared/i18n/catalogueFiles';
import type { LanguageCode } from '../../../shared/reference/codes';
import type { RequestView } from '../../../shared/request/visibility';
import type { Built } from '../../../shared/testkit/world.testkit';
import { reportLabels } from './reportLabels';
import { createPdfRenderer } from './renderPdf';
import { buildRequestReport } from './requestReport';
import type { RequestReportInput } from './requestReport';
import { allowedReportTypes } from './reportTypes';
import type { ReportSection, ReportType } from './reportTypes';
import { EU_SCRIPTS_TEXT, SUBJECT, pdfText, reportAnsweredCase, reportDirectory, reportReference, reportSentCase, savePreview, viewOf } from './reports.testkit';

const renderer = createPdfRenderer();
afterAll(() => renderer.close());

const answered = reportAnsweredCase();
const sent = reportSentCase();

function build(b: Built, view: RequestView, type: ReportType, language: LanguageCode, extra: Partial<RequestReportInput> = {}) {
  return buildRequestReport({
    view, type, language, reference: reportReference(), directory: reportDirectory(b.w), generatedBy: 'Ana Test',
    now: new Date('2030-03-07T12:00:00.000Z'), ...extra,
  });
}

/** Builds, renders and reads back a report that must be allowed. */
async function generate(b: Built, userId: string, type: ReportType, language: LanguageCode, extra: Partial<RequestReportInput> = {}, preview?: string) {
  const result = build(b, viewOf(b, b.c, userId), type, language, extra);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  const rendered = await renderer.render(result.document);
  if (!rendered.ok) throw new Error(`render failed: ${rendered.message}`);
  if (preview) savePreview(preview, rendered.pdf);
  return { text: pdfText(rendered.pdf), result };
}

const LABELS = {
  en: {
    title: { FULL_WITH_PD: 'Full report with personal data', FULL_WITHOUT_PD: 'Full report without personal data', CUSTOM: 'Customised report', DATA_SUBJECT: 'Report for the data subject', CONSENT_FORM: 'Data subject consent form' },
    sections: { authorities: 'Authorities', subject: 'Professional', questionsAndAnswers: 'Questions and answers', comments: 'Comments', messages: 'Messages', attachmentList: 'Attachments', history: 'History' },
    question: 'Is the diploma authentic?', option: 'Information not available', disclaimer: 'Disclaimer', yes: 'Yes',
  },
  hu: {
    title: { FULL_WITH_PD: 'Teljes jelentés személyes adatokkal', FULL_WITHOUT_PD: 'Teljes jelentés személyes adatok nélkül', CUSTOM: 'Testreszabott jelentés', DATA_SUBJECT: 'Jelentés az érintett részére', CONSENT_FORM: 'Az érintett hozzájáruló nyilatkozata' },
    sections: { authorities: 'Hatóságok', subject: 'Szakember', questionsAndAnswers: 'Kérdések és válaszok', comments: 'Megjegyzések', messages: 'Üzenetek', attachmentList: 'Mellékletek', history: 'Előzmények' },
    question: 'Hiteles-e az oklevél?', option: 'Az információ nem áll rendelkezésre', disclaimer: 'Tájékoztatás', yes: 'Igen',
  },
} as const;
const OTHER = { en: 'hu', hu: 'en' } as const;

const CUSTOM_SECTIONS: ReportSection[] = ['history', 'subject', 'questionsAndAnswers'];
const EXPECTED_SECTIONS: Record<ReportType, readonly ReportSection[]> = {
  FULL_WITH_PD: ['authorities', 'subject', 'questionsAndAnswers', 'comments', 'messages', 'attachmentList', 'history'],
  FULL_WITHOUT_PD: ['authorities', 'subject', 'questionsAndAnswers', 'comments', 'messages', 'attachmentList', 'history'],
  CUSTOM: ['subject', 'questionsAndAnswers', 'history'],
  DATA_SUBJECT: ['authorities', 'subject', 'questionsAndAnswers', 'messages', 'attachmentList'],
  CONSENT_FORM: ['authorities', 'subject', 'questionsAndAnswers', 'messages', 'attachmentList'],
};
const WITH_PD: Record<ReportType, boolean> = { FULL_WITH_PD: true, FULL_WITHOUT_PD: false, CUSTOM: true, DATA_SUBJECT: true, CONSENT_FORM: true };
const TYPES = Object.keys(EXPECTED_SECTIONS) as ReportType[];

describe.each(['en', 'hu'] as const)('reports of the requester in %s', (language) => {
  const labels = LABELS[language];
  const other = LABELS[OTHER[language]];

  it.each(TYPES)('prints %s with its sections, in the report language, with or without personal data', async (type) => {
    const { text, result } = await generate(answered, 'it-ca:handler', type, language, { sections: CUSTOM_SECTIONS }, `${type}-${language}`);
    expect(result.ok && result.sections).toEqual(EXPECTED_SECTIONS[type]);
    expect(text).toContain(labels.title[type]);
    expect(text).not.toContain(other.title[type]);

    for (const [section, heading] of Object.entries(labels.sections) as Array<[ReportSection, string]>) {
      // "Messages" is also the tab name in English; only check headings that cannot appear by another route.
      if (EXPECTED_SECTIONS[type].includes(section)) expect(text, section).toContain(heading);
    }
    if (!EXPECTED_SECTIONS[type].includes('history')) expect(text).not.toContain(labels.sections.history);
    if (!EXPECTED_SECTIONS[type].includes('comments')) expect(text).not.toContain('Il diploma è stato rilasciato a Napoli');

    expect(text).toContain(labels.question);
    expect(text).toContain(labels.option);
    expect(text).not.toContain(other.question);
    expect(text).not.toContain(other.option);

    if (WITH_PD[type]) {
      expect(text).toContain(SUBJECT.familyName);
      expect(text).toContain(SUBJECT.homeAddress);
      expect(text).not.toContain('********');
    } else {
      expect(text).not.toContain(SUBJECT.familyName);
      expect(text).not.toContain(SUBJECT.homeAddress);
      expect(text).toContain('********');
      expect(text).toContain(SUBJECT.profession);
    }
    if (type === 'CONSENT_FORM') expect(text).toContain(labels.disclaimer);
    else expect(text).not.toContain(labels.disclaimer);
  });

  it('prints free text as written, with its language noted', async () => {
    const { text } = await generate(answered, 'it-ca:handler', 'FULL_WITH_PD', language);
    expect(text).toContain('Il diploma è stato rilasciato a Napoli [it]');
    expect(text).toContain('Az eredeti oklevelet ellenőriztük [hu]');
  });
});

describe('masking by role', () => {
  it('lets the responder before acceptance print only reports without personal data', async () => {
    const view = viewOf(sent, sent.c, 'hu-ca:handler');
    expect(allowedReportTypes(view.level)).toEqual(['FULL_WITHOUT_PD', 'CUSTOM']);
    expect(build(sent, view, 'FULL_WITH_PD', 'hu')).toEqual({ ok: false, refusal: { code: 'REPORT_TYPE_NOT_ALLOWED', type: 'FULL_WITH_PD', level: 'FULL_NO_PD' } });
    for (const language of ['en', 'hu'] as const) {
      const { text } = await generate(sent, 'hu-ca:handler', 'FULL_WITHOUT_PD', language, {}, `responder-before-acceptance-${language}`);
      expect(text).not.toContain(SUBJECT.familyName);
      expect(text).toContain('********');
      expect(text).toContain(SUBJECT.profession);
      expect(text).toContain(SUBJECT.diplomaTitle);
      expect(text).toContain(LABELS[language].question);
    }
  });

  it('prints personal data for the responder after acceptance', async () => {
    const { text } = await generate(answered, 'hu-ca:handler', 'FULL_WITH_PD', 'hu');
    expect(text).toContain(SUBJECT.familyName);
    expect(text).toContain(SUBJECT.homeAddress);
  });

  it.each(['hu-ca:allocator', 'hu-coord:referral', 'it-coord:referral'])('never prints personal data for %s', async (userId) => {
    const view = viewOf(answered, answered.c, userId);
    expect(view.level).toBe('FULL_NO_PD');
    for (const type of ['FULL_WITH_PD', 'DATA_SUBJECT', 'CONSENT_FORM'] as const) {
      expect(build(answered, view, type, 'en')).toMatchObject({ ok: false, refusal: { code: 'REPORT_TYPE_NOT_ALLOWED' } });
    }
    for (const language of ['en', 'hu'] as const) {
      const { text } = await generate(answered, userId, 'FULL_WITHOUT_PD', language);
      expect(text).not.toContain(SUBJECT.familyName);
      expect(text).not.toContain(SUBJECT.homeAddress);
      expect(text).toContain('********');
      expect(text).toContain(LABELS[language].option);
    }
  });

  it('prints only the monitoring subset for a linked coordinator without referral rights', async () => {
    const view = viewOf(answered, answered.c, 'hu-coord:handler');
    expect(view.level).toBe('MONITORING');
    expect(allowedReportTypes(view.level)).toEqual(['FULL_WITHOUT_PD']);
    const { text } = await generate(answered, 'hu-coord:handler', 'FULL_WITHOUT_PD', 'hu', {}, 'coordinator-monitoring-hu');
    expect(text).toContain('Authority hu-ca');
    expect(text).toContain('Megválaszolva – lezárásra vár');
    expect(text).not.toContain(LABELS.hu.question);
    expect(text).not.toContain(SUBJECT.familyName);
    expect(text).not.toContain(SUBJECT.profession);
  });

  it('masks a custom report when a user at FULL leaves personal data out', async () => {
    const { text } = await generate(answered, 'it-ca:handler', 'CUSTOM', 'en', { sections: ['subject', 'questionsAndAnswers'], customWithPersonalData: false });
    expect(text).not.toContain(SUBJECT.familyName);
    expect(text).not.toContain(SUBJECT.homeAddress);
    expect(text).toContain('********');
  });
});

describe('report contents', () => {
  it('refuses a custom report with no section chosen', () => {
    expect(build(answered, viewOf(answered, answered.c, 'it-ca:handler'), 'CUSTOM', 'en', { sections: [] })).toEqual({ ok: false, refusal: { code: 'NO_SECTIONS_CHOSEN' } });
  });

  it('prints Maltese, Romanian, Baltic, Irish, Hungarian, Greek and Cyrillic text that extracts back unchanged', async () => {
    const { text } = await generate(answered, 'it-ca:handler', 'FULL_WITH_PD', 'en');
    expect(text).toContain(EU_SCRIPTS_TEXT);
  });

  it('says "number pending" while the hub has not given an entry number, and the number once it has', async () => {
    expect((await generate(sent, 'it-ca:handler', 'FULL_WITH_PD', 'hu')).text).toContain('a szám kiadása folyamatban');
    const numbered = { ...sent, c: { ...sent.c, entryNumber: 63351 } };
    const { text } = await generate(numbered, 'it-ca:handler', 'FULL_WITH_PD', 'en');
    expect(text).toContain('Information request 63351');
    expect(text).not.toContain('number pending');
  });

  it('formats dates for the report language and numbers every page in the footer', async () => {
    const hu = (await generate(answered, 'it-ca:handler', 'FULL_WITH_PD', 'hu')).text;
    expect(hu).toContain('2030. március 12.');
    expect(hu).toMatch(/1\. oldal \/ \d+/);
    expect(hu).toContain('Készült: 2030. márc. 7. 12:00 UTC, készítette: Ana Test');
    const en = (await generate(answered, 'it-ca:handler', 'FULL_WITH_PD', 'en')).text;
    expect(en).toContain('March 12, 2030');
    expect(en).toMatch(/Page 1 of \d+/);
  });

  it('takes English labels for a language without a catalogue, or for the labels a catalogue lacks, and reports the fallback', () => {
    const none = reportLabels('mt', {});
    expect(none.fallback).toMatchObject({ code: 'LABELS_FALLBACK_TO_ENGLISH', language: 'mt' });
    expect(none.labels.reportTitle.FULL_WITH_PD).toBe(englishLabels.reportTitle.FULL_WITH_PD);
    const partial = reportLabels('hu', { hu: { ...huLabels, reportTitle: { ...huLabels.reportTitle, FULL_WITH_PD: '' } } });
    expect(partial.fallback).toMatchObject({ code: 'LABELS_FALLBACK_TO_ENGLISH', language: 'hu', missingKeys: 1 });
    expect(partial.labels.reportTitle.FULL_WITH_PD).toBe(englishLabels.reportTitle.FULL_WITH_PD);
    expect(partial.labels.reportTitle.CUSTOM).toBe(huLabels.reportTitle.CUSTOM);
  });

  it('needs no fallback in any language that ships a catalogue of report labels', () => {
    const shipped = Object.keys(CATALOGUE_FILES.reports) as LanguageCode[];
    expect(shipped.filter((language) => reportLabels(language).fallback !== null)).toEqual([]);
  });

  it('needs no fallback for Hungarian: its catalogue has every label', () => {
    const result = build(answered, viewOf(answered, answered.c, 'it-ca:handler'), 'FULL_WITH_PD', 'hu');
    expect(result.ok && result.labelFallback).toBeNull();
  });
});
