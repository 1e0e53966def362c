// SPEC §15 scenario 3 through the interface: a Hungarian responder forwards one incoming request to another
// Hungarian authority (and loses it), splits another (one question becomes a new request there) and refuses a
// third (its authority may refuse in PQ); a Polish responder without that flag is never offered Refuse.
import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { closeDesks, createAndSend, pqDraft, WorkflowDesk } from './support/workflow';

/** Picks the Hungarian Ministry of Justice (a request coordinator in PQ) in the dialog's authority search. */
async function chooseMinistryOfJustice(dialog: Locator): Promise<void> {
  await dialog.getByLabel('Part of the name').fill('igazsagugyi');
  await dialog.getByRole('row', { name: /Igazságügyi Minisztérium/ }).click();
  await expect(dialog.getByRole('row', { name: /Igazságügyi Minisztérium/ })).toHaveAttribute('aria-selected', 'true');
}

test.afterEach(async ({ browser }) => { await closeDesks(browser); });

test('forward, split and refuse incoming requests; Refuse is offered only where the flag allows it', async ({ browser }) => {
  test.setTimeout(420_000);
  const it = await WorkflowDesk.open(browser, 'IT');
  await it.signInAs('it-salute-handler');
  const forwarded = await createAndSend(it.api, pqDraft('hu-enkk', 'Forwardo'));
  const split = await createAndSend(it.api, pqDraft('hu-enkk', 'Splitto'));
  const refused = await createAndSend(it.api, pqDraft('hu-enkk', 'Rifiuto'));
  const noFlag = await createAndSend(it.api, pqDraft('pl-nil', 'Senzaflag'));

  const hu = await WorkflowDesk.open(browser, 'HU');
  await hu.signInAs('hu-enkk-handler');

  // Forward: the justification is mandatory, the addressee is another authority of Hungary.
  await hu.openRequest(forwarded.entryNumber);
  await expect(hu.action('Refuse')).toBeVisible();
  await hu.check('incoming-actions');
  await hu.action('Forward').click();
  const forward = hu.dialog('Forward');
  await forward.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(forward.getByText('A justification is required.')).toBeVisible();
  await expect(forward.getByRole('button', { name: /Country/ })).toBeDisabled();
  await chooseMinistryOfJustice(forward);
  await forward.getByLabel(/^Justification/).fill('The Ministry keeps the register of these diplomas.');
  await hu.check('forward-dialog');
  await forward.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(hu.page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // The old responder loses all access once the hub has the forward; the requester sees the new addressee.
  await hu.goTo('Search');
  await hu.page.getByRole('tab', { name: 'Search all forms' }).click();
  await hu.page.getByLabel('Entry number').fill(String(forwarded.entryNumber));
  await expect(async () => {
    await hu.page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(hu.page.getByRole('heading', { name: '0 requests found' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await it.openRequest(forwarded.entryNumber);
  await expect(it.page.getByLabel('Request overview')).toContainText('Ministry of Justice');
  await it.expectStatus('Awaiting acceptance');

  // Split: one of the three questions goes to the Ministry as a new request; the original keeps two.
  await hu.openRequest(split.entryNumber);
  await hu.action('Split').click();
  const splitDialog = hu.dialog('Split');
  await chooseMinistryOfJustice(splitDialog);
  await splitDialog.locator('label.checkbox', { hasText: 'On what date was the evidence' }).click();
  await expect(splitDialog.getByRole('checkbox', { name: /On what date was the evidence/ })).toBeChecked();
  await splitDialog.getByLabel(/^Justification/).fill('The award date is recorded by the Ministry.');
  await hu.check('split-dialog');
  await splitDialog.getByRole('button', { name: 'Split', exact: true }).click();
  await expect(hu.page.getByText('The request was split.')).toBeVisible();
  await hu.tab('Questions').click();
  const questions = hu.page.getByRole('tabpanel', { name: 'Questions' }).locator('.question-item');
  await expect(questions).toHaveCount(2);
  await expect(hu.page.getByRole('tabpanel', { name: 'Questions' })).not.toContainText('On what date was the evidence');
  await hu.tab('Management information').click();
  await expect(hu.page.getByRole('grid', { name: 'History' })).toContainText('Split');

  // The requester now follows two requests: the original and the new one to the Ministry, with one question.
  await it.openRequest(split.entryNumber);
  const splitInto = it.page.getByRole('tabpanel', { name: 'Request summary' }).getByRole('link', { name: /^Request \d+$/ });
  await expect(async () => {
    await it.page.reload();
    await expect(splitInto).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await splitInto.click();
  await expect(it.page.getByLabel('Request overview')).toContainText('Ministry of Justice');
  await expect(it.page.getByTestId('banner-number')).not.toHaveText(`Request ${split.entryNumber}`);
  await expect(it.page.getByRole('tabpanel', { name: 'Request summary' }).getByRole('link', { name: `Request ${split.entryNumber}` })).toBeVisible();
  await it.tab('Questions').click();
  await expect(it.page.getByRole('tabpanel', { name: 'Questions' }).locator('.question-item')).toHaveCount(1);
  await expect(it.page.getByRole('tabpanel', { name: 'Questions' })).toContainText('On what date was the evidence');

  // Refuse (hu-enkk may refuse PQ requests): justification required, then the request is refused.
  await hu.openRequest(refused.entryNumber);
  await hu.action('Refuse').click();
  const refuse = hu.dialog('Refuse');
  await refuse.getByRole('button', { name: 'Refuse', exact: true }).click();
  await expect(refuse.getByText('A justification is required.')).toBeVisible();
  await refuse.getByLabel(/^Justification/).fill('The person is not registered in Hungary.');
  await hu.check('refuse-dialog');
  await refuse.getByRole('button', { name: 'Refuse', exact: true }).click();
  await hu.expectStatus('Refused');
  await expect(hu.action('Refuse')).toHaveCount(0);
  await expect(hu.action('Accept')).toHaveCount(0);
  await it.openRequest(refused.entryNumber);
  await it.expectStatus('Refused');
  await it.tab('Management information').click();
  await expect(it.page.getByRole('grid', { name: 'History' })).toContainText('The person is not registered in Hungary.');

  // Without the flag: the Polish chamber may accept, forward or split, but is not offered Refuse.
  await hu.signInAs('pl-nil-handler');
  await hu.openRequest(noFlag.entryNumber);
  await expect(hu.action('Accept')).toBeVisible();
  await expect(hu.action('Forward')).toBeVisible();
  await expect(hu.action('Refuse')).toHaveCount(0);
  await hu.check('incoming-without-refusal');
});
