// The 12-character security code, stored so it is never revealed whole: one argon2id hash per position,
// each over the position and that one character with its own random salt, so any three positions can be checked.
import { randomInt } from 'node:crypto';
import type { Argon2Cost } from '../config';
import { hashPassword, verifyPassword } from './passwords';

export const SECURITY_CODE_LENGTH = 12;
export const CHALLENGE_POSITION_COUNT = 3;
/** Letters, digits and symbols: every printable ASCII character except the space. */
const SECURITY_CODE_PATTERN = /^[\x21-\x7E]{12}$/;

export function isValidSecurityCode(code: string): boolean {
  return SECURITY_CODE_PATTERN.test(code);
}

// The position is part of the hashed text so that a hash cannot be moved to another position.
const positionText = (position: number, character: string) => `imi-security-code:${position}:${character}`;

/** The 12 hashes to store, position 1 first. */
export function hashSecurityCode(code: string, cost: Argon2Cost): Promise<string[]> {
  return Promise.all([...code].map((character, index) => hashPassword(positionText(index + 1, character), cost)));
}

/** Whether the characters given match the stored code at the asked positions (1-based). All are checked, always. */
export async function verifySecurityCodeCharacters(hashes: readonly string[], positions: readonly number[], characters: readonly string[]): Promise<boolean> {
  if (positions.length !== characters.length) return false;
  const results = await Promise.all(positions.map((position, i) => {
    const stored = hashes[position - 1];
    const character = characters[i] ?? '';
    return stored === undefined ? Promise.resolve(false) : verifyPassword(stored, positionText(position, character));
  }));
  return results.every(Boolean);
}

/** Three distinct random positions in 1..12, ascending (the order the log-in form asks them in). */
export function chooseChallengePositions(): number[] {
  const chosen = new Set<number>();
  while (chosen.size < CHALLENGE_POSITION_COUNT) chosen.add(randomInt(1, SECURITY_CODE_LENGTH + 1));
  return [...chosen].sort((a, b) => a - b);
}
