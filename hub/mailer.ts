// The port through which hub services send automatic e-mails (the real SMTP/.eml one is hub/mail/mailer.ts),
// and two stand-ins that render every mail exactly as the real one would, so a bad template or a
// forbidden parameter (e.g. a username, SPEC §4) fails in tests and in development too.
import type { Mailer, OutgoingMail } from './mail/mailer';
import { MailRenderError } from './mail/mailer';
import { renderMail } from './mail/renderMail';

export type { Mailer, OutgoingMail as Mail } from './mail/mailer';
export { createMailer } from './mail/mailer';

function rendered(mail: OutgoingMail) {
  const outcome = renderMail(mail.template, mail.language, mail.params);
  if (!outcome.ok) throw new MailRenderError(outcome.reason, outcome.param, mail.template);
  return outcome.mail;
}

/** Keeps every mail in memory (after rendering it): tests read `sent`. */
export interface RecordingMailer extends Mailer {
  readonly sent: OutgoingMail[];
}

export function recordingMailer(): RecordingMailer {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    send: async (mail) => {
      rendered(mail);
      sent.push(mail);
    },
  };
}

/** Prints each rendered mail, for a developer running the hub without an SMTP server or mail folder. */
export function consoleMailer(log: (line: string) => void = console.log): Mailer {
  return {
    send: async (mail) => {
      const { subject } = rendered(mail);
      log(`[mail] to=${mail.to} language=${mail.language} template=${mail.template} subject=${JSON.stringify(subject)} ${JSON.stringify(mail.params)}`);
    },
  };
}
