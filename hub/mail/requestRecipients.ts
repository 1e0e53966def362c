// Who receives which automatic e-mail after a request command (SPEC §11, handbook 5.3.9.3), as a pure function of
// the event, the case as it is after the command, and the directory. Sending is someone else's job.
import type { Authority, AuthorityId } from '../../shared/authority/authority';
import { DEFAULT_LANGUAGE } from '../../shared/reference/codes';
import type { LanguageCode } from '../../shared/reference/codes';
import type { RequestCommandType } from '../../shared/request/commands';
import type { RequestEnvironment } from '../../shared/request/environment';
import type { RequestCase } from '../../shared/request/requestCase';
import { hasRequestRole } from '../../shared/user/user';
import type { RequestRole, User, UserId } from '../../shared/user/user';
import type { MailTemplateId } from './mailTemplates';

/**
 * What happened: a command of SPEC §5.3, `entryNumberAssigned` (never mailed), or `splitPartCreated` — the new
 * request a split made, which its addressee must hear about as a new incoming request; `splitRequest` itself is
 * the original case, of which the requesting side hears.
 */
export type RequestMailEventType = RequestCommandType | 'entryNumberAssigned' | 'splitPartCreated';

export interface RequestMailEvent {
  type: RequestMailEventType;
  /** The acting user and authority (a coordinator's, for approval and referral decisions). */
  userId: UserId;
  authorityId: AuthorityId;
}

/** The directory as the recipient rules need it: the request environment plus the users of an authority. */
export interface MailDirectory extends RequestEnvironment {
  usersOf(authorityId: AuthorityId): User[];
}

export interface MailRecipient {
  email: string;
  language: LanguageCode;
  template: MailTemplateId;
}

type Side = 'REQUESTING' | 'RESPONDING';

