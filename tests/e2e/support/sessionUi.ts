// Log-in steps with any credentials (a new user's temporary password, their own security code), and leaving a
// desk signed out: web desks keep one session between specs, so each spec starts and ends on the log-in screen.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { deskUrl } from './ui';

/**
 * Opens the desk on the log-in screen: whoever an earlier spec left signed in is logged out first. Then the
 * language is chosen on the log-in screen, which makes it the language of the next person to log in (whatever
 * their saved or preferred language); a choice only counts as one when it changes the menu, hence the detour.
 */
export async function openDeskSignedOut(page: Page, which: 'IT' | 'HU' | URL, language: { code: string; name: string } = { code: 'en', name: 'English' }): Promise<void> {
  await page.goto(which instanceof URL ? which.href : deskUrl(which));
  const username = page.locator('input[name="username"]');
  const logOut = page.getByTestId('log-out');
  await expect(username.or(logOut).first()).toBeVisible({ timeout: 60_000 });
  if (await logOut.isVisible()) await logOut.click();
  await expect(username).toBeVisible();
  const detour = language.code === 'de' ? { code: 'fr', name: 'Français' } : { code: 'de', name: 'Deutsch' };
  for (const step of [detour, language]) {
    await page.locator('.language-switch button[aria-haspopup="listbox"]').click();
    await page.getByRole('option', { name: step.name, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', step.code);
  }
}

/** Fills the code positions the log-in asks for (their labels name them) from `code`. */
export async function fillCodePositions(page: Page, code: string): Promise<void> {
  const fields = page.getByLabel(/Character \d+ of your security code/);
  await expect(fields).toHaveCount(3);
  for (const field of await fields.all()) {
    const labelId = await field.getAttribute('aria-labelledby');
    const label = await page.locator(`[id="${labelId}"]`).innerText();
    const position = Number(/Character (\d+)/.exec(label)?.[1]);
    await field.fill(code[position - 1] ?? '');
  }
}

/** Username, then password and, when asked, three positions of the code; clicks Log in. */
export async function submitLogIn(page: Page, username: string, password: string, code?: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByRole('button', { name: 'Continue' }).click();
  const passwordField = page.getByLabel('Password', { exact: true });
  const refused = page.getByRole('alert');
  await expect(passwordField.or(refused).first()).toBeVisible();
  if (!(await passwordField.isVisible())) return; // refused before the password (e.g. a blocked account)
  await passwordField.fill(password);
  if (code !== undefined && (await page.getByLabel(/Character \d+ of your security code/).count()) > 0) await fillCodePositions(page, code);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Signed in, in English (the language chosen on the log-in screen). */
export async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('log-out').click();
  await expect(page.locator('input[name="username"]')).toBeVisible();
}
