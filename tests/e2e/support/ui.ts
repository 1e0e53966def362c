// Helpers that speak the desk officer's language (log in, choose, open a request, create a request…),
// so the scenarios read as steps rather than selectors.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'ImiDemo2025';
export const DEMO_SECURITY_CODE = 'Abc123!?Xyz9';

export function deskUrl(which: 'IT' | 'HU' | 'IT2'): string {
  const url = process.env[`E2E_DESK_${which}_URL`];
  if (!url) throw new Error(`E2E_DESK_${which}_URL is not set: run through playwright.config.ts (globalSetup)`);
  return url;
}

export class DeskUi {
  constructor(readonly page: Page) {}

  /** Opens the desk through its one-time URL (the secret becomes a cookie) and logs in with three code positions. */
  async logIn(which: 'IT' | 'HU', username: string): Promise<void> {
    const { page } = this;
    await page.goto(deskUrl(which));
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    const fields = page.getByLabel(/Character \d+ of your security code/);
    await expect(fields).toHaveCount(3);
    for (const field of await fields.all()) {
      const labelId = await field.getAttribute('aria-labelledby');
      const label = await page.locator(`[id="${labelId}"]`).innerText();
      const position = Number(/Character (\d+)/.exec(label)?.[1]);
      await field.fill(DEMO_SECURITY_CODE[position - 1] ?? '');
    }
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible({ timeout: 60_000 });
  }

  /** Picks an option of a labelled select (react-aria Select: a button, then a listbox). */
  async choose(label: string | RegExp, option: string | RegExp): Promise<void> {
    // Only select triggers (they open a listbox), not e.g. the error panel's links named after a field.
    await this.page.getByRole('button', { name: label }).and(this.page.locator('[aria-haspopup="listbox"]')).first().click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async setInterfaceLanguage(languageName: string): Promise<void> {
    await this.choose(/Interface language/i, languageName);
    await expect(this.page.getByRole('button', { name: /Interface language/i })).toContainText(languageName);
  }

  async goTo(menuItem: 'Dashboard' | 'Search' | 'New request' | 'Needs attention' | 'Users' | 'My reports' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: menuItem }).click();
  }

  tab(name: string | RegExp) {
    return this.page.getByRole('tab', { name });
  }

  toolbarButton(name: string) {
    return this.page.getByRole('toolbar').getByRole('button', { name, exact: true });
  }

  /** Opens the action list on the dashboard and waits until a row appears (sync may take a moment). */
  async openFirstInList(list: string): Promise<void> {
    const { page } = this;
    await this.goTo('Dashboard');
    await expect(async () => {
      // The list tiles are a single-choice toggle group: react-aria gives them the radio role.
      await page.getByRole('radio', { name: new RegExp(list) }).click();
      await expect(page.getByRole('row').nth(1)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await page.getByRole('row').nth(1).dblclick();
    await expect(page.getByTestId('banner-number')).toBeVisible();
  }

  /** Ticks a question in the question grid (the box the user clicks wraps react-aria's hidden checkbox). */
  async selectQuestion(text: RegExp): Promise<void> {
    const row = this.page.getByRole('row', { name: text });
    await row.locator('label.checkbox').click();
    await expect(row.getByRole('checkbox')).toBeChecked();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }

  /** Serious and critical axe violations of the current screen, as "rule: target" lines. */
  async seriousAccessibilityViolations(): Promise<string[]> {
    // react-aria's live announcer keeps a transient role=img node for ~7 s after a selection, labelled by an
    // element that may already be gone; it is the library's screen-reader channel, not our markup.
    const results = await new AxeBuilder({ page: this.page }).exclude('[data-live-announcer]').analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }
}
