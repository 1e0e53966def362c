import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, MailRenderError } from './mailer';
import type { ClosableMailer } from './mailer';
import { directory, requestCase, world } from './mailFixtures.testkit';
import { requestMails } from './requestMails';

interface Received {
  envelopeTo: string[];
  raw: Buffer;
}

/** A real SMTP server on loopback that keeps every message it accepts. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

let tempDir: string;
let mailer: ClosableMailer | undefined;
beforeEach(async () => { tempDir = await mkdtemp(path.join(os.tmpdir(), 'imi-mail-')); });
afterEach(async () => {
  mailer?.close();
  mailer = undefined;
  await rm(tempDir, { recursive: true, force: true });
});

describe('createMailer over SMTP', () => {
  it('delivers request mails to the recipients of SPEC §11, each in their language, with the link and no personal data', async () => {
    const smtp = await startSmtpServer();
    try {
      mailer = createMailer({ smtpUrl: smtp.url, mailDir: tempDir, from: 'IMI Desk <no-reply@hub.example.eu>' });
      const cast = world();
      const c = requestCase();
      const mails = requestMails({ type: 'sendRequest', userId: 'reqAnna', authorityId: 'req' }, c, directory(cast.authorities, cast.users));
      for (const mail of mails) await mailer.send(mail);

      expect(smtp.received.map((m) => m.envelopeTo).flat().sort()).toEqual(mails.map((m) => m.to).sort());
      const parsed = await Promise.all(smtp.received.map((m) => PostalMime.parse(m.raw)));
      const david = parsed.find((p) => p.to?.some((a) => 'address' in a && a.address === 'respDavid@people.example.eu'));
      expect(david?.subject).toBe('IMI Desk: new incoming request 63351');
      // The responder's contact address is mailed in the authority's first language (fr), which falls back to English.
      for (const p of parsed) {
        expect(p.text).toContain('imi-desk://request/63351');
        expect(p.headers.find((h) => h.key === 'auto-submitted')?.value).toBe('auto-generated');
        const everything = `${p.subject}\n${p.text}`;
        // Nothing of the exchange, no names, no usernames.
        for (const secret of ['Muster', 'Maria', 'login-', 'Name-', 'Surname-']) expect(everything).not.toContain(secret);
      }
    } finally {
      await smtp.close();
    }
  });

  it('sends a German user the German subject', async () => {
    const smtp = await startSmtpServer();
    try {
      mailer = createMailer({ smtpUrl: smtp.url, mailDir: tempDir, from: 'no-reply@hub.example.eu' });
      await mailer.send({ to: 'anna@people.example.eu', language: 'de', template: 'requestAccepted', params: { entryNumber: '7', link: 'imi-desk://request/7' } });
      const [message] = await Promise.all(smtp.received.map((m) => PostalMime.parse(m.raw)));
      expect(message?.subject).toBe('IMI Desk: Ersuchen 7 wurde angenommen');
      expect(message?.headers.find((h) => h.key === 'content-language')?.value).toBe('de');
    } finally {
      await smtp.close();
    }
  });

  it('refuses to send a mail whose parameters break the template rules, and sends nothing', async () => {
    const smtp = await startSmtpServer();
    try {
      mailer = createMailer({ smtpUrl: smtp.url, mailDir: tempDir, from: 'no-reply@hub.example.eu' });
      const send = mailer.send({ to: 'x@people.example.eu', language: 'en', template: 'temporaryPassword', params: { username: 'mmuster' } });
      await expect(send).rejects.toBeInstanceOf(MailRenderError);
      await expect(send).rejects.toMatchObject({ reason: 'MAIL_PARAM_UNKNOWN', param: 'username' });
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});

describe('createMailer without SMTP', () => {
  it('writes each message as a parseable .eml file into the mail folder', async () => {
    const mailDir = path.join(tempDir, 'mail');
    mailer = createMailer({ mailDir, from: 'IMI Desk <no-reply@hub.example.eu>' });
    await mailer.send({ to: 'anna@people.example.eu', language: 'de', template: 'temporaryPassword', params: { temporaryPassword: 'Tmp-7kQ9xZ2w', expiresAt: '2030-01-04T09:00:00.000Z', link: 'imi-desk://login' } });
    await mailer.send({ to: 'ben@people.example.eu', language: 'en', template: 'accountBlocked', params: { link: 'imi-desk://login' } });

    const files = (await readdir(mailDir)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    const parsed = await Promise.all(files.map(async (f) => PostalMime.parse(await readFile(path.join(mailDir, f)))));
    const password = parsed.find((p) => p.subject === 'IMI Desk: Ihr vorläufiges Passwort');
    expect(password?.to?.[0]).toMatchObject({ address: 'anna@people.example.eu' });
    expect(password?.from).toMatchObject({ address: 'no-reply@hub.example.eu' });
    expect(password?.text).toContain('Tmp-7kQ9xZ2w');
    expect(parsed.map((p) => p.subject)).toContain('IMI Desk: your account has been blocked');
  });
});
