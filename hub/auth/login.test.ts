// Log-in of SPEC §4 against every backend: challenge, three code positions, failures, blocking, first log-in, sessions, rate limits.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { credentials, loginAttempts, loginChallenges } from '../../db/hub/schema';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from '../demo/demoData';
import { charactersAt, hubBackends, logIn, logInOk, useTestHub, WRONG_PASSWORD, type TestHub } from '../testing/hubHarness.testkit';
import { completeFirstLogin, completeLogin, startLogin } from './login';
import { pruneLoginAttempts } from './rateLimit';
import { resolveSession, revokeSession, hashToken } from './sessions';

describe.each(hubBackends())('log-in on $name', (backend) => {
  const current = useTestHub(backend);
  let hub: TestHub;
  beforeEach(() => { hub = current(); });

  const failedAttemptsOf = async (userId: string) =>
    (await hub.deps.db.select().from(credentials).where(eq(credentials.userId, userId)))[0]?.failedAttempts;

  it('asks three distinct positions between 1 and 12', async () => {
    const challenge = await startLogin(hub.deps, { username: 'it-salute-handler' }, '127.0.0.1');
    if (!challenge.ok) throw new Error(challenge.reason);
    const { positions } = challenge.value;
    expect(positions).toHaveLength(3);
    expect(new Set(positions).size).toBe(3);
    for (const p of positions) expect(p >= 1 && p <= 12).toBe(true);
  });

  it('logs in with the password and the three asked characters of the security code', async () => {
    const result = await logInOk(hub.deps, 'it-salute-handler');
    expect(result.user.username).toBe('it-salute-handler');
    expect(result.authority.id).toBe('it-salute');
    expect(result.mustChangePassword).toBe(false);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('treats the username case-insensitively', async () => {
    await expect(logIn(hub.deps, 'IT-Salute-Handler')).resolves.toMatchObject({ ok: true });
  });

  it('gives an unknown username a challenge too, then refuses it like a wrong password', async () => {
    const challenge = await startLogin(hub.deps, { username: 'nobody-here' }, '127.0.0.1');
    expect(challenge.ok).toBe(true);
    await expect(logIn(hub.deps, 'nobody-here')).resolves.toEqual({ ok: false, reason: 'LOGIN_FAILED' });
  });

  it('refuses a wrong password and counts the failure', async () => {
    await expect(logIn(hub.deps, 'it-salute-handler', { password: WRONG_PASSWORD })).resolves.toEqual({ ok: false, reason: 'LOGIN_FAILED' });
    expect(await failedAttemptsOf('u-it-salute-handler')).toBe(1);
  });

  it('refuses wrong security code characters and counts the failure', async () => {
    await expect(logIn(hub.deps, 'it-salute-handler', { securityCode: 'zzzzzzzzzzzz' })).resolves.toEqual({ ok: false, reason: 'LOGIN_FAILED' });
    await expect(logIn(hub.deps, 'it-salute-handler', { securityCode: null })).resolves.toEqual({ ok: false, reason: 'LOGIN_FAILED' });
    expect(await failedAttemptsOf('u-it-salute-handler')).toBe(2);
  });

  it('blocks the account on the fifth failure and refuses it afterwards even with the right password', async () => {
    for (let i = 1; i <= 4; i++) await expect(logIn(hub.deps, 'fr-cnom-handler', { password: WRONG_PASSWORD })).resolves.toEqual({ ok: false, reason: 'LOGIN_FAILED' });
    await expect(logIn(hub.deps, 'fr-cnom-handler', { password: WRONG_PASSWORD })).resolves.toEqual({ ok: false, reason: 'ACCOUNT_BLOCKED' });
    await expect(logIn(hub.deps, 'fr-cnom-handler')).resolves.toEqual({ ok: false, reason: 'ACCOUNT_BLOCKED' });
  });

  it('e-mails the user once when the account gets blocked, without the username', async () => {
    for (let i = 0; i < 6; i++) await logIn(hub.deps, 'fr-cnom-handler', { password: WRONG_PASSWORD });
    const blocked = hub.mailer.sent.filter((mail) => mail.template === 'accountBlocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.to).toMatch(/@/);
    expect(JSON.stringify(blocked[0]?.params)).not.toContain('fr-cnom-handler');
  });

  it('resets the failure count on a successful log-in', async () => {
    await logIn(hub.deps, 'fr-cnom-handler', { password: WRONG_PASSWORD });
    await logInOk(hub.deps, 'fr-cnom-handler');
    expect(await failedAttemptsOf('u-fr-cnom-handler')).toBe(0);
  });

  it('ends the open sessions of an account when it gets blocked', async () => {
    const session = await logInOk(hub.deps, 'fr-cnom-handler');
    for (let i = 0; i < 5; i++) await logIn(hub.deps, 'fr-cnom-handler', { password: WRONG_PASSWORD });
    await expect(resolveSession(hub.deps.db, session.token, hub.clock.now())).resolves.toMatchObject({ ok: false });
  });

  it('accepts a challenge only once, only for its username and only before it expires', async () => {
    const asked = await startLogin(hub.deps, { username: 'pl-nil-handler' }, '127.0.0.1');
    if (!asked.ok) throw new Error(asked.reason);
    const answer = { challengeId: asked.value.challengeId, username: 'pl-nil-handler', password: DEMO_PASSWORD, codeCharacters: charactersAt(DEMO_SECURITY_CODE, asked.value.positions) };
    await expect(completeLogin(hub.deps, { ...answer, username: 'pl-nil-lda' }, '127.0.0.1')).resolves.toEqual({ ok: false, reason: 'CHALLENGE_INVALID' });
    await expect(completeLogin(hub.deps, answer, '127.0.0.1')).resolves.toEqual({ ok: false, reason: 'CHALLENGE_INVALID' });

    const late = await startLogin(hub.deps, { username: 'pl-nil-handler' }, '127.0.0.1');
    if (!late.ok) throw new Error(late.reason);
    hub.clock.advance(hub.deps.config.loginChallengeTtlSeconds * 1000 + 1);
    await expect(completeLogin(hub.deps, { ...answer, challengeId: late.value.challengeId, codeCharacters: charactersAt(DEMO_SECURITY_CODE, late.value.positions) }, '127.0.0.1'))
      .resolves.toEqual({ ok: false, reason: 'CHALLENGE_INVALID' });
  });

  it('stores the security code as twelve position hashes, none of which contains the code', async () => {
    const [row] = await hub.deps.db.select().from(credentials).where(eq(credentials.userId, 'u-it-salute-handler'));
    expect(row?.securityCodeHashes).toHaveLength(12);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(DEMO_SECURITY_CODE);
    expect(stored).not.toContain(DEMO_PASSWORD);
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
    const [challengeRow] = await hub.deps.db.select().from(loginChallenges).limit(1);
    expect(challengeRow).toBeUndefined();
  });

  describe('first log-in', () => {
    it('lets a newcomer in with the temporary password only and asks for a new password and the security code', async () => {
      const result = await logInOk(hub.deps, 'pl-nfz-newcomer', { securityCode: null });
      expect(result).toMatchObject({ mustChangePassword: true, mustSetSecurityCode: true });
    });

    it('sets the new password and security code, after which only they work', async () => {
      const first = await logInOk(hub.deps, 'pl-nfz-newcomer', { securityCode: null });
      const session = await resolveSession(hub.deps.db, first.token, hub.clock.now());
      if (!session.ok) throw new Error(session.reason);
      await expect(completeFirstLogin(hub.deps, session.value, { newPassword: 'Nowehaslo2025', securityCode: 'Qw3$rty!Uio0' })).resolves.toMatchObject({ ok: true });

      await expect(logIn(hub.deps, 'pl-nfz-newcomer', { securityCode: null })).resolves.toEqual({ ok: false, reason: 'LOGIN_FAILED' });
      const again = await logInOk(hub.deps, 'pl-nfz-newcomer', { password: 'Nowehaslo2025', securityCode: 'Qw3$rty!Uio0' });
      expect(again).toMatchObject({ mustChangePassword: false, mustSetSecurityCode: false });
    });

    it('refuses a weak password, a reused temporary password and a malformed security code', async () => {
      const first = await logInOk(hub.deps, 'pl-nfz-newcomer', { securityCode: null });
      const session = await resolveSession(hub.deps.db, first.token, hub.clock.now());
      if (!session.ok) throw new Error(session.reason);
      await expect(completeFirstLogin(hub.deps, session.value, { newPassword: 'short1', securityCode: 'Qw3$rty!Uio0' })).resolves.toMatchObject({ reason: 'PASSWORD_TOO_WEAK' });
      await expect(completeFirstLogin(hub.deps, session.value, { newPassword: 'onlylettersnodigits', securityCode: 'Qw3$rty!Uio0' })).resolves.toMatchObject({ reason: 'PASSWORD_TOO_WEAK' });
      await expect(completeFirstLogin(hub.deps, session.value, { newPassword: DEMO_PASSWORD, securityCode: 'Qw3$rty!Uio0' })).resolves.toMatchObject({ reason: 'PASSWORD_TOO_WEAK' });
      await expect(completeFirstLogin(hub.deps, session.value, { newPassword: 'Nowehaslo2025', securityCode: 'tooshort' })).resolves.toMatchObject({ reason: 'SECURITY_CODE_INVALID' });
      await expect(completeFirstLogin(hub.deps, session.value, { newPassword: 'Nowehaslo2025', securityCode: 'has spaces 1' })).resolves.toMatchObject({ reason: 'SECURITY_CODE_INVALID' });
    });

    it('refuses to run again once done', async () => {
      const done = await logInOk(hub.deps, 'pl-nfz-lda');
      const session = await resolveSession(hub.deps.db, done.token, hub.clock.now());
      if (!session.ok) throw new Error(session.reason);
      await expect(completeFirstLogin(hub.deps, session.value, { newPassword: 'Anything2025', securityCode: 'Qw3$rty!Uio0' })).resolves.toMatchObject({ reason: 'NOT_FIRST_LOGIN' });
    });
  });

  describe('sessions', () => {
    it('expires a session after its time to live', async () => {
      const { token } = await logInOk(hub.deps, 'de-aek-berlin-handler');
      hub.clock.advance(hub.deps.config.sessionTtlMinutes * 60_000 - 1);
      await expect(resolveSession(hub.deps.db, token, hub.clock.now())).resolves.toMatchObject({ ok: true });
      hub.clock.advance(1);
      await expect(resolveSession(hub.deps.db, token, hub.clock.now())).resolves.toEqual({ ok: false, reason: 'SESSION_EXPIRED' });
    });

    it('refuses a revoked session and an unknown token', async () => {
      const { token } = await logInOk(hub.deps, 'de-aek-berlin-handler');
      await revokeSession(hub.deps.db, hashToken(token), hub.clock.now());
      await expect(resolveSession(hub.deps.db, token, hub.clock.now())).resolves.toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
      await expect(resolveSession(hub.deps.db, 'not-a-token', hub.clock.now())).resolves.toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
    });
  });
});

describe.each(hubBackends())('log-in rate limits on $name', (backend) => {
  const current = useTestHub(backend, { loginRateLimit: { windowSeconds: 60, perUsername: 3, perAddress: 6 } });
  let hub: TestHub;
  beforeEach(() => { hub = current(); });

  it('refuses further attempts for a username that failed too often, until the window passes', async () => {
    for (let i = 0; i < 3; i++) await logIn(hub.deps, 'nobody-here', { password: WRONG_PASSWORD, remoteAddress: `10.0.0.${i}` });
    await expect(logIn(hub.deps, 'nobody-here', { remoteAddress: '10.0.0.9' })).resolves.toEqual({ ok: false, reason: 'RATE_LIMITED' });
    hub.clock.advance(61_000);
    await expect(logIn(hub.deps, 'nobody-here', { remoteAddress: '10.0.0.9' })).resolves.toEqual({ ok: false, reason: 'LOGIN_FAILED' });
  });

  it('refuses further attempts, even challenges, from an address that failed too often', async () => {
    for (let i = 0; i < 6; i++) await logIn(hub.deps, `guess-${i}`, { password: WRONG_PASSWORD, remoteAddress: '192.0.2.7' });
    await expect(startLogin(hub.deps, { username: 'it-salute-lda' }, '192.0.2.7')).resolves.toEqual({ ok: false, reason: 'RATE_LIMITED' });
    await expect(logIn(hub.deps, 'it-salute-lda', { remoteAddress: '192.0.2.8' })).resolves.toMatchObject({ ok: true });
  });

  it('prunes only attempts older than the window', async () => {
    await logIn(hub.deps, 'nobody-here', { password: WRONG_PASSWORD });
    hub.clock.advance(61_000);
    await logIn(hub.deps, 'nobody-else', { password: WRONG_PASSWORD });
    await pruneLoginAttempts(hub.deps.db, hub.deps.config.loginRateLimit, hub.clock.now());
    const left = await hub.deps.db.select({ username: loginAttempts.username }).from(loginAttempts);
    expect(left).toEqual([{ username: 'nobody-else' }]);
  });
});
