import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EEA_COUNTRY_CODES, LANGUAGE_CODES, LEGISLATIVE_AREAS } from './codes';
import type { QuestionSet } from './questionSet';
import {
  checkReferenceData,
  loadReferenceData,
  parseReferenceData,
  questionSetById,
  questionSetsForArea,
  REFERENCE_DATA_INVALID,
  ReferenceDataError,
  subjectSectionFor,
} from './referenceData';
import { REFERENCE_FILES } from './referenceFiles';

type Json = Record<string, unknown>;

/** A mutable deep copy of the shipped files, for breaking one thing at a time. */
function shippedFiles(): Record<string, unknown> {
  return structuredClone({ ...REFERENCE_FILES });
}

/** A shipped question set file, as a mutable JSON object. */
function questionSetFile(files: Record<string, unknown>, id: string): Json & { questions: Json[]; categories: Json[] } {
  return files[`questionSets/${id}.json`] as Json & { questions: Json[]; categories: Json[] };
}

function problemsOf(files: Record<string, unknown>): string[] {
  const result = checkReferenceData(files);
  if (result.ok) throw new Error('expected the reference data to be rejected');
  expect(result.code).toBe(REFERENCE_DATA_INVALID);
  return result.problems;
}

const answerTypes = (set: QuestionSet) => new Set(set.questions.map((q) => q.answerType));
const categoriesUsed = (set: QuestionSet) => new Set(set.questions.map((q) => q.categoryId));

