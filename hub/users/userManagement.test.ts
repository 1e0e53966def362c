// LDA user management against every backend: registration, rights, username, reset, unblock, deactivate and the SPEC §4 invariants.
import { beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../shared/user/user';
import { hubBackends, logIn, logInOk, useTestHub, WRONG_PASSWORD, type TestHub } from '../testing/hubHarness.testkit';
import { changeRights, changeUsername, deactivateUser, listUsers, registerUser, resetPassword, unblockUser } from './userManagement';

const lda = (authorityId: string) => ({ id: `u-${authorityId}-lda`, authorityId });

const newcomer = {
  name: 'Zoltán', surname: 'Kovács-Nagy', email: 'zoltan.kovacs-nagy@example.hu', preferredLanguage: 'hu' as const,
  generalRoles: [], dataAdministratorAreas: [], rights: [{ area: 'PQ' as const, workflow: 'REQUEST' as const, roles: ['REQUEST_HANDLER' as const] }],
};

const rightsOf = (user: User) => ({ userId: user.id, generalRoles: user.generalRoles, dataAdministratorAreas: user.dataAdministratorAreas, rights: user.rights });

describe.each(hubBackends())('user management on $name', (backend) => {
  const current = useTestHub(backend);
  let hub: TestHub;
  beforeEach(() => { hub = current(); });

  const userNamed = async (authorityId: string, username: string) => {
    const user = (await listUsers(hub.deps, { id: 'x', authorityId })).find((u) => u.username === username);
    if (!user) throw new Error(`no ${username}`);
    return user;
  };

  it('lists only the users of the LDA’s own authority', async () => {
    const users = await listUsers(hub.deps, lda('hu-enkk'));
    expect(users.map((u) => u.username).sort()).toEqual(['hu-enkk-basic', 'hu-enkk-handler', 'hu-enkk-lda']);
  });

  it('registers a user with a generated lower-case ASCII username and e-mails a temporary password but never the username', async () => {
    const outcome = await registerUser(hub.deps, lda('hu-enkk'), newcomer);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.value.username).toMatch(/^zkovacsnagy\d{3}$/);
    expect(outcome.value.generalRoles).toContain('BASIC_USER');
    expect(hub.mailer.sent).toHaveLength(1);
    const [mail] = hub.mailer.sent;
    expect(mail).toMatchObject({ to: newcomer.email, language: 'hu', template: 'temporaryPassword' });
    expect(JSON.stringify(mail)).not.toContain(outcome.value.username);

    const temporaryPassword = mail?.params.temporaryPassword ?? '';
    const first = await logInOk(hub.deps, outcome.value.username, { password: temporaryPassword, securityCode: null });
    expect(first).toMatchObject({ mustChangePassword: true, mustSetSecurityCode: true });
  });

  it('takes a username chosen by the LDA and refuses one that is taken or malformed', async () => {
    await expect(registerUser(hub.deps, lda('hu-enkk'), { ...newcomer, username: 'zoltan.k' })).resolves.toMatchObject({ ok: true, value: { username: 'zoltan.k' } });
    await expect(registerUser(hub.deps, lda('hu-enkk'), { ...newcomer, email: 'other@example.hu', username: 'hu-enkk-basic' })).resolves.toMatchObject({ reason: 'USERNAME_TAKEN' });
    await expect(registerUser(hub.deps, lda('hu-enkk'), { ...newcomer, email: 'other@example.hu', username: 'Zoltán K' })).resolves.toMatchObject({ reason: 'USERNAME_INVALID' });
  });

  it('refuses a second user with the same e-mail address, whatever its case', async () => {
    await registerUser(hub.deps, lda('hu-enkk'), newcomer);
    await expect(registerUser(hub.deps, lda('hu-enkk'), { ...newcomer, email: newcomer.email.toUpperCase() })).resolves.toMatchObject({ reason: 'EMAIL_TAKEN' });
  });

  it('refuses rights the authority’s access does not offer', async () => {
    const outcome = await registerUser(hub.deps, lda('hu-enkk'), { ...newcomer, rights: [{ area: 'SD', workflow: 'REQUEST', roles: ['REQUEST_HANDLER'] }] });
    expect(outcome).toMatchObject({ ok: false, reason: 'RIGHTS_NOT_AVAILABLE', details: { rights: ['SD/REQUEST/REQUEST_HANDLER'] } });
    await expect(registerUser(hub.deps, lda('hu-enkk'), { ...newcomer, rights: [{ area: 'PQ', workflow: 'REQUEST', roles: ['REFERRAL_HANDLER'] }] })).resolves.toMatchObject({ reason: 'RIGHTS_NOT_AVAILABLE' });
    expect(hub.mailer.sent).toHaveLength(0);
  });

  it('changes rights and refuses to take away the last LDA', async () => {
    const handler = await userNamed('hu-enkk', 'hu-enkk-handler');
    await expect(changeRights(hub.deps, lda('hu-enkk'), { ...rightsOf(handler), generalRoles: ['LDA'] })).resolves.toMatchObject({ ok: true });
    const me = await userNamed('hu-enkk', 'hu-enkk-lda');
    await expect(changeRights(hub.deps, lda('hu-enkk'), { ...rightsOf(me), generalRoles: [] })).resolves.toMatchObject({ ok: true });
    const newLda = await userNamed('hu-enkk', 'hu-enkk-handler');
    await expect(changeRights(hub.deps, lda('hu-enkk'), { ...rightsOf(newLda), generalRoles: [] })).resolves.toMatchObject({ ok: false, reason: 'NO_LDA' });
  });

  it('refuses to remove the last request handler of an area', async () => {
    const handler = await userNamed('de-aek-berlin', 'de-aek-berlin-handler');
    await expect(changeRights(hub.deps, lda('de-aek-berlin'), { ...rightsOf(handler), rights: [] })).resolves.toMatchObject({ ok: true });
    const ldaUser = await userNamed('de-aek-berlin', 'de-aek-berlin-lda');
    await expect(changeRights(hub.deps, lda('de-aek-berlin'), { ...rightsOf(ldaUser), rights: [{ area: 'PQ', workflow: 'REQUEST', roles: ['REQUEST_VIEWER'] }] }))
      .resolves.toMatchObject({ ok: false, reason: 'NO_REQUEST_HANDLER', details: { areas: ['PQ'] } });
  });

  it('refuses to remove the last allocator while the authority uses allocation', async () => {
    const allocator = await userNamed('it-cciaa-milano', 'it-cciaa-milano-allocator');
    await expect(deactivateUser(hub.deps, lda('it-cciaa-milano'), { userId: allocator.id })).resolves.toMatchObject({ ok: true });
    const ldaUser = await userNamed('it-cciaa-milano', 'it-cciaa-milano-lda');
    const withoutAllocator = ldaUser.rights.map((r) => ({ ...r, roles: r.roles.filter((role) => role !== 'ALLOCATOR') }));
    await expect(changeRights(hub.deps, lda('it-cciaa-milano'), { ...rightsOf(ldaUser), rights: withoutAllocator })).resolves.toMatchObject({ reason: 'NO_ALLOCATOR' });
  });

  it('refuses to remove the last referral handler and the last data administrator of a coordinator', async () => {
    const referral = await userNamed('it-limic-pq', 'it-limic-pq-referral');
    await expect(changeRights(hub.deps, lda('it-limic-pq'), { ...rightsOf(referral), rights: [] })).resolves.toMatchObject({ ok: true });
    const ldaUser = await userNamed('it-limic-pq', 'it-limic-pq-lda');
    await expect(changeRights(hub.deps, lda('it-limic-pq'), { ...rightsOf(ldaUser), rights: [{ area: 'PQ', workflow: 'REQUEST', roles: ['REQUEST_HANDLER'] }] })).resolves.toMatchObject({ reason: 'NO_REFERRAL_HANDLER' });
    await expect(changeRights(hub.deps, lda('it-limic-pq'), { ...rightsOf(ldaUser), generalRoles: ['LDA'], dataAdministratorAreas: [] })).resolves.toMatchObject({ reason: 'NO_DATA_ADMINISTRATOR' });
  });

  it('refuses to deactivate the only LDA, and a deactivated user can no longer log in', async () => {
    await expect(deactivateUser(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-lda' })).resolves.toMatchObject({ reason: 'NO_LDA' });
    await expect(deactivateUser(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-basic' })).resolves.toMatchObject({ ok: true });
    await expect(logIn(hub.deps, 'hu-enkk-basic')).resolves.toEqual({ ok: false, reason: 'ACCOUNT_DEACTIVATED' });
    await expect(deactivateUser(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-basic' })).resolves.toMatchObject({ reason: 'USER_DEACTIVATED' });
  });

  it('does not touch users of another authority', async () => {
    await expect(deactivateUser(hub.deps, lda('hu-enkk'), { userId: 'u-it-salute-viewer' })).resolves.toMatchObject({ reason: 'USER_NOT_FOUND' });
    await expect(resetPassword(hub.deps, lda('hu-enkk'), { userId: 'u-it-salute-viewer' })).resolves.toMatchObject({ reason: 'USER_NOT_FOUND' });
  });

  it('changes a username; the new one logs in, the old one no longer does', async () => {
    await expect(changeUsername(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-handler', username: 'eszter.toth' })).resolves.toMatchObject({ ok: true });
    await expect(logIn(hub.deps, 'eszter.toth')).resolves.toMatchObject({ ok: true });
    await expect(logIn(hub.deps, 'hu-enkk-handler')).resolves.toEqual({ ok: false, reason: 'LOGIN_FAILED' });
    await expect(changeUsername(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-basic', username: 'it-salute-lda' })).resolves.toMatchObject({ reason: 'USERNAME_TAKEN' });
  });

  it('resets a blocked user’s password: the block is lifted and a new temporary password is e-mailed', async () => {
    for (let i = 0; i < 5; i++) await logIn(hub.deps, 'hu-enkk-handler', { password: WRONG_PASSWORD });
    await expect(logIn(hub.deps, 'hu-enkk-handler')).resolves.toEqual({ ok: false, reason: 'ACCOUNT_BLOCKED' });
    await expect(resetPassword(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-handler' })).resolves.toMatchObject({ ok: true, value: { status: 'ACTIVE' } });
    const mail = hub.mailer.sent.at(-1);
    expect(mail).toMatchObject({ template: 'temporaryPassword', to: 'hu-enkk-handler@users.demo.imi-desk.eu' });
    expect(JSON.stringify(mail)).not.toContain('hu-enkk-handler"');
    const relogged = await logInOk(hub.deps, 'hu-enkk-handler', { password: mail?.params.temporaryPassword ?? '' });
    expect(relogged.mustChangePassword).toBe(true);
  });

  it('refuses a temporary password once it has expired', async () => {
    await resetPassword(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-handler' });
    hub.clock.advance(hub.deps.config.temporaryPasswordDays * 86_400_000 + 1);
    await expect(logIn(hub.deps, 'hu-enkk-handler', { password: hub.mailer.sent.at(-1)?.params.temporaryPassword ?? '' })).resolves.toEqual({ ok: false, reason: 'TEMPORARY_PASSWORD_EXPIRED' });
  });

  it('unblocks a blocked user who then logs in with their own password, and refuses to unblock one who is not blocked', async () => {
    await expect(unblockUser(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-handler' })).resolves.toMatchObject({ reason: 'USER_NOT_BLOCKED' });
    for (let i = 0; i < 5; i++) await logIn(hub.deps, 'hu-enkk-handler', { password: WRONG_PASSWORD });
    await expect(unblockUser(hub.deps, lda('hu-enkk'), { userId: 'u-hu-enkk-handler' })).resolves.toMatchObject({ ok: true });
    await expect(logIn(hub.deps, 'hu-enkk-handler')).resolves.toMatchObject({ ok: true });
  });
});
