// Log-in and sign-out of the desk (SPEC §4, §13): online against the hub, offline against the local verifier
// within the hub's window and the five-attempt rule; a successful log-in opens that user's replica and starts
// sync; sign-out stops sync and closes it. One user at a time; each has their own replica file.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import type { Authority } from '../../../shared/authority/authority';
import type { User } from '../../../shared/user/user';
import { deskOk, deskRefusal } from '../api/deskErrors';
import type { DeskOutcome } from '../api/deskErrors';
import { replicaEnvironment } from '../commands/replicaEnvironment';
import type { ReferenceLookups } from '../commands/replicaEnvironment';
import type { SessionManager, SignedInDesk } from '../deskService';
import { classifyHubError, HubRefusalError, SESSION_REASONS } from '../hubLink/hubClient';
import type { HubConnection } from '../hubLink/hubClient';
import { createDeskAttachments } from '../attachments/deskAttachments';
import type { DeskAttachmentsOptions } from '../attachments/deskAttachments';
import { openReplica } from '../replica/openReplica';
import { replicaLocation } from '../replica/replicaPaths';
import { readNumber, readState, writeState } from '../replica/syncState';
import { createDeskReports } from '../reports/deskReports';
import { openMyReports } from '../reports/myReports';
import type { PdfRenderer } from '../reports/renderPdf';
import type { ReportReference } from '../reports/reportContext';
import { createSyncEngine } from '../sync/syncEngine';
import type { SyncEngineOptions } from '../sync/syncEngine';
import { checkVerifier, choosePositions, makeVerifier, MAX_OFFLINE_FAILURES } from './offlineAccounts';
import type { OfflineAccount, OfflineAccounts, VerifierCost } from './offlineAccounts';
import type { CompleteFirstLoginInput, CompleteLoginInput, DeskLoginChallenge, SessionStatus } from './sessionTypes';

const OFFLINE_CHALLENGE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export interface SessionManagerOptions {
  dataDir: string;
  /** The hub address in force for the next log-in (settings may change it between log-ins). */
  hubUrl: () => string;
  /** A connection to the hub whose calls carry `token()`. */
  connect: (url: string, token: () => string | null) => HubConnection;
  accounts: (hubHost: string) => OfflineAccounts;
  reference: ReferenceLookups;
  now: () => Date;
  /** Extra options of every sync engine (clock, poll interval, backoff) — tests shorten them. */
  sync?: Partial<Omit<SyncEngineOptions, 'replica' | 'hub' | 'reference'>>;
  migrationsFolder?: string;
  verifierCost?: VerifierCost;
  /** The desk's one PDF renderer and the reference data reports print. */
  reports: { renderer: PdfRenderer; reference: ReportReference };
  /** Chunk size and chunk observer of attachment uploads (tests). */
  uploads?: DeskAttachmentsOptions['uploader'];
}

type Pending =
  | { mode: 'online'; challenge: DeskLoginChallenge; username: string; hubUrl: string; connection: HubConnection; token: { value: string | null } }
  | { mode: 'offline'; challenge: DeskLoginChallenge; username: string; hubHost: string; account: OfflineAccount };

interface FirstLogin {
  username: string;
  hubUrl: string;
  connection: HubConnection;
  token: { value: string | null };
  user: User;
  authority: Authority;
  offlineLoginDays: number;
  mustChangePassword: boolean;
  mustSetSecurityCode: boolean;
  /** The code characters typed at this log-in, if any: the verifier uses them when no new code is set. */
  typed: { positions: number[]; characters: string[] } | null;
}

interface Active { desk: SignedInDesk; offlineLoginUntil: string | null; hubSession: 'active' | 'none' | 'expired'; stop: () => Promise<void> }

const hostOf = (url: string) => new URL(url).host;

