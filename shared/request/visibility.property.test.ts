// Property: whatever the case and the user, a view below FULL carries no personal data and no openable attachment.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLOSED_STATUSES, RequestStatus } from './requestCase';
import type { Answer, Attachment, FieldValues } from './requestCase';
import { RequestView, personalFieldIds, viewFor } from './visibility';
import { AREA, SET_ID, environment, questionSet, requestCase, standardDirectory, subjectSection, user } from './visibility.testkit';
import { GeneralRole, RequestRole, UserStatus } from '../user/user';

/** Every personal value carries this mark, so a leak shows up as a string containing it. */
const MARK = '§PD§';
const env = environment(standardDirectory());
const personal = personalFieldIds(AREA, SET_ID, env);
/** Keys the schema does not define, so the masking must treat them as personal. */
const UNKNOWN_KEYS = ['nickname', 'tax-number'];

const plain = fc.string({ maxLength: 12 }).filter((s) => !s.includes(MARK));
const secret = fc.string({ maxLength: 12 }).map((s) => `${MARK}${s}`);
const valueFor = (isPersonal: boolean) => (isPersonal ? secret : plain);

function fieldValues(ids: readonly string[], isPersonal: (id: string) => boolean): fc.Arbitrary<FieldValues> {
  const entries = [...ids, ...UNKNOWN_KEYS].map((id) => fc.option(valueFor(isPersonal(id)).map((v) => [id, v] as const), { nil: undefined }));
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== undefined)));
}

const textAnswer = (isPersonal: boolean) => valueFor(isPersonal).map((text) => ({ kind: 'text' as const, text: { text, language: 'en' as const } }));

const answers: fc.Arbitrary<Answer[]> = fc.tuple(
  ...questionSet.questions.map((q) =>
    fc.option(
      fc.record({
        value: fc.option(fc.oneof(textAnswer(personal.answer(q.id)), fc.boolean().map((value) => ({ kind: 'yesNo' as const, value }))), { nil: null }),
        followUps: fc.tuple(...q.followUps.map((f) => fc.option(textAnswer(personal.followUp(q.id, f.id)), { nil: undefined })))
          .map((vs) => Object.fromEntries(q.followUps.flatMap((f, i) => (vs[i] ? [[f.id, vs[i]]] : [])))),
        sent: fc.boolean(),
      }).map((a): Answer => ({ questionId: q.id, comment: null, ...a })),
      { nil: undefined },
    ),
  ),
).map((as) => as.filter((a) => a !== undefined));

const attachments: fc.Arbitrary<Attachment[]> = fc.array(
  fc.record({ id: fc.uuid(), name: plain.map((n) => `${n}.pdf`), size: fc.integer({ min: 1, max: 10_000 }) }).map((a) => ({
    ...a, nameLanguage: 'en' as const, documentLanguage: 'de' as const, comment: null, tabId: 'subject', sha256: 'b'.repeat(64),
    mediaType: 'application/pdf', authorityId: 'req', userId: 'u0', at: '2030-01-01T09:30:00Z',
  })),
  { maxLength: 3 },
);

const cases = fc.record({
  status: fc.constantFrom(...RequestStatus.options),
  accepted: fc.boolean(),
  subject: fieldValues(subjectSection.fields.map((f) => f.id), personal.subjectField),
  formFields: fieldValues(questionSet.formFields.map((f) => f.id), personal.formField),
  extraDetails: fieldValues(questionSet.questions[0]?.extraDetails.map((d) => d.id) ?? [], (id) => personal.extraDetail('diploma-authentic', id)),
  answers,
  attachments,
  responder: fc.constantFrom('resp', 'respCo', 'reqCo2', 'stranger'),
}).map((r) => requestCase({
  status: r.status,
  acceptedAt: r.accepted ? '2030-01-02T10:00:00Z' : null,
  closedAt: CLOSED_STATUSES.includes(r.status) ? '2030-02-01T10:00:00Z' : null,
  respondingAuthorityId: r.responder,
  subject: r.subject,
  formFields: r.formFields,
  questions: [{ questionId: 'diploma-authentic', extraDetails: r.extraDetails, comment: null }, { questionId: 'home-address', extraDetails: {}, comment: null }],
  answers: r.answers,
  attachments: r.attachments,
}));

const users = fc.record({
  authorityId: fc.constantFrom(...standardDirectory().map((a) => a.id)),
  roles: fc.subarray([...RequestRole.options]),
  generalRoles: fc.subarray([...GeneralRole.options]),
  status: fc.constantFrom(...UserStatus.options),
}).map((u) => user(u.authorityId, u.roles, { generalRoles: u.generalRoles, status: u.status }));

/** Every key and every string anywhere in a value. */
function walk(value: unknown, onKey: (key: string, owner: object) => void, onString: (s: string) => void): void {
  if (typeof value === 'string') onString(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, onKey, onString));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      onKey(k, value);
      walk(v, onKey, onString);
    }
  }
}

describe('viewFor below FULL', () => {
  it('never carries a personal field, a personal value or an openable attachment', () => {
    fc.assert(
      fc.property(cases, users, (c, u) => {
        const view = viewFor(c, u, env);
        if (view === null || view.level === 'FULL') return;
        const forbiddenKeys = new Set([...personal.ids, ...UNKNOWN_KEYS]);
        walk(
          view.case,
          (key, owner) => {
            expect(forbiddenKeys.has(key)).toBe(false);
            if (key === 'contentAvailable') expect((owner as { contentAvailable: unknown }).contentAvailable).toBe(false);
            if (key === 'value' && 'questionId' in owner) expect(personal.answer(String(owner.questionId))).toBe(false);
          },
          (s) => expect(s.includes(MARK)).toBe(false),
        );
        expect(RequestView.safeParse(view).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every value at FULL', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const view = viewFor(c, user('req', ['REQUEST_HANDLER']), env);
        if (c.status === 'DRAFT' || view?.level !== 'FULL') return;
        expect(view.case.subject).toEqual(c.subject);
        expect(view.case.answers).toEqual(c.answers);
        expect(view.case.attachments.every((a) => a.contentAvailable)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
