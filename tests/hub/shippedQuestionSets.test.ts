// SPEC §15 scenario 2 on the question sets the product ships (resources/questionSets through the same
// shippedReferenceLookup hub/main.ts uses), not the test fixtures: an Italian PQ request with pq-diploma-authenticity to
// a Hungarian authority, masked for the responder until it accepts with 10 days.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_REFERENCE, shippedReferenceLookup, type ReferenceLookup } from '../../hub/requests/referenceLookup';
import { hubBackends } from '../../hub/testing/hubHarness.testkit';
import { loadReferenceData } from '../../shared/reference/referenceData';
import type { RequestView } from '../../shared/request/visibility';
import { useApiHub, type ApiHub, type Desk } from './support/hubApi.testkit';
import { newCaseId } from './support/requests.testkit';

const SUBJECT = {
  'family-name': 'Kovács-Rossi',
  'first-names': 'Maria Teresa',
  'date-of-birth': '1984-03-12',
  'place-of-birth': 'Ferrara',
  nationality: 'IT',
  'professional-registration-number': 'OMCEO-BO-55821',
  profession: 'Medical doctor',
  'mobility-type': 'establishment',
};
const PERSONAL_SUBJECT = ['family-name', 'first-names', 'date-of-birth', 'place-of-birth', 'nationality', 'professional-registration-number'];

describe('the shipped reference data as hub/main.ts loads it', () => {
  it('loads every shipped question set and each area\'s subject section, without falling back to none', async () => {
    const warnings: string[] = [];
    const lookup = await shippedReferenceLookup((line) => warnings.push(line));
    expect(warnings).toEqual([]);
    expect(lookup).not.toBe(EMPTY_REFERENCE);
    const shipped = loadReferenceData();
    expect(shipped.questionSets.map((s) => s.id)).toContain('pq-diploma-authenticity');
    for (const set of shipped.questionSets) expect(lookup.questionSet(set.id)?.area).toBe(set.area);
    for (const area of ['PQ', 'SD', 'PR'] as const) expect(lookup.subjectSection(area)?.fields.length).toBeGreaterThan(0);
  });
});

describe.each(hubBackends())('scenario 2 on the shipped question sets through the hub on $name', { timeout: 60_000 }, (backend) => {
  const current = useApiHub(backend);
  let shipped: ReferenceLookup;
  beforeAll(async () => {
    shipped = await shippedReferenceLookup();
  });
  let api: ApiHub;
  let requester: Desk;
  let responder: Desk;
  beforeEach(async () => {
    api = current();
    // Each call's context spreads the hub's deps, so from here on the server decides with the shipped sets.
    api.hub.deps.reference = shipped;
    requester = await api.desk('it-salute-handler');
    responder = await api.desk('hu-enkk-handler');
  });

  it('drafts with subject data, sends to Hungary; the handler there sees no personal field until it accepts with 10 days', async () => {
    const caseId = newCaseId('pq-diploma');
    const created = await requester.ok({
      type: 'createDraft', caseId, area: 'PQ', questionSetId: 'pq-diploma-authenticity',
      form: {
        respondingAuthorityId: 'hu-enkk',
        proposedDueDays: 10,
        subject: SUBJECT,
        questions: [
          { questionId: 'diploma-authentic', extraDetails: { 'diploma-title': 'Laurea in Medicina e Chirurgia', 'awarding-body': 'Università di Bologna', 'date-on-document': '2009-07-21' } },
          { questionId: 'date-of-award' },
          { questionId: 'entitled-to-practise' },
        ],
      },
    });
    expect(Object.values(created.entryNumbers ?? {})).toHaveLength(1);
    await requester.ok({ type: 'sendRequest', caseId });

    const before = (await responder.requestView(caseId)) as RequestView | undefined;
    expect(before?.level).toBe('FULL_NO_PD');
    if (before?.level !== 'FULL_NO_PD') return;
    expect(before.case.questionSetId).toBe('pq-diploma-authenticity');
    expect(Object.keys(before.case.subject).sort()).toEqual(['mobility-type', 'profession']);
    const diploma = before.case.questions.find((q) => q.questionId === 'diploma-authentic');
    expect(Object.keys(diploma?.extraDetails ?? {}).sort()).toEqual(['awarding-body', 'diploma-title']);
    const json = JSON.stringify(before);
    for (const value of ['Kovács-Rossi', '1984-03-12', 'OMCEO-BO-55821', '2009-07-21', 'Ferrara']) expect(json).not.toContain(value);
    expect(before.case.answers.filter((a) => a.value !== undefined && a.value !== null)).toEqual([]);

    await responder.ok({ type: 'acceptRequest', caseId, days: 10 });
    const after = (await responder.requestView(caseId)) as RequestView | undefined;
    expect(after?.level).toBe('FULL');
    if (after?.level !== 'FULL') return;
    expect(after.case.status).toBe('ACCEPTED');
    for (const field of PERSONAL_SUBJECT) expect(after.case.subject[field]).toEqual(SUBJECT[field as keyof typeof SUBJECT]);
    expect(after.case.questions.find((q) => q.questionId === 'diploma-authentic')?.extraDetails['date-on-document']).toBe('2009-07-21');
    expect(after.case.dueDate).not.toBeNull();
  });
});
