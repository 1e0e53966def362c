// Reports through the interface (SPEC §10): from a request, "Print / report" offers only the types the user may
// produce, a report language independent of the interface, and the sections of a customised report; the report is
// generated with progress shown, then listed in My reports (type, request, language, date), saved as a PDF, and a
// certified copy signed by the hub appears marked as certified.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectSignedIn, logOut, openDeskSignedOut, submitLogIn } from './support/sessionUi';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, DeskUi } from './support/ui';
import { createAndSend, deskApi, pqDraft } from './support/workflow';

test('a handler generates a customised report in Greek and finds it, saved and certified, in My reports', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const ui = new DeskUi(await context.newPage());
  const { page } = ui;
  await openDeskSignedOut(page, 'IT');
  await submitLogIn(page, 'it-salute-handler', DEMO_PASSWORD, DEMO_SECURITY_CODE);
  await expectSignedIn(page);

  // The request itself is the fixture: created and sent through the desk's own API.
  const request = await createAndSend(deskApi('IT'), pqDraft('hu-enkk', 'Ferrari'));
  await page.evaluate((id) => { window.location.hash = `#/request/${encodeURIComponent(id)}`; }, request.id);
  await expect(page.getByTestId('banner-number')).toHaveText(`Request ${request.entryNumber}`);

  // The requester sees the request at FULL: every type is offered; the report language is chosen apart from the interface.
  await page.getByRole('button', { name: 'Print / report' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print or report' });
  const types = dialog.getByRole('radiogroup', { name: 'Report type' });
  await expect(types.getByRole('radio')).toHaveCount(5);
  await types.getByText('Customised report').click();
  await dialog.getByRole('button', { name: /Report language/ }).click();
  await page.getByRole('option', { name: 'Greek', exact: true }).click();
  const sections = dialog.getByRole('group', { name: 'Sections to include' });
  await sections.getByText('History').click();
  await expect(sections.getByRole('checkbox', { name: 'History' })).not.toBeChecked();
  await ui.screenshot('report-dialog');
  expect(await ui.seriousAccessibilityViolations()).toEqual([]);
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Customised report in Greek is ready' })).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await dialog.getByRole('link', { name: 'Go to My reports' }).click();

  // My reports: type, request, language, date; the PDF saved through the browser is a PDF.
  await expect(page.getByRole('heading', { name: 'My reports' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: `Request ${request.entryNumber}` }).filter({ hasText: 'Customised report' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Greek');
  await expect(row).toContainText(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date()));
  await expect(row.getByTestId('certified-mark')).toHaveCount(0);
  await ui.screenshot('my-reports');
  expect(await ui.seriousAccessibilityViolations()).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Save' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^imi-${request.entryNumber}-custom-el-.*\\.pdf$`));
  const saved = await download.path();
  expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // A certified copy: signed by the hub, kept beside the original and marked.
  await row.getByRole('button', { name: 'Request a certified copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'certified copy, signed by the hub' })).toBeVisible({ timeout: 60_000 });
  const reports = page.getByRole('row').filter({ hasText: `Request ${request.entryNumber}` });
  await expect(reports).toHaveCount(2);
  await expect(reports.filter({ has: page.getByTestId('certified-mark') })).toHaveCount(1);
  await ui.screenshot('my-reports-certified');
  await logOut(page);
  await context.close();
});
