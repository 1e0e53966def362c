// Fixtures for report tests: the shared fixture world with its question set and subject section translated
// into Hungarian, a request with comments, messages, attachments and follow-ups in several languages, and
// PDF helpers that go through poppler (pdftotext, pdftoppm) as an independent reader.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LegislativeArea } from '../../../shared/reference/codes';
import type { QuestionSet, SubjectSection } from '../../../shared/reference/questionSet';
import type { LocalizedText } from '../../../shared/reference/text';
import type { MessageType, RequestCase } from '../../../shared/request/requestCase';
import { viewFor } from '../../../shared/request/visibility';
import type { RequestView } from '../../../shared/request/visibility';
import { act, attachmentMeta, draftForm, pqStandard, sentCase, subjectSections } from '../../../shared/testkit/world.testkit';
import type { Built, World } from '../../../shared/testkit/world.testkit';
import type { ReportDirectory, ReportReference } from './reportContext';

/** English fixture text → the label printed in English and in Hungarian. */
const TRANSLATIONS: Readonly<Record<string, LocalizedText>> = {
  'Professional qualifications': { en: 'Professional qualifications', hu: 'Szakmai képesítések' },
  Diploma: { en: 'Diploma', hu: 'Oklevél' },
  Person: { en: 'Person', hu: 'Személy' },
  'Is the diploma authentic?': { en: 'Is the diploma authentic?', hu: 'Hiteles-e az oklevél?' },
  'diploma-title': { en: 'Title of the diploma', hu: 'Az oklevél megnevezése' },
  'Why not?': { en: 'Why not?', hu: 'Miért nem?' },
  'Is the professional registered?': { en: 'Is the professional registered?', hu: 'Nyilvántartásba vették-e a szakembert?' },
  Registered: { en: 'Registered', hu: 'Nyilvántartásba vett' },
  'Information not available': { en: 'Information not available', hu: 'Az információ nem áll rendelkezésre' },
  'Explain why': { en: 'Explain why', hu: 'Indokolja meg' },
  'Home address?': { en: 'Home address?', hu: 'Lakcím?' },
  Professional: { en: 'Professional', hu: 'Szakember' },
  'family-name': { en: 'Family name', hu: 'Családi név' },
  'birth-date': { en: 'Date of birth', hu: 'Születési idő' },
  profession: { en: 'Profession', hu: 'Szakma' },
};

const MESSAGE_TYPES: Readonly<Record<MessageType, LocalizedText>> = {
  PROGRESS_ENQUIRY: { en: 'Progress enquiry', hu: 'Érdeklődés az ügy állásáról' },
  ADDITIONAL_SUPPORTING_INFORMATION: { en: 'Additional supporting information', hu: 'További alátámasztó információ' },
  CLARIFICATION_OF_QUESTION: { en: 'Clarification of a question', hu: 'Kérdés pontosítása' },
  OTHER: { en: 'Other', hu: 'Egyéb' },
};

const AREA_TITLES: Readonly<Record<LegislativeArea, LocalizedText>> = {
  PQ: { en: 'Professional Qualifications', hu: 'Szakmai képesítések elismerése' },
  SD: { en: 'Services', hu: 'Szolgáltatások' },
  PR: { en: "Patients' rights", hu: 'Betegjogok' },
};

/** Replaces every localized text (an object with `en`) by its entry in TRANSLATIONS, keeping the structure. */
function translate<T>(value: T): T {
  if (Array.isArray(value)) return value.map(translate) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string' && TRANSLATIONS[record.en]) return { ...TRANSLATIONS[record.en] } as T;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, translate(v)])) as T;
}

export const translatedSet: QuestionSet = translate(pqStandard);
export const translatedSubject: SubjectSection = translate(subjectSections.PQ);

export function reportReference(sets: readonly QuestionSet[] = [translatedSet]): ReportReference {
  return {
    questionSet: (id) => sets.find((s) => s.id === id),
    subjectSection: (area) => (area === 'PQ' ? translatedSubject : undefined),
    messageTypeLabel: (type) => MESSAGE_TYPES[type],
    legislativeAreaTitle: (area) => AREA_TITLES[area],
  };
}

