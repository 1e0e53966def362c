import { describe, expect, it } from 'vitest';
import { did, directory, requestCase, user, world } from './mailFixtures.testkit';
import { requestMails } from './requestMails';
import { requestMailRecipients } from './requestRecipients';
import type { RequestMailEvent } from './requestRecipients';
import type { RequestCase } from '../../shared/request/requestCase';

const person = (id: string) => `${id}@people.example.eu`;
const contact = (id: string) => `${id}@authority.example.eu`;

/** Recipients as "address language template", sorted, so a test reads as the list it expects. */
function mailed(event: RequestMailEvent, c: RequestCase, cast = world()): string[] {
  return requestMailRecipients(event, c, directory(cast.authorities, cast.users))
    .map((r) => `${r.email} ${r.language} ${r.template}`)
    .sort();
}

const by = (type: RequestMailEvent['type'], userId: string, authorityId: string): RequestMailEvent => ({ type, userId, authorityId });

/** A case the responder accepted (respClaire) and answered; the requester's last actor is reqAnna. */
const answered = (extra: Partial<RequestCase> = {}) =>
  requestCase({
    status: 'ANSWERED',
    history: [
      did('createDraft', 'reqBen', 'req', 'DRAFT'),
      did('sendRequest', 'reqAnna', 'req', 'AWAITING_ACCEPTANCE'),
      did('acceptRequest', 'respClaire', 'resp', 'ACCEPTED'),
      did('sendReply', 'respClaire', 'resp', 'ANSWERED'),
    ],
    ...extra,
  });

describe('new incoming request (SPEC §11)', () => {
  it('mails every active request handler of the responder in their language, and its contact address in its first language', () => {
    expect(mailed(by('sendRequest', 'reqAnna', 'req'), requestCase())).toEqual([
      `${contact('resp')} fr newIncomingRequest`,
      `${person('respClaire')} fr newIncomingRequest`,
      `${person('respDavid')} en newIncomingRequest`,
    ].sort());
  });

  it('mails the allocators instead of the handlers when the responder uses allocation', () => {
    expect(mailed(by('sendRequest', 'reqAnna', 'req'), requestCase({ respondingAuthorityId: 'respAlloc' }))).toEqual([
      `${contact('respAlloc')} it newIncomingRequest`,
      `${person('allocEva')} it newIncomingRequest`,
    ].sort());
  });

  it('mails the requesting coordinator for approval when the request waits for it, not the responder', () => {
    const c = requestCase({ status: 'AWAITING_REQUEST_APPROVAL' });
    expect(mailed(by('sendRequest', 'reqAnna', 'req'), c)).toEqual([
      `${contact('reqCo')} de approvalRequired`,
      `${person('reqCoHana')} de approvalRequired`,
    ].sort());
  });

  it('announces an approved request to the responder as a new incoming request', () => {
    expect(mailed(by('approveRequest', 'reqCoHana', 'reqCo'), requestCase())).toContain(`${person('respClaire')} fr newIncomingRequest`);
  });

  it('tells the new responder of a forwarded request and the requester that it was forwarded; the old responder hears nothing', () => {
    const c = requestCase({
      respondingAuthorityId: 'respAlloc', formerRespondingAuthorityIds: ['resp'],
      history: [...requestCase().history, did('forwardRequest', 'respClaire', 'resp', 'AWAITING_ACCEPTANCE')],
    });
    expect(mailed(by('forwardRequest', 'respClaire', 'resp'), c)).toEqual([
      `${contact('req')} de requestForwarded`,
      `${contact('respAlloc')} it newIncomingRequest`,
      `${person('allocEva')} it newIncomingRequest`,
      `${person('reqAnna')} de requestForwarded`,
    ].sort());
  });

  it('tells the addressee of a split part of a new incoming request, and the requester of the split on the original', () => {
    const original = answered({ status: 'ACCEPTED', splitIntoCaseIds: ['case-2'] });
    const part = requestCase({ id: 'case-2', entryNumber: 63352, respondingAuthorityId: 'respAlloc', splitFromCaseId: 'case-1' });
    expect(mailed(by('splitRequest', 'respClaire', 'resp'), original)).toEqual([`${contact('req')} de requestSplit`, `${person('reqAnna')} de requestSplit`].sort());
    expect(mailed(by('splitPartCreated', 'respClaire', 'resp'), part)).toEqual([`${contact('respAlloc')} it newIncomingRequest`, `${person('allocEva')} it newIncomingRequest`].sort());
  });
});

