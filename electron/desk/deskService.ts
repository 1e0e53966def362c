// The desk service's contract towards its local API: reference data, settings, the session, and the
// signed-in user's replica, sync engine and hub connection. createDeskService (deskComposition.ts) builds it.
import type { ReferenceData } from '../../shared/reference/referenceData';
import type { RequestEnvironment } from '../../shared/request/environment';
import type { Authority } from '../../shared/authority/authority';
import type { User } from '../../shared/user/user';
import type { DeskOutcome } from './api/deskErrors';
import type { DeskAttachments } from './attachments/deskAttachments';
import type { DeskReports } from './reports/deskReports';
import type { HubConnection } from './hubLink/hubClient';
import type { Replica } from './replica/openReplica';
import type { CompleteFirstLoginInput, CompleteLoginInput, DeskLoginChallenge, SessionMode, SessionStatus } from './session/sessionTypes';
import type { SettingsStore } from './settings/settingsStore';
import type { SyncEngine } from './sync/syncEngine';

/** Everything a procedure needs once a user is signed in. */
export interface SignedInDesk {
  readonly user: User;
  readonly authority: Authority | null;
  readonly mode: SessionMode;
  readonly replica: Replica;
  readonly env: RequestEnvironment;
  readonly sync: SyncEngine;
  /** The hub with this user's session; null after an offline log-in (nothing can be sent until an online one). */
  readonly hub: HubConnection | null;
  /** Upload staging, download cache and content of attachments (electron/desk/attachments). */
  readonly attachments: DeskAttachments;
  /** Report generation, My reports and certification (electron/desk/reports). */
  readonly reports: DeskReports;
}

export interface SessionManager {
  status(): SessionStatus;
  startLogin(username: string): Promise<DeskOutcome<DeskLoginChallenge>>;
  completeLogin(input: CompleteLoginInput): Promise<DeskOutcome<SessionStatus>>;
  completeFirstLogin(input: CompleteFirstLoginInput): Promise<DeskOutcome<SessionStatus>>;
  logout(): Promise<SessionStatus>;
  /** Listeners hear every change of status (sign-in, sign-out). */
  onStatus(listener: (status: SessionStatus) => void): () => void;
}

export interface DeskService {
  readonly reference: ReferenceData;
  readonly settings: SettingsStore;
  readonly session: SessionManager;
  now(): Date;
  signedIn(): SignedInDesk | null;
  close(): Promise<void>;
}
