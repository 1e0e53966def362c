// Visibility per row of the SPEC §5.1 table, and what viewFor removes below FULL.
import { describe, expect, it } from 'vitest';
import { RequestView, personalFieldIds, viewFor, visibilityLevel } from './visibility';
import { AREA, SET_ID, authority, environment, requestCase, standardDirectory, user } from './visibility.testkit';

const env = environment(standardDirectory());
const sent = requestCase();
const accepted = requestCase({ status: 'ACCEPTED', acceptedAt: '2030-01-02T10:00:00Z' });

describe('visibilityLevel', () => {
  it('gives requesting handlers and viewers FULL', () => {
    expect(visibilityLevel(sent, user('req', ['REQUEST_HANDLER']), env)).toBe('FULL');
    expect(visibilityLevel(sent, user('req', ['REQUEST_VIEWER']), env)).toBe('FULL');
  });

  it('gives responding handlers and viewers FULL_NO_PD before acceptance', () => {
    expect(visibilityLevel(sent, user('resp', ['REQUEST_HANDLER']), env)).toBe('FULL_NO_PD');
    expect(visibilityLevel(sent, user('resp', ['REQUEST_VIEWER']), env)).toBe('FULL_NO_PD');
  });

  it('gives responding handlers and viewers FULL after acceptance', () => {
    expect(visibilityLevel(accepted, user('resp', ['REQUEST_HANDLER']), env)).toBe('FULL');
    expect(visibilityLevel(accepted, user('resp', ['REQUEST_VIEWER']), env)).toBe('FULL');
  });

  it('gives allocators of either side FULL_NO_PD, also after acceptance', () => {
    expect(visibilityLevel(accepted, user('req', ['ALLOCATOR']), env)).toBe('FULL_NO_PD');
    expect(visibilityLevel(accepted, user('resp', ['ALLOCATOR']), env)).toBe('FULL_NO_PD');
  });

  it('lets a handler who is also an allocator keep FULL', () => {
    expect(visibilityLevel(accepted, user('resp', ['ALLOCATOR', 'REQUEST_HANDLER']), env)).toBe('FULL');
  });

  it('gives referral handlers of the requesting and the responding coordinator FULL_NO_PD', () => {
    expect(visibilityLevel(accepted, user('reqCo', ['REFERRAL_HANDLER']), env)).toBe('FULL_NO_PD');
    expect(visibilityLevel(accepted, user('respCo', ['REFERRAL_HANDLER']), env)).toBe('FULL_NO_PD');
  });

  it('never shows personal data to a case coordinator, even with handler roles', () => {
    const c = requestCase({ status: 'ACCEPTED', acceptedAt: '2030-01-02T10:00:00Z', respondingCoordinatorId: 'resp' });
    expect(visibilityLevel(c, user('resp', ['REQUEST_HANDLER', 'REFERRAL_HANDLER']), env)).toBe('FULL_NO_PD');
    expect(visibilityLevel(accepted, user('respCo', ['REQUEST_HANDLER', 'REQUEST_VIEWER']), env)).toBe('MONITORING');
  });

  it('gives other users of the case coordinators MONITORING', () => {
    expect(visibilityLevel(accepted, user('reqCo', []), env)).toBe('MONITORING');
    expect(visibilityLevel(accepted, user('respCo', ['ALLOCATOR']), env)).toBe('MONITORING');
    expect(visibilityLevel(accepted, user('respCo', [], { generalRoles: ['DATA_ADMINISTRATOR'] }), env)).toBe('MONITORING');
  });

  it('gives other linked coordinators of the parties MONITORING, even their referral handlers', () => {
    expect(visibilityLevel(accepted, user('reqCo2', ['REFERRAL_HANDLER']), env)).toBe('MONITORING');
  });

  it('gives linked authorities of either party MONITORING, in either direction of the link', () => {
    expect(visibilityLevel(accepted, user('respWatcher', ['REQUEST_HANDLER']), env)).toBe('MONITORING');
    expect(visibilityLevel(accepted, user('reqWatcher', ['REQUEST_HANDLER']), env)).toBe('MONITORING');
  });

  it('gives basic users of the two authorities MONITORING', () => {
    expect(visibilityLevel(accepted, user('req', []), env)).toBe('MONITORING');
    expect(visibilityLevel(accepted, user('resp', []), env)).toBe('MONITORING');
  });

  it('hides the request from an authority that forwarded it away', () => {
    const forwarded = requestCase({ respondingAuthorityId: 'stranger', formerRespondingAuthorityIds: ['resp'] });
    expect(visibilityLevel(forwarded, user('resp', ['REQUEST_HANDLER', 'REQUEST_VIEWER']), env)).toBe('NONE');
    expect(visibilityLevel(forwarded, user('resp', []), env)).toBe('NONE');
  });

  it('hides a forwarded request from the former responder even when it is a linked authority', () => {
    const forwarded = requestCase({ respondingAuthorityId: 'stranger', formerRespondingAuthorityIds: ['respWatcher'] });
    const directory = environment([...standardDirectory(), authority('stranger', { linkedAuthorityIds: ['respWatcher'] })].reverse());
    expect(visibilityLevel(forwarded, user('respWatcher', ['REQUEST_HANDLER']), directory)).toBe('NONE');
  });

  it('shows the request again to a former responder that became the responder again', () => {
    const back = requestCase({ respondingAuthorityId: 'resp', formerRespondingAuthorityIds: ['resp'] });
    expect(visibilityLevel(back, user('resp', ['REQUEST_HANDLER']), env)).toBe('FULL_NO_PD');
  });

  it('hides the request from an unrelated authority', () => {
    expect(visibilityLevel(accepted, user('stranger', ['REQUEST_HANDLER', 'REFERRAL_HANDLER']), env)).toBe('NONE');
  });

  it('hides the request from users who are not active', () => {
    expect(visibilityLevel(accepted, user('req', ['REQUEST_HANDLER'], { status: 'BLOCKED' }), env)).toBe('NONE');
    expect(visibilityLevel(accepted, user('req', ['REQUEST_HANDLER'], { status: 'DEACTIVATED' }), env)).toBe('NONE');
  });

  it('looks up the status of a user passed without one, and denies a user the directory does not know', () => {
    const blocked = user('req', ['REQUEST_HANDLER'], { status: 'BLOCKED' });
    const actor = { id: blocked.id, authorityId: 'req', generalRoles: blocked.generalRoles, rights: blocked.rights };
    expect(visibilityLevel(accepted, actor, environment(standardDirectory(), [blocked]))).toBe('NONE');
    expect(visibilityLevel(accepted, actor, environment(standardDirectory(), []))).toBe('NONE');
    expect(visibilityLevel(accepted, actor, environment(standardDirectory(), [{ ...blocked, status: 'ACTIVE' }]))).toBe('FULL');
  });

  it('shows a draft only to the requesting authority', () => {
    const draft = requestCase({ status: 'DRAFT', sentAt: null, entryNumber: null });
    expect(visibilityLevel(draft, user('req', ['REQUEST_HANDLER']), env)).toBe('FULL');
    expect(visibilityLevel(draft, user('resp', ['REQUEST_HANDLER']), env)).toBe('NONE');
    expect(visibilityLevel(draft, user('reqCo', ['REFERRAL_HANDLER']), env)).toBe('NONE');
    expect(visibilityLevel(draft, user('reqWatcher', []), env)).toBe('NONE');
  });

  it('hides a request awaiting the requesting coordinator\'s approval from the addressee and its side', () => {
    const awaitingApproval = requestCase({ status: 'AWAITING_REQUEST_APPROVAL', respondingCoordinatorId: null });
    expect(visibilityLevel(awaitingApproval, user('req', ['REQUEST_HANDLER']), env)).toBe('FULL');
    expect(visibilityLevel(awaitingApproval, user('reqCo', ['REFERRAL_HANDLER']), env)).toBe('FULL_NO_PD');
    expect(visibilityLevel(awaitingApproval, user('resp', ['REQUEST_HANDLER']), env)).toBe('NONE');
    expect(visibilityLevel(awaitingApproval, user('resp', ['ALLOCATOR']), env)).toBe('NONE');
    expect(visibilityLevel(awaitingApproval, user('respWatcher', []), env)).toBe('NONE');
  });

  it('checks roles in the case area only', () => {
    expect(visibilityLevel(accepted, user('req', ['REQUEST_HANDLER'], { area: 'SD', generalRoles: [] }), env)).toBe('NONE');
  });
});

