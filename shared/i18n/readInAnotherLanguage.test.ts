// SPEC §6 and issue 7: a request drafted in Italian is read in Hungarian with every pre-translated text in
// Hungarian, through the shipped question sets with the shipped catalogues merged in.
import { describe, expect, it } from 'vitest';
import hu from '../../resources/i18n/questionSets/hu.json';
import huReference from '../../resources/i18n/reference/hu.json';
import it_ from '../../resources/i18n/questionSets/it.json';
import { loadReferenceData, questionSetById, referenceTranslationGaps, subjectSectionFor } from '../reference/referenceData';
import { localize } from '../reference/text';
import type { LanguageCode } from '../reference/codes';
import type { RequestCase } from '../request/requestCase';
import { act, world } from '../testkit/world.testkit';

const SET_ID = 'pq-diploma-authenticity';

/** The fixture world, but with the shipped question sets and subject sections. */
function shippedWorld() {
  const w = world();
  return {
    ...w,
    env: {
      ...w.env,
      questionSet: (id: string) => questionSetById(id),
      subjectSection: (area: 'PQ' | 'SD' | 'PR') => subjectSectionFor(area),
    },
  };
}

/** Drafted by the Italian handler, sent to and accepted by the Hungarian authority. */
function draftedInItalian(): RequestCase {
  const w = shippedWorld();
  const draft = act(w, undefined, {
    type: 'createDraft', caseId: 'case-it-hu', area: 'PQ', questionSetId: SET_ID,
    form: {
      respondingAuthorityId: 'hu-ca', proposedDueDays: 14,
      summary: { text: 'Verifica del diploma di infermiera', language: 'it' },
      subject: {
        'family-name': 'Rossi', 'first-names': 'Maria', 'date-of-birth': '1980-01-01', 'place-of-birth': 'Bologna', nationality: 'IT',
        'professional-registration-number': 'BO-1234', profession: 'Infermiera', 'mobility-type': 'establishment',
      },
      questions: [
        {
          questionId: 'diploma-authentic',
          extraDetails: { 'diploma-title': 'Laurea in infermieristica', 'awarding-body': 'Università di Bologna', 'date-on-document': '2003-07-15' },
        },
        { questionId: 'training-level' },
        { questionId: 'entitled-to-practise' },
      ],
    },
  }, 'it-ca:handler');
  const sent = act(w, draft, { type: 'sendRequest', caseId: draft.id }, 'it-ca:handler');
  return act(w, sent, { type: 'acceptRequest', caseId: draft.id, days: 10 }, 'hu-ca:handler');
}

/** Every pre-translated text a reader of the case sees, in `language`. */
function textsOf(c: RequestCase, language: LanguageCode): string[] {
  const set = questionSetById(c.questionSetId);
  if (!set) throw new Error('unknown set');
  const out = [localize(set.title, language)];
  for (const selected of c.questions) {
    const q = set.questions.find((x) => x.id === selected.questionId);
    if (!q) throw new Error(`unknown question ${selected.questionId}`);
    const category = set.categories.find((x) => x.id === q.categoryId);
    out.push(localize(q.text, language), ...(category ? [localize(category.title, language)] : []));
    out.push(...(q.options ?? []).map((o) => localize(o.label, language)));
    out.push(...q.followUps.map((f) => localize(f.text, language)), ...q.extraDetails.map((d) => localize(d.label, language)));
  }
  out.push(...subjectSectionFor('PQ').fields.map((f) => localize(f.label, language)));
  return out;
}

describe('a request created in Italian and read in Hungarian', () => {
  it('shows every pre-translated text in Hungarian', () => {
    const c = draftedInItalian();
    const hungarian = new Set([...Object.values(hu), ...Object.values(huReference)]);
    const read = textsOf(c, 'hu');
    expect(read.filter((t) => !hungarian.has(t))).toEqual([]);
    expect(read).toContain('Hiteles-e a csatolt, képesítés megszerzését igazoló okirat?');
  });

  it('shows the same texts in Italian to the Italian requester', () => {
    const c = draftedInItalian();
    const italian = new Set(Object.values(it_));
    const read = textsOf(c, 'it').slice(0, -subjectSectionFor('PQ').fields.length);
    expect(read.filter((t) => !italian.has(t))).toEqual([]);
    expect(read).toContain('Il titolo di formazione allegato è autentico?');
  });

  it('keeps the free text in the language it was written in', () => {
    expect(draftedInItalian().summary).toEqual({ text: 'Verifica del diploma di infermiera', language: 'it' });
  });
});

describe('the shipped reference data', () => {
  it('reports no translation gap in any of the 26 languages', () => {
    loadReferenceData();
    expect(referenceTranslationGaps()).toEqual([]);
  });
});
