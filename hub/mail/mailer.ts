// Sends the hub's automatic e-mails: over SMTP when a server is configured, otherwise as .eml files in a folder so
// that nothing is lost and every message can be inspected (DESIGN §3).
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { LanguageCode } from '../../shared/reference/codes';
import type { MailTemplateId } from './mailTemplates';
import { renderMail } from './renderMail';
import type { MailRenderReason } from './renderMail';

export interface OutgoingMail {
  to: string;
  language: LanguageCode;
  template: MailTemplateId;
  params: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export interface MailerOptions {
  /** e.g. smtp://user:pass@mail.example.eu:587; absent or null: write .eml files into mailDir. */
  smtpUrl?: string | null;
  mailDir: string;
  from: string;
}

/** A mail that cannot be rendered is a bug in the caller, not a delivery problem: it carries the stable reason. */
export class MailRenderError extends Error {
  constructor(
    readonly reason: MailRenderReason,
    readonly param: string,
    readonly template: MailTemplateId,
  ) {
    super(`${reason}: ${template} {${param}}`);
    this.name = 'MailRenderError';
  }
}

export interface ClosableMailer extends Mailer {
  close(): void;
}

export function createMailer(options: MailerOptions): ClosableMailer {
  return options.smtpUrl ? smtpMailer(options.smtpUrl, options.from) : emlMailer(options.mailDir, options.from);
}

function message(mail: OutgoingMail, from: string) {
  const rendered = renderMail(mail.template, mail.language, mail.params);
  if (!rendered.ok) throw new MailRenderError(rendered.reason, rendered.param, mail.template);
  return {
    from,
    to: mail.to,
    subject: rendered.mail.subject,
    text: rendered.mail.text,
    headers: {
      'Content-Language': rendered.mail.language,
      // RFC 3834: tells mail servers and people's auto-responders not to answer a machine.
      'Auto-Submitted': 'auto-generated',
      'X-IMI-Desk-Template': mail.template,
    },
  };
}

function smtpMailer(smtpUrl: string, from: string): ClosableMailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    send: async (mail) => {
      await transport.sendMail(message(mail, from));
    },
    close: () => transport.close(),
  };
}

function emlMailer(mailDir: string, from: string): ClosableMailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    send: async (mail) => {
      const info = await transport.sendMail(message(mail, from));
      await mkdir(mailDir, { recursive: true });
      // Time first so a folder listing reads in sending order; temp + rename so a reader never sees half a file.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
      const temp = path.join(mailDir, `.${name}.tmp`);
      await writeFile(temp, info.message);
      await rename(temp, path.join(mailDir, name));
    },
    close: () => transport.close(),
  };
}