describe('after allocation', () => {
  it('mails only the assigned handlers, without the contact address', () => {
    const c = requestCase({ respondingAuthorityId: 'respAlloc', assignments: { respAlloc: ['allocFilip'] } });
    expect(mailed(by('assignHandlers', 'allocEva', 'respAlloc'), c)).toEqual([`${person('allocFilip')} en requestAllocated`]);
  });

  it('tells referral handlers assigned by a coordinator that a referral waits for them', () => {
    const c = answered({ status: 'REFERRED_TO_RESPONDING_COORDINATOR', respondingCoordinatorId: 'respCo', assignments: { respCo: ['respCoIvo'] } });
    expect(mailed(by('assignHandlers', 'respCoJana', 'respCo'), c)).toEqual([`${person('respCoIvo')} en referralReceived`]);
  });
});

describe('later events go to the other side', () => {
  it('tells the requester that its request was accepted: the handler who acted last and the contact address', () => {
    const c = requestCase({ status: 'ACCEPTED', history: [...answered().history.slice(0, 3)] });
    expect(mailed(by('acceptRequest', 'respClaire', 'resp'), c)).toEqual([`${contact('req')} de requestAccepted`, `${person('reqAnna')} de requestAccepted`].sort());
  });

  it.each([
    ['sendReply', 'replySent'],
    ['sendPartialReply', 'partialReplySent'],
    ['refuseAdditionalInfo', 'additionalInfoRefused'],
    ['acceptAdditionalInfo', 'additionalInfoAccepted'],
    ['maintainAndClose', 'requestClosed'],
    ['refuseRequest', 'requestRefused'],
  ] as const)('mails the requester on %s with %s', (type, template) => {
    expect(mailed(by(type, 'respClaire', 'resp'), answered())).toEqual([`${contact('req')} de ${template}`, `${person('reqAnna')} de ${template}`].sort());
  });

  it.each([
    ['closeRequest', 'requestClosed'],
    ['requestAdditionalInfo', 'additionalInfoRequested'],
    ['withdrawRequest', 'requestWithdrawn'],
  ] as const)('mails the responder on %s with %s', (type, template) => {
    expect(mailed(by(type, 'reqAnna', 'req'), answered())).toEqual([`${contact('resp')} fr ${template}`, `${person('respClaire')} fr ${template}`].sort());
  });

  it('tells the other side of a message, whichever side wrote it', () => {
    expect(mailed(by('addMessage', 'reqBen', 'req'), answered())).toEqual([`${contact('resp')} fr messageAdded`, `${person('respClaire')} fr messageAdded`].sort());
    expect(mailed(by('addAttachment', 'respDavid', 'resp'), answered())).toEqual([`${contact('req')} de messageAdded`, `${person('reqAnna')} de messageAdded`].sort());
  });

  it('falls back to the incoming-request audience when the responder has not acted yet (withdrawal before acceptance)', () => {
    expect(mailed(by('withdrawRequest', 'reqAnna', 'req'), requestCase({ status: 'WITHDRAWN' }))).toEqual([
      `${contact('resp')} fr requestWithdrawn`,
      `${person('respClaire')} fr requestWithdrawn`,
      `${person('respDavid')} en requestWithdrawn`,
    ].sort());
  });

  it('tells the approving coordinator, not the responder, when a request is withdrawn while awaiting approval', () => {
    const c = requestCase({
      status: 'WITHDRAWN',
      history: [did('sendRequest', 'reqAnna', 'req', 'AWAITING_REQUEST_APPROVAL'), did('withdrawRequest', 'reqAnna', 'req', 'WITHDRAWN')],
    });
    expect(mailed(by('withdrawRequest', 'reqAnna', 'req'), c)).toEqual([`${contact('reqCo')} de requestWithdrawn`, `${person('reqCoHana')} de requestWithdrawn`].sort());
  });

  it('skips a last actor who is blocked and mails the assigned handlers instead', () => {
    const c = answered({ assignments: { resp: ['respDavid'] }, history: [...answered().history.slice(0, 2), did('acceptRequest', 'respBlocked', 'resp', 'ACCEPTED')] });
    expect(mailed(by('closeRequest', 'reqAnna', 'req'), c)).toEqual([`${contact('resp')} fr requestClosed`, `${person('respDavid')} en requestClosed`].sort());
  });
});

