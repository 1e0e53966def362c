// Interface languages (SPEC §14): switched on the log-in screen to Greek, Hungarian and Irish, the log-in and
// the main screens show the texts of renderer/i18n/<lang>.json (read here from the files, English where a
// text is missing, as the desk falls back), <html lang> follows, the desk's count of missing texts matches
// the catalogue, and the choice persists for the user and the workstation. Numbers follow the locale (Intl).
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { checkCatalogues, flattenCatalogue } from '../../shared/i18n/catalogues';
import type { Catalogue } from '../../shared/i18n/catalogues';
import type { LanguageCode } from '../../shared/reference/codes';
import { openDeskSignedOut } from './support/sessionUi';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, DeskUi } from './support/ui';

function catalogue(language: string): Catalogue {
  const file = new URL(`../../renderer/i18n/${language}.json`, import.meta.url);
  if (!existsSync(file)) return {};
  const flat = flattenCatalogue(JSON.parse(readFileSync(file, 'utf8')));
  return flat.ok ? flat.catalogue : {};
}

const english = catalogue('en');

/** What the desk shows for a key in a language: its own text, else English (i18next fallback). */
function textFor(language: string, key: string, params: Record<string, string> = {}): string {
  const own = catalogue(language)[key];
  const text = own && own.trim() !== '' ? own : english[key];
  if (text === undefined) throw new Error(`no English text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}

function missingCount(language: LanguageCode): number {
  return checkCatalogues('interface', { en: english, [language]: catalogue(language) })
    .filter((p) => p.code === 'MISSING_KEY' || p.code === 'EMPTY_TEXT').length;
}

/** The language's name in itself, as the menu lists it (CLDR through Intl, first letter capitalised). */
function ownName(language: string): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.locator('.language-switch button[aria-haspopup="listbox"]').first().click();
  await page.getByRole('option', { name: ownName(language), exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

async function logInIn(page: Page, language: string, username: string): Promise<void> {
  await page.getByLabel(textFor(language, 'login.username')).fill(username);
  await page.getByRole('button', { name: textFor(language, 'login.continue') }).click();
  await page.getByLabel(textFor(language, 'login.password'), { exact: true }).fill(DEMO_PASSWORD);
  const positionLabel = new RegExp(escape(textFor(language, 'login.codeCharacter')).replace(escape('{{position}}'), '(\\d+)'));
  const fields = page.getByLabel(positionLabel);
  await expect(fields).toHaveCount(3);
  for (const field of await fields.all()) {
    const labelId = await field.getAttribute('aria-labelledby');
    const label = await page.locator(`[id="${labelId}"]`).innerText();
    const position = Number(positionLabel.exec(label)?.[1]);
    await field.fill(DEMO_SECURITY_CODE[position - 1] ?? '');
  }
  await page.getByRole('button', { name: textFor(language, 'login.logIn') }).click();
  await expect(page.getByRole('heading', { name: textFor(language, 'dashboard.title') })).toBeVisible({ timeout: 60_000 });
}

for (const language of ['el', 'hu', 'ga'] as const) {
  test(`the desk speaks ${language} from the log-in screen to the main screens`, async ({ browser }) => {
    test.info().annotations.push({ type: 'catalogue', description: existsSync(new URL(`../../renderer/i18n/${language}.json`, import.meta.url)) ? 'present' : 'not landed yet: English fallback checked' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const ui = new DeskUi(await context.newPage());
    const { page } = ui;
    await openDeskSignedOut(page, 'IT');

    // The log-in screen switches at once, and the desk counts the texts it had to borrow from English.
    await chooseLanguage(page, language);
    await expect(page.getByRole('button', { name: textFor(language, 'login.continue') })).toBeVisible();
    await expect(page.getByText(textFor(language, 'login.subtitle'))).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-missing-translations', String(missingCount(language)));
    await ui.screenshot(`i18n-${language}-login`);
    expect(await ui.seriousAccessibilityViolations()).toEqual([]);

    // Logged in, the choice made at log-in holds: menu, dashboard, status bar, search and settings.
    await logInIn(page, language, 'it-salute-viewer');
    const menu = page.getByRole('navigation', { name: textFor(language, 'nav.label') });
    for (const key of ['nav.dashboard', 'nav.search', 'nav.attention', 'nav.myReports', 'nav.settings']) {
      await expect(menu.getByRole('link', { name: textFor(language, key), exact: true })).toBeVisible();
    }
    await expect(page.getByTestId('sync-connection')).toHaveText(textFor(language, 'sync.online'), { timeout: 60_000 });
    await ui.screenshot(`i18n-${language}-dashboard`);
    expect(await ui.seriousAccessibilityViolations()).toEqual([]);
    await menu.getByRole('link', { name: textFor(language, 'nav.search'), exact: true }).click();
    await expect(page.getByRole('heading', { name: textFor(language, 'search.title') })).toBeVisible();
    await menu.getByRole('link', { name: textFor(language, 'nav.settings'), exact: true }).click();
    await expect(page.getByRole('heading', { name: textFor(language, 'settings.title') })).toBeVisible();
    const sampleNumber = new Intl.NumberFormat(language).format(1234567.89);
    await expect(page.getByTestId('settings-preview')).toContainText(sampleNumber);
    await ui.screenshot(`i18n-${language}-settings`);
    expect(await ui.seriousAccessibilityViolations()).toEqual([]);

    // Saved for the user (a reload keeps it) and for the workstation (the log-in screen after log-out).
    await page.reload();
    await expect(page.getByRole('heading', { name: textFor(language, 'settings.title') })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.getByRole('button', { name: textFor(language, 'nav.logOut') }).click();
    await expect(page.getByRole('button', { name: textFor(language, 'login.continue') })).toBeVisible();

    // English chosen on the log-in screen becomes the user's language again at the next log-in.
    await chooseLanguage(page, 'en');
    await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
    await logInIn(page, 'en', 'it-salute-viewer');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('log-out').click();
    await context.close();
  });
}

test('the language chosen in Settings applies at once and stays after a reload', async ({ browser }) => {
  const context = await browser.newContext();
  const ui = new DeskUi(await context.newPage());
  const { page } = ui;
  await openDeskSignedOut(page, 'IT');
  await logInIn(page, 'en', 'it-salute-viewer');
  await ui.goTo('Settings');
  await chooseLanguage(page, 'hu');
  await expect(page.getByRole('heading', { name: textFor('hu', 'settings.title') })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: textFor('hu', 'settings.title') })).toBeVisible({ timeout: 60_000 });
  await chooseLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByTestId('log-out').click();
  await context.close();
});
