// SPEC §15 scenario 2 through the interface: an Italian handler drafts a PQ request (red, then orange
// asterisks), sends it to a Hungarian authority; the Hungarian handler sees the subject masked, accepts it
// with 10 days and then sees the subject. Every main screen is checked with axe and photographed.
import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { DeskUi } from './support/ui';

async function desk(browser: Browser): Promise<DeskUi> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return new DeskUi(await context.newPage());
}

test('an Italian request reaches Hungary masked, and is readable once accepted with 10 days', async ({ browser }) => {
  const it = await desk(browser);
  await it.logIn('IT', 'it-salute-handler');
  await it.setInterfaceLanguage('English');
  await expect(it.page.getByText('Online')).toBeVisible();
  await it.screenshot('dashboard');
  expect(await it.seriousAccessibilityViolations()).toEqual([]);

  // Red asterisks: nothing can be saved before the subject's required fields and a question are there.
  await it.goTo('New request');
  await it.choose(/Legislative area/, 'Professional qualifications');
  await it.choose(/Form \(question set\)/, /Professional conduct/);
  await it.toolbarButton('Create').click();
  const problems = it.page.getByRole('alert').filter({ hasText: 'Please complete these fields' });
  await expect(problems).toContainText('Family name');
  await expect(problems).toContainText('Questions');
  await it.screenshot('new-request-red');
  expect(await it.seriousAccessibilityViolations()).toEqual([]);

  await it.tab('The professional').click();
  await it.page.getByLabel(/^Family name/).fill('Rossi');
  await it.page.getByLabel(/^First name/).fill('Maria');
  await it.page.getByLabel(/^Date of birth/).fill('1980-05-17');
  await it.page.getByLabel(/^Profession concerned/).fill('Doctor of medicine');
  await it.toolbarButton('Next').click();
  await it.selectQuestion(/currently in good standing/);
  await it.page.getByRole('region', { name: 'Details of the selected question' }).getByLabel(/^Profession concerned/).fill('Doctor of medicine');
  await it.screenshot('question-grid');

  // Orange asterisks: saving is allowed after a Yes/No warning.
  await it.toolbarButton('Create').click();
  const warning = it.page.getByRole('alertdialog', { name: 'Incomplete draft' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Yes' }).click();
  await expect(it.page.getByText('The draft was saved.')).toBeVisible();

  // ...but they block sending, and the missing fields are named.
  await it.toolbarButton('Send').click();
  await expect(it.page.getByRole('alert').filter({ hasText: 'cannot be sent yet' })).toContainText('Nationality');

  await it.tab('The professional').click();
  await it.page.getByLabel(/^Place of birth/).fill('Roma');
  await it.choose(/Nationality/, 'Italy');
  await it.page.getByLabel(/^Professional registration number/).fill('RM-12345');
  await it.choose(/Context of the request/, 'Establishment in the host Member State');
  await it.tab('Request summary').click();
  await it.page.getByLabel('Part of the name').fill('egeszsegugyi');
  await it.page.getByRole('row', { name: /Egészségügyi Nyilvántartási/ }).click();
  await it.toolbarButton('Save').click();
  await expect(it.page.getByText('The draft was saved.')).toBeVisible();
  await it.toolbarButton('Send').click();

  await expect(it.page.getByTestId('banner-status')).toHaveText(/Awaiting acceptance/);
  await expect(it.page.getByTestId('banner-number')).toHaveText(/Request \d+/, { timeout: 60_000 });
  await it.screenshot('request-sent');
  expect(await it.seriousAccessibilityViolations()).toEqual([]);

  // The Hungarian handler: subject masked before acceptance.
  const hu = await desk(browser);
  await hu.logIn('HU', 'hu-enkk-handler');
  await hu.setInterfaceLanguage('English');
  await hu.openFirstInList('Requests to be accepted');
  await expect(hu.page.getByTestId('value-family-name')).toHaveText('********');
  await hu.screenshot('incoming-masked');
  expect(await hu.seriousAccessibilityViolations()).toEqual([]);

  await hu.page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Accept', exact: true }).click();
  const accept = hu.page.getByRole('dialog', { name: 'Accept' });
  await accept.getByLabel(/Days needed to reply/).fill('10');
  await accept.getByRole('button', { name: 'Accept' }).click();
  await expect(hu.page.getByTestId('banner-status')).toHaveText(/Accepted/);
  await expect(hu.page.getByTestId('value-family-name')).toHaveText('Rossi', { timeout: 60_000 });
  await hu.screenshot('accepted-visible');
});