describe('approval and referral', () => {
  it('mails the responding coordinator for a reply that needs approval; it uses allocation, so its allocators', () => {
    const c = answered({ status: 'AWAITING_REPLY_APPROVAL', respondingCoordinatorId: 'respCo' });
    expect(mailed(by('sendReply', 'respClaire', 'resp'), c)).toEqual([`${contact('respCo')} fr approvalRequired`, `${person('respCoJana')} fr approvalRequired`].sort());
  });

  it('returns a rejected reply approval to the responder who sent the reply', () => {
    const c = answered({ status: 'ACCEPTED', respondingCoordinatorId: 'respCo' });
    expect(mailed(by('rejectReplyApproval', 'respCoIvo', 'respCo'), c)).toEqual([`${contact('resp')} fr approvalRejected`, `${person('respClaire')} fr approvalRejected`].sort());
  });

  it('mails the referral handlers of the requesting coordinator when a request is referred to it', () => {
    const c = answered({ status: 'REFERRED_TO_REQUESTING_COORDINATOR', referralPath: ['REQUESTING'] });
    expect(mailed(by('referRequest', 'reqAnna', 'req'), c)).toEqual([`${contact('reqCo')} de referralReceived`, `${person('reqCoHana')} de referralReceived`].sort());
  });

  it('passes an agreed referral on to the next coordinator, or back to the responder, or tells the requester of a disagreement', () => {
    const event = by('referralDecision', 'reqCoHana', 'reqCo');
    expect(mailed(event, answered({ status: 'REFERRED_TO_RESPONDING_COORDINATOR', respondingCoordinatorId: 'respCo' })))
      .toEqual([`${contact('respCo')} fr referralReceived`, `${person('respCoJana')} fr referralReceived`].sort());
    expect(mailed(event, answered({ status: 'ADDITIONAL_INFO_REQUESTED' }))).toEqual([`${contact('resp')} fr additionalInfoRequested`, `${person('respClaire')} fr additionalInfoRequested`].sort());
    expect(mailed(event, answered({ status: 'ADDITIONAL_INFO_REFUSED' }))).toEqual([`${contact('req')} de referralDecided`, `${person('reqAnna')} de referralDecided`].sort());
  });
});

describe('what is never mailed', () => {
  it.each(['entryNumberAssigned', 'createDraft', 'editDraft', 'saveReply', 'copyRequest', 'changeLinkedCoordinator'] as const)('sends nothing for %s', (type) => {
    expect(mailed(by(type, 'reqAnna', 'req'), answered())).toEqual([]);
  });

  it('does not tell the acting user of their own action', () => {
    // The request was split to the responder itself; respClaire acted and must not be mailed, her colleague is.
    const part = requestCase({ id: 'case-2', entryNumber: 63352, splitFromCaseId: 'case-1' });
    expect(mailed(by('splitPartCreated', 'respClaire', 'resp'), part)).not.toContain(`${person('respClaire')} fr newIncomingRequest`);
    expect(mailed(by('splitPartCreated', 'respClaire', 'resp'), part)).toContain(`${person('respDavid')} en newIncomingRequest`);
  });

  it('mails an address once, in the user\'s own language, when a user shares the contact address', () => {
    const cast = world();
    cast.users.push(user('respKarl', 'resp', ['REQUEST_HANDLER'], { language: 'en', email: contact('resp') }));
    const list = mailed(by('sendRequest', 'reqAnna', 'req'), requestCase(), cast);
    expect(list.filter((line) => line.startsWith(contact('resp')))).toEqual([`${contact('resp')} en newIncomingRequest`]);
  });

  it('builds mails that carry only the entry number and its link', () => {
    const cast = world();
    const mails = requestMails(by('sendRequest', 'reqAnna', 'req'), requestCase(), directory(cast.authorities, cast.users));
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mail.params).toEqual({ entryNumber: '63351', link: 'imi-desk://request/63351' });
  });

  it('sends nothing for a case that has no entry number yet', () => {
    const cast = world();
    expect(requestMails(by('sendRequest', 'reqAnna', 'req'), requestCase({ entryNumber: null }), directory(cast.authorities, cast.users))).toEqual([]);
  });
});
