// Sends the automatic e-mails of SPEC §11 for an applied command, after its transaction committed: recipients come
// from hub/mail's rules; a failed mail is logged and never undoes the command.
import type { RequestCommand } from '../../shared/request/commands';
import type { RequestCase } from '../../shared/request/requestCase';
import type { User } from '../../shared/user/user';
import type { HubDeps } from '../deps';
import { requestMailRecipients, type RequestMailEvent } from '../mail/requestRecipients';
import { requestLink } from '../mail/renderMail';
import { loadDirectory } from './directory';
import { EMPTY_REFERENCE } from './referenceLookup';

export interface AppliedCommand {
  command: RequestCommand;
  user: User;
  /** Each case the command touched, as it is afterwards (undefined: deleted). */
  cases: ReadonlyMap<string, RequestCase | undefined>;
  /** Every authority the command concerned: their users are the candidates for mail. */
  directoryAuthorityIds: readonly string[];
}

/** The mail-worthy events of a command: the command on its own case, and a split's new part as a new incoming request. */
function mailEvents(applied: AppliedCommand): Array<{ event: RequestMailEvent; c: RequestCase }> {
  const { command, user } = applied;
  const by = { userId: user.id, authorityId: user.authorityId };
  const result: Array<{ event: RequestMailEvent; c: RequestCase }> = [];
  const main = applied.cases.get(command.caseId);
  if (main) result.push({ event: { type: command.type, ...by }, c: main });
  if (command.type === 'splitRequest') {
    const part = applied.cases.get(command.newCaseId);
    if (part) result.push({ event: { type: 'splitPartCreated', ...by }, c: part });
  }
  return result;
}

export async function sendRequestMails(deps: HubDeps, applied: AppliedCommand, log: (line: string) => void = console.error): Promise<number> {
  let sent = 0;
  try {
    const events = mailEvents(applied);
    if (events.length === 0) return 0;
    const directory = await loadDirectory(deps.db, deps.reference ?? EMPTY_REFERENCE, applied.directoryAuthorityIds);
    for (const { event, c } of events) {
      // A case without an entry number cannot be referred to in a mail; only drafts lack one, and drafts mail nobody.
      if (c.entryNumber === null) continue;
      for (const recipient of requestMailRecipients(event, c, directory)) {
        try {
          await deps.mailer.send({ to: recipient.email, language: recipient.language, template: recipient.template, params: { entryNumber: String(c.entryNumber), link: requestLink(c.entryNumber) } });
          sent++;
        } catch (error) {
          log(`hub: mail ${recipient.template} for request ${c.entryNumber} not sent: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  } catch (error) {
    log(`hub: mails after ${applied.command.type} not computed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return sent;
}
