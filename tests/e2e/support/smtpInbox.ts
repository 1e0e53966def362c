// A real SMTP server on loopback for the end-to-end hub: every message it accepts is written as an .eml file
// to a folder the tests read (they run in other processes than global setup), e.g. a temporary password.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SmtpInbox {
  url: string;
  directory: string;
  close: () => Promise<void>;
}

export async function startSmtpInbox(directory: string): Promise<SmtpInbox> {
  mkdirSync(directory, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received += 1;
        writeFileSync(path.join(directory, `${Date.now()}-${String(received).padStart(5, '0')}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, directory, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
