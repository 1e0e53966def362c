// Passwords: argon2id hashing (a well-kept native library), the password policy and temporary passwords.
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Argon2Cost } from '../config';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** @node-rs/argon2 hashes with argon2id by default; only the cost comes from configuration. */
export function hashPassword(password: string, cost: Argon2Cost): Promise<string> {
  return hash(password, { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as "wrong", never as an error that tells the caller something.
    return false;
  }
}

/** What is wrong with a chosen password, or null: at least 10 characters with letters and digits. */
export function passwordPolicyViolation(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `at most ${PASSWORD_MAX_LENGTH} characters`;
  if (!/\p{L}/u.test(password)) return 'at least one letter';
  if (!/\p{N}/u.test(password)) return 'at least one digit';
  return null;
}

// No look-alike characters (0/O, 1/l/I): temporary passwords are typed from an e-mail.
const TEMP_LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const TEMP_DIGITS = '23456789';

/** A random temporary password that satisfies the policy (16 characters, letters and digits). */
export function generateTemporaryPassword(length = 16): string {
  const alphabet = TEMP_LETTERS + TEMP_DIGITS;
  for (;;) {
    let password = '';
    for (let i = 0; i < length; i++) password += alphabet[randomInt(alphabet.length)];
    if (passwordPolicyViolation(password) === null) return password;
  }
}
