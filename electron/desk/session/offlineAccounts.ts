// Offline log-in records of SPEC §13, one file per hub per workstation: for each user who logged in online
// here, an argon2id verifier, the offline window the hub set, and the local failure count (five lock it).
//
// What the verifier covers: the desk never learns the whole security code (the hub asks three positions),
// so it stores one argon2id hash of the password together with the three code characters of the last online
// log-in at their positions (after a first log-in, of three positions of the new code). Offline, the same
// positions are asked: password and code are both required, as online, at the price of fixed positions.
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { Authority } from '../../../shared/authority/authority';
import { User } from '../../../shared/user/user';
import { safeSegment } from '../replica/replicaPaths';

export const MAX_OFFLINE_FAILURES = 5;

export const OfflineAccount = z.object({
  username: z.string(),
  user: User,
  authority: Authority.nullable(),
  verifier: z.string(),
  positions: z.array(z.number().int().min(1)).length(3),
  lastOnlineLoginAt: z.iso.datetime(),
  offlineLoginUntil: z.iso.datetime(),
  failures: z.number().int().min(0),
  lockedAt: z.iso.datetime().nullable(),
});
export type OfflineAccount = z.infer<typeof OfflineAccount>;
const AccountsFile = z.record(z.string(), OfflineAccount);

/** Usernames are matched as the hub does: trimmed, case-insensitive. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

function secret(password: string, positions: readonly number[], characters: readonly string[]): string {
  // NUL cannot be typed into a password field, so the two parts cannot run into each other.
  return `${password}\u0000${positions.map((p, i) => `${p}=${characters[i] ?? ''}`).join('\u0000')}`;
}

export interface VerifierCost { memoryCost: number; timeCost: number }
/** OWASP's argon2id minimum (19 MiB, 2 passes): slow enough to make a stolen file expensive to guess. */
export const DEFAULT_VERIFIER_COST: VerifierCost = { memoryCost: 19_456, timeCost: 2 };

export function makeVerifier(password: string, positions: readonly number[], characters: readonly string[], cost: VerifierCost = DEFAULT_VERIFIER_COST): Promise<string> {
  return hash(secret(password, positions, characters), { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export async function checkVerifier(verifier: string, password: string, positions: readonly number[], characters: readonly string[]): Promise<boolean> {
  try {
    return await verify(verifier, secret(password, positions, characters));
  } catch {
    return false;
  }
}

/** Three distinct 1-based positions of a 12-character code, ascending. */
export function choosePositions(length = 12): number[] {
  const chosen = new Set<number>();
  while (chosen.size < 3) chosen.add(randomInt(1, length + 1));
  return [...chosen].sort((a, b) => a - b);
}

export interface OfflineAccounts {
  find(username: string): OfflineAccount | undefined;
  save(account: OfflineAccount): void;
  /** Drops the record (no offline log-in any more) and returns what it was. */
  forget(username: string): OfflineAccount | undefined;
}

export function offlineAccountsFile(dataDir: string, hubHost: string): string {
  return join(dataDir, 'accounts', `${safeSegment(hubHost)}.json`);
}

export function fileOfflineAccounts(file: string): OfflineAccounts {
  const readAll = (): Record<string, OfflineAccount> => {
    try {
      const parsed = AccountsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  const writeAll = (all: Record<string, OfflineAccount>) => {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${randomUUID()}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, file);
  };
  return {
    find: (username) => readAll()[normalizeUsername(username)],
    save(account) {
      writeAll({ ...readAll(), [normalizeUsername(account.username)]: account });
    },
    forget(username) {
      const { [normalizeUsername(username)]: forgotten, ...rest } = readAll();
      if (forgotten) writeAll(rest);
      return forgotten;
    },
  };
}
