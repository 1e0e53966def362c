// SPEC §15 scenario 5 through the interface: the Medical Council of Rome is subject to the approval of its
// coordinator (Ministry of Universities and Research, which approves requests and replies). The coordinator
// rejects a request (back to draft, with its comments), approves it once resubmitted; then rejects a reply of
// the Council and approves it once sent again. The coordinator sees no personal data.
import { expect, test } from '@playwright/test';
import { closeDesks, createAndSend, pqDraft, WorkflowDesk } from './support/workflow';

test.afterEach(async ({ browser }) => { await closeDesks(browser); });

test('a coordinator rejects and then approves a request and a reply', async ({ browser }) => {
  test.setTimeout(420_000);
  const rome = await WorkflowDesk.open(browser, 'IT');
  await rome.signInAs('it-omceo-roma-handler');
  const outgoing = await createAndSend(rome.api, pqDraft('pl-nil', 'Esposito'));
  await rome.openRequest(outgoing.entryNumber);
  await rome.expectStatus('Awaiting request approval');

  const other = await WorkflowDesk.open(browser, 'HU');
  await other.signInAs('pl-nil-handler');
  const incoming = await createAndSend(other.api, pqDraft('it-omceo-roma', 'Kowalska'));

  // The coordinator rejects the request: justification mandatory; it goes back to the Council as a draft.
  await other.signInAs('it-limic-pq-referral');
  await other.openFromList('Awaiting my approval or referral decision', outgoing.entryNumber);
  await expect(other.page.getByTestId('value-family-name')).toHaveText('********');
  await other.check('coordinator-request-approval');
  await other.action('Reject request').click();
  const reject = other.dialog('Reject request');
  await reject.getByRole('button', { name: 'Reject request', exact: true }).click();
  await expect(reject.getByText('A justification is required.')).toBeVisible();
  await reject.getByLabel(/^Justification/).fill('Please state the profession more precisely.');
  await reject.getByRole('button', { name: 'Reject request', exact: true }).click();
  // A draft is the requester's alone: the coordinator is taken back to the dashboard.
  await expect(other.page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // The Council reads the coordinator's comments in the history and resubmits.
  await rome.openRequest(outgoing.entryNumber);
  await rome.expectStatus('Draft');
  await rome.tab('Management information').click();
  await expect(rome.page.getByRole('grid', { name: 'History' })).toContainText('Please state the profession more precisely.');
  await rome.check('request-rejected-by-coordinator');
  await rome.act('Send');
  await rome.expectStatus('Awaiting request approval');

  // The coordinator approves: the request goes to Poland.
  await other.openFromList('Awaiting my approval or referral decision', outgoing.entryNumber);
  await other.act('Approve request');
  await other.expectStatus('Awaiting acceptance');
  await rome.expectStatus('Awaiting acceptance');

  // The Council accepts the Polish request and replies; the reply waits for the coordinator.
  await rome.openFromList('Requests to be accepted', incoming.entryNumber);
  await rome.act('Accept', { fill: async (dialog) => { await dialog.getByLabel(/Days needed to reply/).fill('10'); } });
  await rome.expectStatus(/^Accepted/);
  await rome.tab('Edit reply').click();
  await rome.page.getByTestId('answer-awarded-by-competent-body').locator('label.radio', { hasText: 'Yes' }).click();
  await rome.page.getByTestId('answer-training-level').locator('label.radio', { hasText: 'three to four years' }).click();
  await rome.page.getByTestId('answer-date-of-award').getByLabel(/On what date/).fill('2004-10-28');
  await rome.page.getByRole('toolbar', { name: 'Reply actions' }).getByRole('button', { name: 'Send reply' }).click();
  await rome.expectStatus('Awaiting reply approval');

  // The coordinator rejects the reply: back to the Council, which sends it again.
  await other.openFromList('Awaiting my approval or referral decision', incoming.entryNumber);
  await other.act('Reject reply', { justification: 'Attach the register extract before replying.' });
  await expect(other.page.getByText('The reply was sent back.')).toBeVisible();

  await rome.openRequest(incoming.entryNumber);
  await rome.expectStatus(/^Accepted/);
  await rome.tab('Management information').click();
  await expect(rome.page.getByRole('grid', { name: 'History' })).toContainText('Attach the register extract before replying.');
  await rome.tab('Edit reply').click();
  await rome.page.getByRole('toolbar', { name: 'Reply actions' }).getByRole('button', { name: 'Send reply' }).click();
  await rome.expectStatus('Awaiting reply approval');

  // Approved: the reply reaches the requester.
  await other.openFromList('Awaiting my approval or referral decision', incoming.entryNumber);
  await other.check('coordinator-reply-approval');
  await other.act('Approve reply');
  await other.expectStatus('Answered — awaiting closure');
  await rome.expectStatus('Answered — awaiting closure');
});
