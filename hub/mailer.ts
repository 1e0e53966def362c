// The port through which the hub sends automatic e-mails; hub/mail/ provides the real SMTP/.eml one.
// Mails carry a template and parameters only: the username is never among them (SPEC §4).
export interface Mail {
  to: string;
  language: string;
  template: string;
  params: Record<string, string>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Keeps every mail in memory: tests read `sent`. */
export interface RecordingMailer extends Mailer {
  readonly sent: Mail[];
}

export function recordingMailer(): RecordingMailer {
  const sent: Mail[] = [];
  return { sent, send: async (mail) => { sent.push(mail); } };
}

/** Until hub/mail/ is wired in: prints the mail so a developer running the hub can read temporary passwords. */
export function consoleMailer(log: (line: string) => void = console.log): Mailer {
  return {
    send: async (mail) => {
      log(`[mail] to=${mail.to} language=${mail.language} template=${mail.template} ${JSON.stringify(mail.params)}`);
    },
  };
}