export function reportDirectory(w: World): ReportDirectory {
  return { authority: (id) => w.authorities.get(id), user: (id) => w.users.get(id) };
}

/** Free text in every EU script that needs more than ASCII, to check the fonts print it back. */
export const EU_SCRIPTS_TEXT = 'Ħal Għargħur ġgant żebbuġ; București, Timișoara, Țară; ąčęėįšųūž āēģīķļņ; Dún Laoghaire; Ελληνικά; Български; Őrség ű';

export const SUBJECT = { familyName: 'Rossi', birthDate: '1980-01-01', profession: 'Nurse', homeAddress: 'Via Roma 1', diplomaTitle: 'Nursing diploma' };

function it(t: string) {
  return { text: t, language: 'it' as const };
}
function hu(t: string) {
  return { text: t, language: 'hu' as const };
}

/** Italy asks Hungary, with a summary and a tab comment in Italian; the Hungarian side has not accepted yet. */
export function reportSentCase(): Built {
  return sentCase({
    form: draftForm({
      summary: it('Verifica del diploma di infermiera'),
      tabComments: [{ tabId: 'diploma', text: it('Il diploma è stato rilasciato a Napoli') }],
    }),
  });
}

/** The same request accepted, answered (with a follow-up and a comment in Hungarian), with messages and an attachment. */
export function reportAnsweredCase(): Built {
  const b = reportSentCase();
  const { w, requester, responder } = b;
  let c = act(w, b.c, { type: 'acceptRequest', caseId: b.c.id, days: 10 }, `${responder}:handler`, '2030-03-02T10:00:00.000Z');
  c = act(w, c, { type: 'addAttachment', caseId: c.id, attachment: attachmentMeta({ name: 'oklevel-masolat.pdf', nameLanguage: 'hu', documentLanguage: 'hu', tabId: 'diploma', size: 245_760 }) }, `${responder}:handler`, '2030-03-03T10:00:00.000Z');
  c = act(w, c, { type: 'addMessage', caseId: c.id, messageId: 'm-1', messageType: 'PROGRESS_ENQUIRY', text: it('A che punto siamo?') }, `${requester}:handler`, '2030-03-04T10:00:00.000Z');
  c = act(w, c, { type: 'addMessage', caseId: c.id, messageId: 'm-2', messageType: 'OTHER', text: hu(EU_SCRIPTS_TEXT) }, `${responder}:handler`, '2030-03-05T10:00:00.000Z');
  c = act(w, c, {
    type: 'sendReply', caseId: c.id,
    answers: [
      { questionId: 'diploma-authentic', value: { kind: 'yesNo', value: true }, comment: hu('Az eredeti oklevelet ellenőriztük') },
      { questionId: 'registered', value: { kind: 'choice', optionIds: ['not-available'] }, followUps: { explain: { kind: 'text', text: hu('A nyilvántartás nem elérhető') } } },
      { questionId: 'home-address', value: { kind: 'text', text: it(SUBJECT.homeAddress) } },
    ],
  }, `${responder}:handler`, '2030-03-06T10:00:00.000Z');
  return { ...b, c };
}

export function viewOf(b: Pick<Built, 'w'>, c: RequestCase, userId: string): RequestView {
  const user = b.w.users.get(userId);
  if (!user) throw new Error(`no user ${userId}`);
  const view = viewFor(c, user, b.w.env);
  if (!view) throw new Error(`${userId} cannot see ${c.id}`);
  return view;
}

/** The text of a PDF as poppler reads it, with runs of white space collapsed so wrapped lines still match. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
}

export const ARTIFACTS = join(process.cwd(), 'test-results', 'reports');

/** Writes the PDF and a 60-dpi PNG of its first page under test-results/reports/ for people to look at. */
export function savePreview(name: string, pdf: Buffer): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, name)]);
  return join(ARTIFACTS, `${name}.png`);
}
