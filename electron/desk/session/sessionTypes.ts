// What the renderer learns about the session: signed out, finishing a first log-in, or signed in (online or offline).
import type { Authority } from '../../../shared/authority/authority';
import type { User } from '../../../shared/user/user';

export type SessionMode = 'online' | 'offline';

export type SessionStatus =
  | { state: 'signedOut' }
  | { state: 'firstLoginRequired'; user: User; mustChangePassword: boolean; mustSetSecurityCode: boolean }
  | {
    state: 'signedIn';
    user: User;
    authority: Authority | null;
    mode: SessionMode;
    /** Until when an offline log-in stays possible on this workstation (last online log-in + the hub's window). */
    offlineLoginUntil: string | null;
    /**
     * The hub session behind sync: 'none' after an offline log-in, 'expired' once the hub refused it (sync
     * then stops; reading and queueing go on; the user signs out and in again to resume sending).
     */
    hubSession: 'active' | 'none' | 'expired';
  };

/** Step 1 of a log-in. Offline, the desk asks the positions it can verify (see session/offlineVerifier.ts). */
export interface DeskLoginChallenge {
  challengeId: string;
  /** 1-based positions of the security code to type; empty when the code is not asked (first log-in). */
  positions: number[];
  expiresAt: string;
  mode: SessionMode;
}

export interface CompleteLoginInput {
  challengeId: string;
  username: string;
  password: string;
  codeCharacters?: string[] | undefined;
}

export interface CompleteFirstLoginInput {
  newPassword: string;
  securityCode?: string | undefined;
}