describe('viewFor', () => {
  it('returns null when the user may not see the request', () => {
    expect(viewFor(accepted, user('stranger', ['REQUEST_HANDLER']), env)).toBeNull();
  });

  it('gives FULL viewers everything and opens the attachments', () => {
    const view = viewFor(accepted, user('req', ['REQUEST_HANDLER']), env);
    expect(view?.level).toBe('FULL');
    if (view?.level !== 'FULL') return;
    expect(view.case.subject['birth-date']).toBe('1980-02-03');
    expect(view.case.attachments.every((a) => a.contentAvailable)).toBe(true);
    expect(() => RequestView.parse(view)).not.toThrow();
  });

  it('removes personal subject, form and extra-detail keys below FULL', () => {
    const view = viewFor(sent, user('resp', ['REQUEST_HANDLER']), env);
    expect(view?.level).toBe('FULL_NO_PD');
    if (view?.level !== 'FULL_NO_PD') return;
    expect('birth-date' in view.case.subject).toBe(false);
    expect('family-name' in view.case.subject).toBe(false);
    expect(view.case.subject.profession).toBe('nurse');
    expect('patient-record' in view.case.formFields).toBe(false);
    expect(view.case.formFields['case-description']).toBe('Cross-border check');
    expect(view.case.questions[0]?.extraDetails).toEqual({ 'diploma-title': 'BSc Nursing' });
  });

  it('removes answers to personal questions and personal follow-up answers below FULL', () => {
    const view = viewFor(sent, user('resp', ['REQUEST_HANDLER']), env);
    if (view?.level !== 'FULL_NO_PD') throw new Error('expected FULL_NO_PD');
    const [diploma, address] = view.case.answers;
    expect(diploma?.value).toEqual({ kind: 'yesNo', value: false });
    expect(Object.keys(diploma?.followUps ?? {})).toEqual(['why-not']);
    expect(address && 'value' in address).toBe(false);
    expect(address?.followUps).toEqual({});
  });

  it('keeps attachment metadata but closes the content below FULL', () => {
    const view = viewFor(sent, user('resp', ['REQUEST_HANDLER']), env);
    if (view?.level !== 'FULL_NO_PD') throw new Error('expected FULL_NO_PD');
    expect(view.case.attachments).toHaveLength(1);
    expect(view.case.attachments[0]).toMatchObject({ name: 'diploma.pdf', contentAvailable: false });
    expect(() => RequestView.parse(view)).not.toThrow();
  });

  it('treats fields without a definition as personal', () => {
    const c = requestCase({ subject: { profession: 'nurse', nickname: 'Mo' }, formFields: { 'unknown-field': 'x' } });
    const view = viewFor(c, user('resp', ['REQUEST_HANDLER']), env);
    if (view?.level !== 'FULL_NO_PD') throw new Error('expected FULL_NO_PD');
    expect(view.case.subject).toEqual({ profession: 'nurse' });
    expect(view.case.formFields).toEqual({});
  });

  it('treats every answer as personal when the question set is unknown', () => {
    const c = requestCase({ questionSetId: 'no-such-set' });
    const view = viewFor(c, user('resp', ['REQUEST_HANDLER']), env);
    if (view?.level !== 'FULL_NO_PD') throw new Error('expected FULL_NO_PD');
    expect(view.case.answers.every((a) => !('value' in a) && Object.keys(a.followUps).length === 0)).toBe(true);
  });

  it('keeps only the monitoring subset for MONITORING', () => {
    const view = viewFor(accepted, user('reqWatcher', []), env);
    expect(view?.level).toBe('MONITORING');
    expect(Object.keys(view?.case ?? {}).sort()).toEqual([
      'area', 'closedAt', 'dueDate', 'entryNumber', 'id', 'questionSetId', 'requestingAuthorityId', 'requestingCoordinatorId',
      'respondingAuthorityId', 'respondingCoordinatorId', 'sentAt', 'status',
    ]);
    expect(() => RequestView.parse(view)).not.toThrow();
  });

  it('refuses to parse a FULL_NO_PD view whose attachment claims open content', () => {
    const view = viewFor(sent, user('resp', ['REQUEST_HANDLER']), env);
    if (view?.level !== 'FULL_NO_PD') throw new Error('expected FULL_NO_PD');
    const tampered = { ...view, case: { ...view.case, attachments: view.case.attachments.map((a) => ({ ...a, contentAvailable: true })) } };
    expect(RequestView.safeParse(tampered).success).toBe(false);
  });
});

describe('personalFieldIds', () => {
  it('lists every id the schema marks personal', () => {
    expect([...personalFieldIds(AREA, SET_ID, env).ids].sort()).toEqual(
      ['birth-date', 'family-name', 'holder-id', 'holder-address', 'home-address', 'patient-record', 'since-when'].sort(),
    );
  });

  it('ignores a question set of another area', () => {
    const personal = personalFieldIds('SD', SET_ID, env);
    expect(personal.answer('diploma-authentic')).toBe(true);
    expect(personal.subjectField('profession')).toBe(true);
  });
});
