// Usernames: generated from the person's name (first letter + surname + digits, lower-case ASCII), changeable by an LDA.
import { randomInt } from 'node:crypto';

export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,63}$/;

export function isValidUsername(username: string): boolean {
  return USERNAME_PATTERN.test(username);
}

/** "Zoltán", "Kovács-Nagy" → "zkovacsnagy"; names without any Latin letter fall back to "user". */
export function usernameBase(name: string, surname: string): string {
  const ascii = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  const base = `${ascii(name).slice(0, 1)}${ascii(surname)}`.slice(0, 20);
  return base.length >= 2 ? base : `user${base}`;
}

/** A free username for the person; `taken` is asked until one is free (three digits first, six if those run out). */
export async function generateUsername(name: string, surname: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  const base = usernameBase(name, surname);
  for (let attempt = 0; attempt < 50; attempt++) {
    const digits = attempt < 20 ? randomInt(100, 1000) : randomInt(100_000, 1_000_000);
    const candidate = `${base}${digits}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`no free username for base ${base}`);
}
