// SPEC §15 scenario 6 through the interface: the Chamber of Commerce of Milan uses allocation. Its allocator
// gives an incoming request to one user, then re-allocates it to another; only the assigned handler can act,
// the others read it with the reason shown, and the allocator never sees the contact person (personal data).
import { expect, test } from '@playwright/test';
import { closeDesks, createAndSend, sdDraft, WorkflowDesk } from './support/workflow';

test.afterEach(async ({ browser }) => { await closeDesks(browser); });

test('only the allocated handler acts, and the allocator never sees personal data', async ({ browser }) => {
  test.setTimeout(420_000);
  const side = await WorkflowDesk.open(browser, 'HU');
  await side.signInAs('fr-cci-paris-lda');
  const request = await createAndSend(side.api, sdDraft('it-cciaa-milano', 'Claire Moreau'));
  const n = request.entryNumber;

  // The allocator finds it in "Requests to be allocated", with the contact person masked and nothing to act on but allocation.
  const milan = await WorkflowDesk.open(browser, 'IT');
  await milan.signInAs('it-cciaa-milano-allocator');
  await milan.openFromList('Requests to be allocated', n);
  await expect(milan.page.getByTestId('value-contact-person-name')).toHaveText('********');
  await expect(milan.page.getByTestId('value-business-name')).toHaveText('Atelier Lumière SARL');
  await expect(milan.page.getByTestId('read-only-reason')).toHaveText('You allocate this request; the handlers you choose act on it.');
  await expect(milan.page.getByTestId('allocated-to')).toHaveText('Not allocated yet.');
  await expect(milan.action('Accept')).toHaveCount(0);
  await milan.check('allocator-view');

  // First allocation: to the local data administrator (also a handler), not to Davide.
  await milan.action('Allocate').click();
  let allocate = milan.dialog('Allocate handlers');
  await allocate.getByRole('button', { name: 'Allocate', exact: true }).click();
  await expect(allocate.getByText('Choose at least one handler.')).toBeVisible();
  await expect(allocate.getByRole('checkbox')).toHaveCount(2);
  await allocate.locator('label.checkbox', { hasText: 'Giorgio Mancini' }).click();
  await milan.check('allocation-dialog');
  await allocate.getByRole('button', { name: 'Allocate', exact: true }).click();
  await expect(milan.page.getByText('The handlers were allocated.')).toBeVisible();
  await expect(milan.page.getByTestId('allocated-to')).toHaveText('Allocated to: Giorgio Mancini');

  // Davide, a handler not allocated, reads the request but cannot act, and is told why.
  await side.signInAs('it-cciaa-milano-handler');
  await expect(async () => {
    await side.openRequest(n);
    await expect(side.page.getByTestId('read-only-reason')).toHaveText('Read-only: this request is allocated to other handlers of your authority.', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(side.action('Accept')).toHaveCount(0);
  await expect(side.action('Forward')).toHaveCount(0);
  await side.check('handler-not-allocated');

  // Re-allocation: Davide instead of Giorgio.
  await milan.action('Allocate').click();
  allocate = milan.dialog('Allocate handlers');
  await expect(allocate.getByRole('checkbox', { name: 'Giorgio Mancini' })).toBeChecked();
  await allocate.locator('label.checkbox', { hasText: 'Giorgio Mancini' }).click();
  await allocate.locator('label.checkbox', { hasText: 'Davide Giordano' }).click();
  await allocate.getByRole('button', { name: 'Allocate', exact: true }).click();
  await expect(milan.page.getByTestId('allocated-to')).toHaveText('Allocated to: Davide Giordano');

  // Now Davide can act: he accepts, and sees the contact person.
  await expect(async () => {
    await side.page.reload();
    await expect(side.action('Accept')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(side.page.getByTestId('read-only-reason')).toHaveCount(0);
  await side.act('Accept', { fill: async (dialog) => { await dialog.getByLabel(/Days needed to reply/).fill('15'); } });
  await side.expectStatus(/^Accepted/);
  await expect(side.page.getByTestId('value-contact-person-name')).toHaveText('Claire Moreau', { timeout: 60_000 });

  // The allocator, after acceptance too, still sees asterisks; Giorgio is now the one who reads only.
  await expect(async () => {
    await milan.page.reload();
    await expect(milan.status).toHaveText(/^Accepted/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(milan.page.getByTestId('value-contact-person-name')).toHaveText('********');
  await milan.check('allocator-after-acceptance');

  await milan.signInAs('it-cciaa-milano-lda');
  await milan.openRequest(n);
  await expect(milan.page.getByTestId('read-only-reason')).toHaveText('Read-only: this request is allocated to other handlers of your authority.');
  await expect(milan.page.getByRole('tab', { name: 'Edit reply' })).toHaveCount(0);
});