export function createSessionManager(options: SessionManagerOptions): SessionManager & { signedIn(): SignedInDesk | null } {
  const events = new EventEmitter();
  let pending: Pending | null = null;
  let first: FirstLogin | null = null;
  let active: Active | null = null;

  const status = (): SessionStatus => {
    if (active) {
      const { user, authority, mode } = active.desk;
      return { state: 'signedIn', user, authority, mode, offlineLoginUntil: active.offlineLoginUntil, hubSession: active.hubSession };
    }
    if (first) return { state: 'firstLoginRequired', user: first.user, mustChangePassword: first.mustChangePassword, mustSetSecurityCode: first.mustSetSecurityCode };
    return { state: 'signedOut' };
  };
  const changed = () => { const s = status(); events.emit('status', s); return s; };

  /** Opens the replica and, online, starts sync with pokes; offline, sync waits for an online log-in. */
  function open(user: User, authority: Authority | null, hubUrl: string, connection: HubConnection | null, offlineLoginUntil: string | null): void {
    const replica = openReplica({ dataDir: options.dataDir, hubHost: hostOf(hubUrl), user, ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}) });
    const env = replicaEnvironment(replica, options.reference);
    const offlineHub = { push: () => Promise.reject(new Error('OFFLINE_SESSION')), pull: () => Promise.reject(new Error('OFFLINE_SESSION')) };
    let poke = () => {};
    const attachments = createDeskAttachments({
      replica, user, env, hub: connection?.trpc ?? null, now: options.now, poke: () => poke(), ...(options.uploads ? { uploader: options.uploads } : {}),
    });
    // Attachment bytes go to the hub before the addAttachment command that names them.
    const sync = createSyncEngine({ ...options.sync, replica, reference: options.reference, hub: connection ? attachments.wrapSync(connection.sync) : offlineHub });
    poke = () => sync.poke();
    const reports = createDeskReports({
      replica, user, renderer: options.reports.renderer, reference: options.reports.reference, now: options.now,
      myReports: openMyReports({ directory: replica.reportsDir, clock: options.now }),
      sign: connection ? (input) => connection.trpc.certify.sign.mutate(input) : null,
    });
    // When the feed brought changes or the outbox moved: cached files of cases no longer seen at FULL go (the engine
    // deletes a removed case's folder itself), and staged files whose command is done are forgotten.
    let pruning: Promise<unknown> = Promise.resolve();
    let prunedAt = '';
    const stopPruning = sync.onStatus((s) => {
      const at = `${readNumber(replica.db, 'lastPosition')}/${s.pendingCount}`;
      if (at === prunedAt) return;
      prunedAt = at;
      pruning = pruning.then(() => attachments.pruneCache()).catch(() => undefined);
    });
    let unsubscribe = () => {};
    let stopWatching = () => {};
    const current: Active = {
      desk: { user, authority, mode: connection ? 'online' : 'offline', replica, env, sync, hub: connection, attachments, reports },
      offlineLoginUntil,
      hubSession: connection ? 'active' : 'none',
      stop: async () => {
        stopWatching();
        unsubscribe();
        stopPruning();
        await sync.stop();
        await pruning;
        await connection?.close();
        replica.close();
      },
    };
    active = current;
    if (connection) {
      // The replica keeps the last round's error across sessions. A refusal of an earlier session (a round that met the
      // token revoked at sign-out, an expired session) says nothing of this new one: without clearing it, this
      // session's first status would read it and stop sync for good (issue #4: the desk stalled after a user switch).
      if (SESSION_REASONS.includes(readState(replica.db, 'lastError') ?? '')) writeState(replica.db, 'lastError', '');
      // A session the hub no longer accepts cannot be retried into working: stop asking, say so, keep the replica open.
      stopWatching = sync.onStatus((s) => {
        if (current.hubSession !== 'active' || !SESSION_REASONS.includes(s.lastError ?? '')) return;
        current.hubSession = 'expired';
        unsubscribe();
        void sync.stop();
        if (active === current) changed();
      });
      sync.start();
      unsubscribe = connection.subscribePokes({ onPoke: () => sync.poke(), onConnected: () => sync.reconnect() });
    }
  }

  async function saveVerifier(f: Pick<FirstLogin, 'username' | 'hubUrl' | 'user' | 'authority' | 'offlineLoginDays'>, password: string, positions: number[], characters: string[]): Promise<string> {
    const now = options.now();
    const offlineLoginUntil = new Date(now.getTime() + f.offlineLoginDays * DAY_MS).toISOString();
    options.accounts(hostOf(f.hubUrl)).save({
      username: f.username, user: f.user, authority: f.authority,
      verifier: await makeVerifier(password, positions, characters, options.verifierCost),
      positions, lastOnlineLoginAt: now.toISOString(), offlineLoginUntil, failures: 0, lockedAt: null,
    });
    return offlineLoginUntil;
  }

  /**
   * The hub says this account is deactivated: nothing of it may stay on the workstation (SPEC §12), and no offline
   * log-in may open it later while the hub is out of reach. Its offline record goes, and its replica with its files.
   */
  function forgetDeactivatedAccount(hubUrl: string, username: string): void {
    const hubHost = hostOf(hubUrl);
    const account = options.accounts(hubHost).forget(username);
    if (!account) return;
    const location = replicaLocation(options.dataDir, hubHost, account.user.id);
    for (const path of [location.file, `${location.file}-wal`, `${location.file}-shm`, location.filesDir, location.uploadsDir, location.reportsDir]) {
      rmSync(path, { recursive: true, force: true });
    }
  }

  function refusalOf(error: unknown): DeskOutcome<never> {
    if (error instanceof HubRefusalError) return deskRefusal(error.reason, error.details);
    return deskRefusal('HUB_UNREACHABLE');
  }

  async function startOffline(username: string, hubUrl: string): Promise<DeskOutcome<DeskLoginChallenge>> {
    const hubHost = hostOf(hubUrl);
    const account = options.accounts(hubHost).find(username);
    if (!account) return deskRefusal('OFFLINE_LOGIN_UNAVAILABLE');
    if (account.lockedAt !== null) return deskRefusal('OFFLINE_LOGIN_LOCKED');
    const now = options.now();
    if (now.toISOString() > account.offlineLoginUntil) return deskRefusal('OFFLINE_LOGIN_EXPIRED');
    const challenge = { challengeId: randomUUID(), positions: account.positions, expiresAt: new Date(now.getTime() + OFFLINE_CHALLENGE_MS).toISOString(), mode: 'offline' as const };
    pending = { mode: 'offline', challenge, username, hubHost, account };
    return deskOk(challenge);
  }

  async function completeOffline(p: Extract<Pending, { mode: 'offline' }>, input: CompleteLoginInput): Promise<DeskOutcome<SessionStatus>> {
    const accounts = options.accounts(p.hubHost);
    const account = accounts.find(p.username) ?? p.account;
    if (account.lockedAt !== null) return deskRefusal('OFFLINE_LOGIN_LOCKED');
    const ok = await checkVerifier(account.verifier, input.password, account.positions, input.codeCharacters ?? []);
    if (!ok) {
      const failures = account.failures + 1;
      const locked = failures >= MAX_OFFLINE_FAILURES;
      accounts.save({ ...account, failures, lockedAt: locked ? options.now().toISOString() : null });
      return deskRefusal(locked ? 'OFFLINE_LOGIN_LOCKED' : 'LOGIN_FAILED');
    }
    accounts.save({ ...account, failures: 0 });
    open(account.user, account.authority, options.hubUrl(), null, account.offlineLoginUntil);
    return deskOk(changed());
  }

  const manager = {
    status,
    signedIn: () => active?.desk ?? null,
    onStatus(listener: (s: SessionStatus) => void) {
      events.on('status', listener);
      return () => events.off('status', listener);
    },

    async startLogin(username: string): Promise<DeskOutcome<DeskLoginChallenge>> {
      if (active) return deskRefusal('ALREADY_SIGNED_IN');
      // A new attempt abandons an unfinished one (and its connection).
      const abandoned = pending?.mode === 'online' ? pending.connection : first?.connection;
      pending = null;
      first = null;
      await abandoned?.close();
      const hubUrl = options.hubUrl();
      const token = { value: null as string | null };
      const connection = options.connect(hubUrl, () => token.value);
      try {
        const challenge = await connection.trpc.auth.startLogin.mutate({ username });
        pending = { mode: 'online', challenge: { ...challenge, mode: 'online' }, username, hubUrl, connection, token };
        return deskOk(pending.challenge);
      } catch (error) {
        await connection.close();
        const classified = classifyHubError(error);
        // The hub answered "no" (rate limit…): that is the answer. No answer at all: try the offline log-in.
        if (classified instanceof HubRefusalError) return refusalOf(classified);
        return startOffline(username, hubUrl);
      }
    },

    async completeLogin(input: CompleteLoginInput): Promise<DeskOutcome<SessionStatus>> {
      const p = pending;
      if (!p || p.challenge.challengeId !== input.challengeId || p.username.trim().toLowerCase() !== input.username.trim().toLowerCase()) {
        return deskRefusal('NO_LOGIN_IN_PROGRESS');
      }
      if (p.mode === 'offline') {
        if (options.now().toISOString() > p.challenge.expiresAt) { pending = null; return deskRefusal('CHALLENGE_INVALID'); }
        const outcome = await completeOffline(p, input);
        if (outcome.ok || outcome.reason === 'OFFLINE_LOGIN_LOCKED') pending = null;
        return outcome;
      }
      pending = null;
      let result;
      try {
        result = await p.connection.trpc.auth.completeLogin.mutate({
          challengeId: input.challengeId, username: input.username, password: input.password,
          ...(input.codeCharacters ? { codeCharacters: input.codeCharacters } : {}),
        });
      } catch (error) {
        await p.connection.close();
        const classified = classifyHubError(error);
        if (classified instanceof HubRefusalError && classified.reason === 'ACCOUNT_DEACTIVATED') forgetDeactivatedAccount(p.hubUrl, p.username);
        return refusalOf(classified);
      }
      p.token.value = result.token;
      const typed = input.codeCharacters ? { positions: p.challenge.positions, characters: input.codeCharacters } : null;
      const base = { username: input.username, hubUrl: p.hubUrl, connection: p.connection, token: p.token, user: result.user, authority: result.authority, offlineLoginDays: result.offlineLoginDays };
      if (result.mustChangePassword || result.mustSetSecurityCode || !typed) {
        first = { ...base, mustChangePassword: result.mustChangePassword, mustSetSecurityCode: result.mustSetSecurityCode, typed };
        return deskOk(changed());
      }
      const offlineLoginUntil = await saveVerifier(base, input.password, typed.positions, typed.characters);
      open(result.user, result.authority, p.hubUrl, p.connection, offlineLoginUntil);
      return deskOk(changed());
    },

    async completeFirstLogin(input: CompleteFirstLoginInput): Promise<DeskOutcome<SessionStatus>> {
      const f = first;
      if (!f) return deskRefusal('NOT_FIRST_LOGIN');
      try {
        await f.connection.trpc.auth.completeFirstLogin.mutate(input);
      } catch (error) {
        return refusalOf(classifyHubError(error));
      }
      first = null;
      const positions = input.securityCode ? choosePositions(input.securityCode.length) : f.typed?.positions ?? null;
      const characters = input.securityCode && positions ? positions.map((p) => input.securityCode?.[p - 1] ?? '') : f.typed?.characters ?? null;
      // Without any known code characters (a reset user who typed none) offline log-in stays unavailable until the next online one.
      const offlineLoginUntil = positions && characters ? await saveVerifier(f, input.newPassword, positions, characters) : null;
      open(f.user, f.authority, f.hubUrl, f.connection, offlineLoginUntil);
      return deskOk(changed());
    },

    async logout(): Promise<SessionStatus> {
      const current = active;
      const unfinished = first;
      active = null;
      first = null;
      pending = null;
      const connection = current?.desk.hub ?? unfinished?.connection;
      // Revoking the hub session is best effort: sign-out must work offline, and the session expires anyway.
      await connection?.trpc.auth.logout.mutate().catch(() => undefined);
      await current?.stop();
      if (!current) await unfinished?.connection.close();
      return changed();
    },
  };
  return manager;
}
