// Turns the recipients of a request event into mails ready for a Mailer: only the entry number and its link travel.
import type { RequestCase } from '../../shared/request/requestCase';
import type { OutgoingMail } from './mailer';
import { requestLink } from './renderMail';
import { requestMailRecipients } from './requestRecipients';
import type { MailDirectory, RequestMailEvent } from './requestRecipients';

export function requestMails(event: RequestMailEvent, c: RequestCase, directory: MailDirectory): OutgoingMail[] {
  // A case without an entry number has not reached anyone else yet; there is nothing to link to.
  if (c.entryNumber === null) return [];
  const params = { entryNumber: String(c.entryNumber), link: requestLink(c.entryNumber) };
  return requestMailRecipients(event, c, directory).map((r) => ({ to: r.email, language: r.language, template: r.template, params }));
}
