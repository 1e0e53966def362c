import { describe, expect, it } from 'vitest';
import { localize } from '../reference/text';
import { parseReferenceData } from '../reference/referenceData';
import { REFERENCE_FILES } from '../reference/referenceFiles';
import type { Catalogue } from './catalogues';
import { englishReferenceCatalogues, localizeReferenceData } from './referenceCatalogues';

const data = parseReferenceData(REFERENCE_FILES);
const english = (() => {
  const e = englishReferenceCatalogues(data);
  if (!e.ok) throw new Error(e.keys.join(', '));
  return e.catalogues;
})();
/** A stand-in translation: every English text marked, so a test can tell which source a text came from. */
const marked = (catalogue: Catalogue, mark: string, drop: (key: string) => boolean = () => false): Catalogue =>
  Object.fromEntries(Object.entries(catalogue).filter(([k]) => !drop(k)).map(([k, v]) => [k, `${mark} ${v}`]));

describe('englishReferenceCatalogues', () => {
  it('derives keys mechanically from ids', () => {
    expect(english.questionSets['pq-diploma-authenticity.questions.diploma-authentic.text']).toBe('Is the attached evidence of formal qualifications authentic?');
    expect(english.reference['legislativeAreas.PQ.title']).toBe('Professional Qualifications');
    expect(english.reference['messageTypes.PROGRESS_ENQUIRY.label']).toBe('Progress enquiry');
  });

  it('names nested classification nodes by their own code', () => {
    expect(english.reference['economicActivities.32.5.label']).toBe('Manufacture of medical and dental instruments and supplies');
  });
});

describe('localizeReferenceData', () => {
  it('makes localize return the translation everywhere, and leaves English as it was', () => {
    const { data: merged, gaps } = localizeReferenceData(data, {
      questionSets: { hu: marked(english.questionSets, 'HU') },
      reference: { hu: marked(english.reference, 'HU') },
    });
    const set = merged.questionSets.find((s) => s.id === 'pq-diploma-authenticity');
    const question = set?.questions.find((q) => q.id === 'diploma-authentic');
    expect(question && localize(question.text, 'hu')).toBe('HU Is the attached evidence of formal qualifications authentic?');
    expect(question && localize(question.text, 'en')).toBe('Is the attached evidence of formal qualifications authentic?');
    expect(localize(merged.messageTypes[0]!.label, 'hu')).toMatch(/^HU /);
    expect(gaps.filter((g) => g.language === 'hu')).toEqual([]);
  });

  it('falls back to English for a missing key and lists it as a gap', () => {
    const key = 'pq-diploma-authenticity.title';
    const { data: merged, gaps } = localizeReferenceData(data, {
      questionSets: { hu: marked(english.questionSets, 'HU', (k) => k === key) },
      reference: { hu: marked(english.reference, 'HU') },
    });
    const set = merged.questionSets.find((s) => s.id === 'pq-diploma-authenticity');
    expect(set && localize(set.title, 'hu')).toBe(english.questionSets[key]);
    expect(gaps).toContainEqual({ code: 'MISSING_KEY', domain: 'questionSets', language: 'hu', key });
    expect(gaps).toContainEqual({ code: 'NO_CATALOGUE', domain: 'reference', language: 'sv' });
  });

  it('lists a key the data no longer has instead of failing', () => {
    const { gaps } = localizeReferenceData(data, { questionSets: { hu: { ...marked(english.questionSets, 'HU'), 'gone.text': 'x' } }, reference: {} });
    expect(gaps).toContainEqual({ code: 'UNKNOWN_KEY', domain: 'questionSets', language: 'hu', key: 'gone.text' });
  });

  it('keeps texts already translated inline in the data (native country names)', () => {
    const { data: merged } = localizeReferenceData(data, { questionSets: {}, reference: {} });
    expect(localize(merged.countries.find((c) => c.code === 'AT')!.name, 'de')).toBe('Österreich');
  });
});