describe('shipped reference data', () => {
  const data = loadReferenceData();

  it('registers every JSON file of resources/ in the loader', () => {
    const resources = new URL('../../resources/', import.meta.url);
    const onDisk = ['reference', 'subjectSections', 'questionSets'].flatMap((folder) =>
      readdirSync(new URL(`${folder}/`, resources)).filter((f) => f.endsWith('.json')).map((f) => `${folder}/${f}`),
    );
    expect(Object.keys(REFERENCE_FILES).sort()).toEqual(onDisk.sort());
  });

  it('parses without problems', () => {
    expect(checkReferenceData(REFERENCE_FILES)).toMatchObject({ ok: true });
  });

  it('lists exactly the 30 EEA countries plus the Commission pseudo-country EU', () => {
    const real = data.countries.filter((c) => !c.pseudoCountry).map((c) => c.code);
    expect([...real].sort()).toEqual([...EEA_COUNTRY_CODES].sort());
    expect(data.countries.filter((c) => c.pseudoCountry).map((c) => c.code)).toEqual(['EU']);
  });

  it('lists exactly the 26 languages of SPEC §2', () => {
    expect(data.languages.map((l) => l.code).sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  it('describes every legislative area with keywords, and PQ with regulated professions', () => {
    expect(data.legislativeAreas.map((a) => a.code).sort()).toEqual([...LEGISLATIVE_AREAS].sort());
    for (const area of data.legislativeAreas) expect(area.keywords.length).toBeGreaterThanOrEqual(15);
    const pq = data.legislativeAreas.find((a) => a.code === 'PQ');
    expect(pq?.professions.map((p) => p.id)).toEqual(expect.arrayContaining(['doctor-of-medicine', 'nurse-general-care', 'architect', 'pharmacist']));
    expect(pq?.professions.length).toBeGreaterThanOrEqual(25);
  });

  it('offers all four message types', () => {
    expect(data.messageTypes.map((m) => m.code)).toEqual(['PROGRESS_ENQUIRY', 'ADDITIONAL_SUPPORTING_INFORMATION', 'CLARIFICATION_OF_QUESTION', 'OTHER']);
  });

  it('has hierarchical economic activities and policy areas', () => {
    expect(data.economicActivities.some((s) => s.children.some((d) => d.children.length > 0))).toBe(true);
    expect(data.policyAreas.some((p) => p.children.length > 0)).toBe(true);
  });

  it('has a subject section per area, mostly personal data for PQ', () => {
    for (const area of LEGISLATIVE_AREAS) expect(subjectSectionFor(area).area).toBe(area);
    const pq = subjectSectionFor('PQ').fields;
    expect(pq.filter((f) => f.personal).length).toBeGreaterThan(pq.length / 2);
    expect(pq.filter((f) => f.requirement === 'red').map((f) => f.id)).toEqual(expect.arrayContaining(['family-name', 'date-of-birth']));
    expect(subjectSectionFor('SD').fields.find((f) => f.id === 'contact-person-name')?.personal).toBe(true);
  });

  it('offers at least one question set per area, found by id and by area', () => {
    for (const area of LEGISLATIVE_AREAS) {
      const sets = questionSetsForArea(area);
      expect(sets.length).toBeGreaterThan(0);
      for (const set of sets) expect(questionSetById(set.id)).toBe(set);
    }
    expect(questionSetById('no-such-set')).toBeUndefined();
  });

  it('gives PQ at least two sets with 10 or more questions in 2 or more categories', () => {
    const big = questionSetsForArea('PQ').filter((s) => s.questions.length >= 10 && categoriesUsed(s).size >= 2);
    expect(big.length).toBeGreaterThanOrEqual(2);
  });

  it('uses every answer type, extra details, follow-ups and personal questions in each large PQ set', () => {
    for (const set of questionSetsForArea('PQ').filter((s) => s.questions.length >= 10)) {
      expect(answerTypes(set)).toEqual(new Set(['singleChoice', 'multipleChoice', 'yesNo', 'date', 'freeText']));
      expect(set.questions.some((q) => q.extraDetails.some((d) => d.requirement === 'red'))).toBe(true);
      expect(set.questions.some((q) => q.followUps.length > 0)).toBe(true);
      expect(set.questions.some((q) => q.personal)).toBe(true);
    }
  });

  it('ships the two case-by-case derogation sets with a 10-step checklist and red case description and justification', () => {
    const request = questionSetById('sd-case-by-case-derogation-request');
    const notification = questionSetById('sd-case-by-case-notification');
    expect(request?.title.en).toBe('Case-by-case derogation request to Member State of establishment');
    expect(notification?.title.en).toBe('Case-by-case notification of measures');
    for (const set of [request, notification]) {
      expect(set?.area).toBe('SD');
      expect(set?.checklist).toHaveLength(10);
      const red = set?.formFields.filter((f) => f.requirement === 'red' && f.kind === 'longText').map((f) => f.id);
      expect(red).toEqual(expect.arrayContaining(['case-description', 'justification']));
    }
  });

  it('makes only the notification of measures reference the earlier request', () => {
    expect(questionSetById('sd-case-by-case-notification')?.referencesEarlierRequest).toBe(true);
    expect(questionSetById('sd-case-by-case-derogation-request')?.referencesEarlierRequest).toBe(false);
    expect(questionSetById('sd-general-information')?.referencesEarlierRequest).toBe(false);
  });

  it('asks for an explanation whenever "information not available" is an answer', () => {
    for (const set of data.questionSets) {
      for (const q of set.questions.filter((x) => x.options?.some((o) => o.id === 'information_not_available'))) {
        const explanation = q.followUps.find((f) => f.whenAnswerIn.includes('information_not_available'));
        expect(explanation?.answerType, `${set.id}/${q.id}`).toBe('freeText');
      }
    }
  });

  it('keeps default due days within the maximum and realistic', () => {
    for (const set of data.questionSets) {
      expect(set.defaultDueDays).toBeLessThanOrEqual(set.maxDueDays);
      expect(set.maxDueDays).toBeLessThanOrEqual(60);
    }
  });

  it('is frozen and loaded once', () => {
    expect(loadReferenceData()).toBe(data);
    expect(Object.isFrozen(data.questionSets[0]?.questions)).toBe(true);
  });
});

describe('parseReferenceData rejects broken data', () => {
  it('names a duplicate question id and its file', () => {
    const files = shippedFiles();
    const set = questionSetFile(files, 'pq-diploma-authenticity');
    set.questions.push({ ...set.questions[0] });
    expect(problemsOf(files)).toContainEqual(expect.stringMatching(/^questionSets\/pq-diploma-authenticity\.json: .*duplicate question id diploma-authentic/));
  });

  it('names a question in an unknown category', () => {
    const files = shippedFiles();
    const set = questionSetFile(files, 'sd-general-information');
    set.questions[1] = { ...set.questions[1], categoryId: 'nowhere' };
    expect(problemsOf(files).join('\n')).toMatch(/sd-general-information\.json: .*unknown category nowhere/);
  });

  it('names a follow-up that refers to an unknown option', () => {
    const files = shippedFiles();
    const set = questionSetFile(files, 'pq-professional-conduct');
    const question = set.questions[0] as Json & { followUps: Json[] };
    question.followUps = [{ id: 'why', text: { en: 'Why?' }, answerType: 'freeText', whenAnswerIn: ['maybe'] }];
    expect(problemsOf(files)).toContainEqual(expect.stringMatching(/pq-professional-conduct\.json: questions\.0\.followUps\.0\.whenAnswerIn: .*unknown answer maybe/));
  });

  it('names a choice follow-up triggered by an option the question does not offer', () => {
    const files = shippedFiles();
    const set = questionSetFile(files, 'pq-diploma-authenticity');
    const question = set.questions[0] as Json & { followUps: Json[] };
    question.followUps = [{ id: 'why', text: { en: 'Why?' }, answerType: 'freeText', whenAnswerIn: ['yes'] }];
    expect(problemsOf(files)).toContainEqual(expect.stringMatching(/questions\.0\.followUps\.0\.whenAnswerIn: question diploma-authentic: follow-up why refers to unknown answer yes/));
  });

  it('names question sets whose legislative area is not described', () => {
    const files = shippedFiles();
    files['reference/legislativeAreas.json'] = (files['reference/legislativeAreas.json'] as Json[]).filter((a) => a.code !== 'PR');
    const problems = problemsOf(files);
    expect(problems).toContain('reference/legislativeAreas.json: missing legislative area(s) PR');
    expect(problems).toContain('questionSets/pr-right-to-practise.json: area: question set pr-right-to-practise: unknown legislative area PR');
  });

  it('names a missing country', () => {
    const files = shippedFiles();
    files['reference/countries.json'] = (files['reference/countries.json'] as Json[]).filter((c) => c.code !== 'LI');
    expect(problemsOf(files)).toContain('reference/countries.json: missing country(s) LI');
  });

  it('names a missing language and an unknown one', () => {
    const files = shippedFiles();
    const languages = (files['reference/languages.json'] as Json[]).filter((l) => l.code !== 'ga');
    languages.push({ code: 'xx', name: { en: 'Unknown' }, nativeName: 'x', officialEuLanguage: false });
    files['reference/languages.json'] = languages;
    const problems = problemsOf(files).join('\n');
    expect(problems).toMatch(/reference\/languages\.json: missing language\(s\) ga/);
    expect(problems).toMatch(/reference\/languages\.json: 25\.code: /);
  });

  it('names a question set of an unknown area and duplicate set ids', () => {
    const files = shippedFiles();
    files['questionSets/zz-copy.json'] = { ...questionSetFile(files, 'pr-right-to-practise') };
    files['questionSets/zz-other-area.json'] = { ...questionSetFile(files, 'pr-right-to-practise'), id: 'zz-other-area', area: 'XX' };
    const problems = problemsOf(files).join('\n');
    expect(problems).toMatch(/questionSets\/zz-copy\.json: .*duplicate question set id pr-right-to-practise/);
    expect(problems).toMatch(/questionSets\/zz-other-area\.json: area: /);
  });

  it('names a missing file', () => {
    const files = shippedFiles();
    delete files['reference/policyAreas.json'];
    expect(problemsOf(files).join('\n')).toMatch(/^reference\/policyAreas\.json: /m);
  });

  it('throws an error listing every problem', () => {
    const files = shippedFiles();
    delete files['subjectSections/PR.json'];
    files['reference/countries.json'] = [];
    let thrown: unknown;
    try {
      parseReferenceData(files);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReferenceDataError);
    const error = thrown as ReferenceDataError;
    expect(error.code).toBe(REFERENCE_DATA_INVALID);
    expect(error.message).toMatch(/missing subject section for area\(s\) PR/);
    expect(error.message).toMatch(/reference\/countries\.json: missing country\(s\) AT/);
  });
});
