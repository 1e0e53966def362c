// SPEC §15 scenario 1 through the interface: an LDA registers a user (generated username, changed; rights per
// legislative area and workflow); the new user's first log-in with the e-mailed temporary password (new password,
// security code); a later log-in with three positions; five wrong attempts block the account; the LDA unblocks,
// resets the password, changes rights and deactivates. Screens checked with axe and photographed.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { temporaryPassword } from './support/mailbox';
import { expectSignedIn, logOut, openDeskSignedOut, submitLogIn } from './support/sessionUi';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, DeskUi } from './support/ui';

const reasons = JSON.parse(readFileSync(new URL('../../resources/i18n/reasons/en.json', import.meta.url), 'utf8')) as Record<string, string>;

const NEW_PASSWORD = 'Nuova-Parola-2026';
const NEW_CODE = 'Qw3$Er5%Ty7&';
const EMAIL = 'marta.bianchi@salute.example.it';

/** The row of the users table for a username. */
const userRow = (page: Page, username: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader') }).filter({ hasText: username });

async function asLda(ui: DeskUi): Promise<void> {
  await openDeskSignedOut(ui.page, 'IT');
  await submitLogIn(ui.page, 'it-salute-lda', DEMO_PASSWORD, DEMO_SECURITY_CODE);
  await expectSignedIn(ui.page);
  await ui.goTo('Users');
  await expect(ui.page.getByRole('heading', { name: 'Users of my authority' })).toBeVisible();
}

test('an LDA registers a user who logs in, gets blocked, and is unblocked, reset, changed and deactivated', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ui = new DeskUi(await context.newPage());
  const { page } = ui;

  // The LDA registers Marta Bianchi with request rights in professional qualifications; the username is generated.
  await asLda(ui);
  await ui.screenshot('admin-users');
  expect(await ui.seriousAccessibilityViolations()).toEqual([]);
  await page.getByRole('button', { name: 'Register a user' }).click();
  const register = page.getByRole('dialog', { name: 'Register a user' });
  await register.getByLabel(/^First name/).fill('Marta');
  await register.getByLabel(/^Surname/).fill('Bianchi');
  await register.getByLabel(/^E-mail/).fill(EMAIL);
  const pqRequests = register.getByRole('group', { name: /Professional Qualifications — requests/ });
  await pqRequests.getByText('Request handler').click();
  await pqRequests.getByText('Request viewer').click();
  await ui.screenshot('admin-register-user');
  expect(await ui.seriousAccessibilityViolations()).toEqual([]);
  await register.getByRole('button', { name: 'Register a user' }).click();
  const registered = page.getByRole('status').filter({ hasText: 'registered with the username' });
  await expect(registered).toBeVisible();
  const generated = /username (\S+)\./.exec(await registered.innerText())?.[1] ?? '';
  expect(generated).toMatch(/^mbianchi\d{3}$/);
  await expect(userRow(page, generated)).toContainText('Request handler');

  // The username can be changed before it is handed over.
  await userRow(page, generated).getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: /Username and rights of Marta Bianchi/ });
  await edit.getByLabel(/^Username/).fill('marta.bianchi');
  await ui.screenshot('admin-edit-user');
  expect(await ui.seriousAccessibilityViolations()).toEqual([]);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The changes to marta.bianchi were saved.' })).toBeVisible();
  await expect(userRow(page, 'marta.bianchi')).toBeVisible();
  await logOut(page);

  // First log-in: the temporary password from the e-mail (never the username), then a new password and the code.
  const temporary = await temporaryPassword(EMAIL, 1);
  await submitLogIn(page, 'marta.bianchi', temporary);
  await expect(page.getByRole('heading', { name: 'First log-in' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
  await page.getByLabel('Security code').fill(NEW_CODE);
  await ui.screenshot('first-login');
  expect(await ui.seriousAccessibilityViolations()).toEqual([]);
  await page.getByRole('button', { name: 'Save and log in' }).click();
  await expectSignedIn(page);
  await expect(page.getByTestId('current-user')).toHaveText('Marta Bianchi');
  await logOut(page);

  // A later log-in asks three positions of the code she chose.
  await submitLogIn(page, 'marta.bianchi', NEW_PASSWORD, NEW_CODE);
  await expectSignedIn(page);
  await logOut(page);

  // Five wrong attempts block the account; then even the right password is refused, in plain words.
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitLogIn(page, 'marta.bianchi', `wrong-password-${attempt}`, NEW_CODE);
    const expected = attempt < 5 ? reasons.LOGIN_FAILED : reasons.ACCOUNT_BLOCKED;
    await expect(page.getByRole('alert')).toHaveText(expected ?? 'missing reason text');
  }
  await submitLogIn(page, 'marta.bianchi', NEW_PASSWORD, NEW_CODE);
  await expect(page.getByRole('alert')).toHaveText(reasons.ACCOUNT_BLOCKED ?? 'missing reason text');
  await ui.screenshot('login-blocked');
  expect(await ui.seriousAccessibilityViolations()).toEqual([]);

  // The LDA sees the block and lifts it; she logs in with the password she knows.
  await asLda(ui);
  await expect(page.getByTestId('user-status-marta.bianchi')).toHaveText('Blocked');
  await userRow(page, 'marta.bianchi').getByRole('button', { name: 'Unblock' }).click();
  await expect(page.getByTestId('user-status-marta.bianchi')).toHaveText('Active');
  await logOut(page);
  await submitLogIn(page, 'marta.bianchi', NEW_PASSWORD, NEW_CODE);
  await expectSignedIn(page);
  await logOut(page);

  // A password reset e-mails a new temporary password, which must be replaced at the next log-in.
  await asLda(ui);
  await userRow(page, 'marta.bianchi').getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A new temporary password was e-mailed to marta.bianchi.' })).toBeVisible();
  await logOut(page);
  const reissued = await temporaryPassword(EMAIL, 2);
  expect(reissued).not.toBe(temporary);
  await submitLogIn(page, 'marta.bianchi', reissued, NEW_CODE);
  await expect(page.getByRole('heading', { name: 'First log-in' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(`${NEW_PASSWORD}-2`);
  await page.getByLabel('Repeat the new password').fill(`${NEW_PASSWORD}-2`);
  if (await page.getByLabel('Security code').isVisible()) await page.getByLabel('Security code').fill(NEW_CODE);
  await page.getByRole('button', { name: 'Save and log in' }).click();
  await expectSignedIn(page);
  await logOut(page);

  // The LDA makes her a viewer only, then deactivates her; she can no longer log in.
  await asLda(ui);
  await userRow(page, 'marta.bianchi').getByRole('button', { name: 'Edit' }).click();
  const rights = page.getByRole('dialog', { name: /Username and rights of Marta Bianchi/ });
  await rights.getByRole('group', { name: /Professional Qualifications — requests/ }).getByText('Request handler').click();
  await rights.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The changes to marta.bianchi were saved.' })).toBeVisible();
  await expect(userRow(page, 'marta.bianchi')).not.toContainText('Request handler');
  await expect(userRow(page, 'marta.bianchi')).toContainText('Request viewer');
  await userRow(page, 'marta.bianchi').getByRole('button', { name: 'Deactivate' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Deactivate' });
  await expect(confirm).toContainText('marta.bianchi');
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByTestId('user-status-marta.bianchi')).toHaveText('Deactivated');
  await logOut(page);
  await submitLogIn(page, 'marta.bianchi', `${NEW_PASSWORD}-2`, NEW_CODE);
  await expect(page.getByRole('alert')).toHaveText(reasons.ACCOUNT_DEACTIVATED ?? 'missing reason text');
  await context.close();
});
