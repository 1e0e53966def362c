// Reads the e-mails the end-to-end hub sent through the test SMTP server (smtpInbox.ts, E2E_MAIL_INBOX).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import PostalMime from 'postal-mime';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

function inboxDirectory(): string {
  const directory = process.env.E2E_MAIL_INBOX;
  if (!directory) throw new Error('E2E_MAIL_INBOX is not set: run through playwright.config.ts (globalSetup)');
  return directory;
}

export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const directory = inboxDirectory();
  const files = readdirSync(directory).filter((f) => f.endsWith('.eml')).sort();
  const mails: ReceivedMail[] = [];
  for (const file of files) {
    const parsed = await PostalMime.parse(readFileSync(path.join(directory, file)));
    const to = (parsed.to ?? []).flatMap((a) => ('address' in a && a.address ? [a.address.toLowerCase()] : []));
    if (to.includes(address.toLowerCase())) mails.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
  }
  return mails;
}

/** The temporary password of the latest such mail to `address`, once there are `count` of them. */
export async function temporaryPassword(address: string, count = 1): Promise<string> {
  let password = '';
  await expect.poll(async () => {
    const mails = (await mailsTo(address)).filter((m) => /temporary password/i.test(m.subject));
    const latest = mails.length >= count ? mails[mails.length - 1] : undefined;
    password = /Temporary password:\s*(\S+)/.exec(latest?.text ?? '')?.[1] ?? '';
    return password;
  }, { timeout: 30_000, message: `temporary password mail #${count} to ${address}` }).not.toBe('');
  return password;
}