export function requestMailRecipients(event: RequestMailEvent, c: RequestCase, directory: MailDirectory): MailRecipient[] {
  const rules = new Rules(event, c, directory);
  const list = rules.recipients();
  const seen = new Set<string>();
  // Users come before contact addresses, so a user whose address is also the authority's keeps their own language.
  return list.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The rules of SPEC §11 per event; each method returns the recipients in the order users-then-contact. */
class Rules {
  constructor(
    private readonly event: RequestMailEvent,
    private readonly c: RequestCase,
    private readonly directory: MailDirectory,
  ) {}

  recipients(): MailRecipient[] {
    const { c } = this;
    switch (this.event.type) {
      case 'sendRequest':
        return c.status === 'AWAITING_REQUEST_APPROVAL'
          ? this.coordinator(c.requestingCoordinatorId, 'approvalRequired')
          : this.newIncoming();
      case 'approveRequest':
      case 'splitPartCreated':
        return this.newIncoming();
      case 'forwardRequest':
        return [...this.newIncoming(), ...this.side('REQUESTING', 'requestForwarded')];
      case 'splitRequest':
        return this.side('REQUESTING', 'requestSplit');
      case 'rejectRequestApproval':
        return this.side('REQUESTING', 'approvalRejected');
      case 'acceptRequest':
        return this.side('REQUESTING', 'requestAccepted');
      case 'refuseRequest':
        return this.side('REQUESTING', 'requestRefused');
      case 'sendPartialReply':
        return this.side('REQUESTING', 'partialReplySent');
      case 'sendReply':
        return c.status === 'AWAITING_REPLY_APPROVAL'
          ? this.coordinator(c.respondingCoordinatorId, 'approvalRequired')
          : this.side('REQUESTING', 'replySent');
      case 'approveReply':
        return this.side('REQUESTING', 'replySent');
      case 'rejectReplyApproval':
        return this.side('RESPONDING', 'approvalRejected');
      case 'closeRequest':
        return this.side('RESPONDING', 'requestClosed');
      case 'maintainAndClose':
        return this.side('REQUESTING', 'requestClosed');
      case 'requestAdditionalInfo':
        return this.side('RESPONDING', 'additionalInfoRequested');
      case 'acceptAdditionalInfo':
        return this.side('REQUESTING', 'additionalInfoAccepted');
      case 'refuseAdditionalInfo':
        return this.side('REQUESTING', 'additionalInfoRefused');
      case 'referRequest':
      case 'referralDecision':
        return this.afterReferral();
      case 'withdrawRequest':
        return this.withdrawn();
      case 'addMessage':
      case 'addAttachment': {
        const other = this.otherSide();
        return other ? this.side(other, 'messageAdded') : [];
      }
      case 'assignHandlers':
        return this.assigned();
      case 'createDraft':
      case 'editDraft':
      case 'deleteDraft':
      case 'saveReply':
      case 'changeLinkedCoordinator':
      case 'copyRequest':
      case 'entryNumberAssigned':
        return [];
    }
  }

  /** A new incoming request: every handler of the responder, or its allocators when it allocates, and its contact. */
  private newIncoming(): MailRecipient[] {
    const id = this.c.respondingAuthorityId;
    const authority = id ? this.directory.authority(id) : undefined;
    if (!authority) return [];
    const role: RequestRole = authority.usesAllocation ? 'ALLOCATOR' : 'REQUEST_HANDLER';
    return [...this.users(this.withRole(authority, role), 'newIncomingRequest'), ...this.contact(authority, 'newIncomingRequest')];
  }

  /** Approval and referral: the coordinator's referral handlers (its allocators when it allocates) and its contact. */
  private coordinator(coordinatorId: AuthorityId | null, template: MailTemplateId): MailRecipient[] {
    const authority = coordinatorId ? this.directory.authority(coordinatorId) : undefined;
    if (!authority) return [];
    const role: RequestRole = authority.usesAllocation ? 'ALLOCATOR' : 'REFERRAL_HANDLER';
    return [...this.users(this.withRole(authority, role), template), ...this.contact(authority, template)];
  }

  /** A later event: the side's handler who acted last on the case, and the side's contact address. */
  private side(side: Side, template: MailTemplateId): MailRecipient[] {
    const id = side === 'REQUESTING' ? this.c.requestingAuthorityId : this.c.respondingAuthorityId;
    const authority = id ? this.directory.authority(id) : undefined;
    if (!authority) return [];
    return [...this.users(this.lastActorOf(authority), template), ...this.contact(authority, template)];
  }

  /**
   * The user of the authority who took the last action on the case. When there is none yet (a responder that has
   * not acted) or they can no longer receive mail, those who were told of the request: its assigned handlers, or
   * the audience of a new incoming request.
   */
  private lastActorOf(authority: Authority): User[] {
    const entry = this.c.history.findLast((h) => h.authorityId === authority.id);
    const last = entry ? this.directory.user(entry.userId) : undefined;
    if (last && last.authorityId === authority.id && last.status === 'ACTIVE') return [last];
    const assigned = this.assignedUsers(authority.id);
    if (assigned.length > 0) return assigned;
    return this.withRole(authority, authority.usesAllocation ? 'ALLOCATOR' : 'REQUEST_HANDLER');
  }

  private afterReferral(): MailRecipient[] {
    switch (this.c.status) {
      case 'REFERRED_TO_REQUESTING_COORDINATOR':
        return this.coordinator(this.c.requestingCoordinatorId, 'referralReceived');
      case 'REFERRED_TO_RESPONDING_COORDINATOR':
        return this.coordinator(this.c.respondingCoordinatorId, 'referralReceived');
      // The coordinators agreed the reply is unsatisfactory: the responder is asked again.
      case 'ADDITIONAL_INFO_REQUESTED':
        return this.side('RESPONDING', 'additionalInfoRequested');
      // A coordinator found the reply satisfactory: the requester may now close.
      default:
        return this.side('REQUESTING', 'referralDecided');
    }
  }

  /** Whoever has the request in hand hears of the withdrawal: the approving coordinator, or else the responder. */
  private withdrawn(): MailRecipient[] {
    const before = this.c.history.at(-2)?.status;
    if (before === 'AWAITING_REQUEST_APPROVAL') return this.coordinator(this.c.requestingCoordinatorId, 'requestWithdrawn');
    return this.side('RESPONDING', 'requestWithdrawn');
  }

  /** After allocation: the assigned users only; a coordinator's allocator assigns approval or referral work. */
  private assigned(): MailRecipient[] {
    const template: MailTemplateId =
      this.c.status === 'AWAITING_REQUEST_APPROVAL' || this.c.status === 'AWAITING_REPLY_APPROVAL'
        ? 'approvalRequired'
        : this.c.status === 'REFERRED_TO_REQUESTING_COORDINATOR' || this.c.status === 'REFERRED_TO_RESPONDING_COORDINATOR'
          ? 'referralReceived'
          : 'requestAllocated';
    return this.users(this.assignedUsers(this.event.authorityId), template);
  }

  private otherSide(): Side | undefined {
    if (this.event.authorityId === this.c.requestingAuthorityId) return 'RESPONDING';
    if (this.event.authorityId === this.c.respondingAuthorityId) return 'REQUESTING';
    return undefined;
  }

  private assignedUsers(authorityId: AuthorityId): User[] {
    return (this.c.assignments[authorityId] ?? [])
      .map((id) => this.directory.user(id))
      .filter((u): u is User => u !== undefined && u.authorityId === authorityId && u.status === 'ACTIVE');
  }

  private withRole(authority: Authority, role: RequestRole): User[] {
    return this.directory.usersOf(authority.id).filter((u) => u.status === 'ACTIVE' && hasRequestRole(u, this.c.area, role));
  }

  /** Users in their preferred language; the one who acted is not told of their own action. */
  private users(users: User[], template: MailTemplateId): MailRecipient[] {
    return users
      .filter((u) => u.status === 'ACTIVE' && u.id !== this.event.userId)
      .map((u) => ({ email: u.email, language: u.preferredLanguage, template }));
  }

  /** The authority's contact address, in the first language the authority understands. */
  private contact(authority: Authority, template: MailTemplateId): MailRecipient[] {
    return [{ email: authority.contactEmail, language: authority.languages[0] ?? DEFAULT_LANGUAGE, template }];
  }
}
