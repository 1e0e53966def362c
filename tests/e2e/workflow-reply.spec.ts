// SPEC §15 scenario 4 through the interface: a French requester and a German responder. Partial reply, a save
// with warnings, sending refused while questions are unanswered (marked in red), the full reply, a request for
// clarification and its refusal, referral through both coordinators (who never see personal data), the
// responder's further reply and a message, closure, reuse of the data; and a withdrawn request.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { closeDesks, createAndSend, pqDraft, WorkflowDesk } from './support/workflow';

test.afterEach(async ({ browser }) => { await closeDesks(browser); });

test('reply, clarification, referral through both coordinators and closure', async ({ browser }) => {
  test.setTimeout(420_000);
  const fr = await WorkflowDesk.open(browser, 'IT');
  await fr.signInAs('fr-cnom-handler');
  const request = await createAndSend(fr.api, pqDraft('de-aek-berlin', 'Dupont'));
  const toWithdraw = await createAndSend(fr.api, pqDraft('de-aek-berlin', 'Martin'));
  const withAttachment = await createAndSend(fr.api, pqDraft('de-aek-berlin', 'Bernard'));
  const n = request.entryNumber;

  // Withdraw: justification mandatory; the request ends withdrawn on both sides (the responder checks below).
  await fr.openRequest(toWithdraw.entryNumber);
  await fr.act('Withdraw', { justification: 'The professional withdrew the application.' });
  await fr.expectStatus('Withdrawn');

  const de = await WorkflowDesk.open(browser, 'HU');
  await de.signInAs('de-aek-berlin-handler');
  await de.openRequest(toWithdraw.entryNumber);
  await de.expectStatus('Withdrawn');
  await de.openFromList('Requests to be accepted', n);
  await de.act('Accept', { fill: async (dialog) => { await dialog.getByLabel(/Days needed to reply/).fill('12'); } });
  await de.expectStatus(/^Accepted/);

  // Save with warnings, then sending the whole reply is refused and the unanswered questions turn red.
  const replyActions = de.page.getByRole('toolbar', { name: 'Reply actions' });
  await de.tab('Edit reply').click();
  await de.page.getByTestId('answer-awarded-by-competent-body').locator('label.radio', { hasText: 'Yes' }).click();
  await replyActions.getByRole('button', { name: 'Save reply' }).click();
  await expect(de.page.getByText('Reply saved. 2 questions are still unanswered.')).toBeVisible();
  await replyActions.getByRole('button', { name: 'Send reply' }).click();
  await expect(de.page.getByRole('alert')).toHaveText('The reply cannot be sent: 2 questions are not answered (marked in red).');
  for (const id of ['training-level', 'date-of-award']) {
    const panel = de.page.getByTestId(`answer-${id}`);
    await expect(panel).toHaveClass(/is-unanswered/);
    await expect(panel).toHaveCSS('border-top-color', 'rgb(179, 38, 30)');
  }
  await expect(de.page.getByTestId('answer-awarded-by-competent-body')).not.toHaveClass(/is-unanswered/);
  await de.check('reply-unanswered-in-red');

  // The answered subset goes as a partial reply.
  await replyActions.getByRole('button', { name: 'Send partial reply' }).click();
  await de.expectStatus('Partially answered');

  // The full reply.
  await de.tab('Edit reply').click();
  await de.page.getByTestId('answer-training-level').locator('label.radio', { hasText: 'three to four years' }).click();
  await de.page.getByTestId('answer-date-of-award').getByLabel(/On what date/).fill('2005-07-15');
  await replyActions.getByRole('button', { name: 'Send reply' }).click();
  await de.expectStatus('Answered — awaiting closure');

  // The requester asks for clarification (justification mandatory).
  await fr.openRequest(n);
  await fr.expectStatus('Answered — awaiting closure');
  await fr.tab('Questions').click();
  await expect(fr.page.getByRole('tabpanel', { name: 'Questions' })).toContainText('three to four years');
  await fr.action('Ask for clarification').click();
  const clarification = fr.dialog('Ask for clarification');
  await clarification.getByRole('button', { name: 'Ask for clarification', exact: true }).click();
  await expect(clarification.getByText('A justification is required.')).toBeVisible();
  await clarification.getByLabel(/^Justification/).fill('Please confirm the training level with the university register.');
  await clarification.getByRole('button', { name: 'Ask for clarification', exact: true }).click();
  await fr.expectStatus('Additional information requested');

  // The responder refuses to provide more.
  await de.openRequest(n);
  await de.expectStatus('Additional information requested');
  await de.act('Refuse to provide more information', { justification: 'The register holds nothing more than what we sent.' });
  await de.expectStatus('Additional information refused');

  // The requester refers the request: first to its own coordinator.
  await fr.openRequest(n);
  await fr.expectStatus('Additional information refused');
  await fr.act('Refer', { justification: 'The training level is still unclear.' });
  await fr.expectStatus('Referred to the requesting coordinator');

  // The French coordinator (on the other workstation) agrees the reply is unsatisfactory, without seeing the
  // professional's name.
  await de.signInAs('fr-nimic-lda');
  await de.openFromList('Awaiting my approval or referral decision', n);
  await expect(de.page.getByTestId('value-family-name')).toHaveText('********');
  await de.action('Referral decision').click();
  const frDecision = de.dialog('Referral decision');
  await frDecision.locator('label.radio', { hasText: 'Yes, the reply is unsatisfactory' }).click();
  await frDecision.getByLabel(/^Justification/).fill('The level of training must be confirmed.');
  await de.check('referral-decision-dialog');
  await frDecision.getByRole('button', { name: 'Referral decision', exact: true }).click();
  await de.expectStatus('Referred to the responding coordinator');

  // The German coordinator agrees too: the request goes back to the responder.
  await de.signInAs('de-dimic-berlin-lda');
  await de.openFromList('Awaiting my approval or referral decision', n);
  await expect(de.page.getByTestId('value-family-name')).toHaveText('********');
  await de.check('referral-responding-coordinator');
  await de.act('Referral decision', { justification: 'The chamber should check again.' });
  await de.expectStatus('Additional information requested');

  // The responder accepts to provide more, replies again and adds a message.
  await de.signInAs('de-aek-berlin-handler');
  await de.openRequest(n);
  await de.act('Accept to provide more information');
  await de.expectStatus('Additional information accepted');
  await de.tab('Edit reply').click();
  await replyActions.getByRole('button', { name: 'Send reply' }).click();
  await de.expectStatus('Answered — awaiting closure');
  await de.act('Add message', {
    fill: async (dialog) => {
      await de.choose(/Type of message/, 'Additional supporting information');
      await dialog.getByLabel(/^Message/).fill('The university confirmed the level by telephone.');
    },
  });
  await expect(de.page.getByText('The message was added.')).toBeVisible();


  // The requester reads the message, accepts the reply and closes; then reuses the data for a new draft.
  await fr.openRequest(n);
  await fr.tab('Messages and attachments').click();
  await expect(fr.page.getByRole('tabpanel')).toContainText('The university confirmed the level by telephone.', { timeout: 60_000 });
  await expect(fr.page.getByRole('tabpanel')).toContainText('Additional supporting information');
  await fr.check('messages-tab');
  await fr.act('Accept reply and close');
  await fr.expectStatus('Closed');
  // Closed on the hub too, not only on this desk: the desk's pending mark goes once the hub confirmed it.
  await expect(fr.page.getByText('This request has changes that are not yet confirmed by the hub.')).toHaveCount(0, { timeout: 60_000 });
  await fr.tab('Management information').click();
  const history = fr.page.getByRole('grid', { name: 'History' });
  for (const action of ['Send partial reply', 'Send reply', 'Ask for clarification', 'Refuse to provide more information', 'Refer', 'Referral decision', 'Accept reply and close']) {
    await expect(history).toContainText(action);
  }
  await fr.check('closed-history');

  await fr.action('Reuse data').click();
  const reuse = fr.dialog('Reuse data');
  await expect(reuse.getByRole('checkbox', { name: 'Subject data' })).toBeChecked();
  await fr.check('reuse-data-dialog');
  await reuse.getByRole('button', { name: 'Create the new draft' }).click();
  await expect(fr.page).toHaveURL(/#\/edit\//);
  await fr.tab('The professional').click();
  await expect(fr.page.getByLabel(/^Family name/)).toHaveValue('Dupont');
  // The copy is a draft of the requester's own, confirmed by the hub.
  const copyId = decodeURIComponent(/#\/edit\/(.+)$/.exec(fr.page.url())?.[1] ?? '');
  await expect(async () => {
    const copy = await fr.api.requests.get.query({ id: copyId }) as { pending: boolean; view: { case: { status: string; entryNumber: number | null } } };
    expect(copy).toMatchObject({ pending: false, view: { case: { status: 'DRAFT' } } });
    expect(copy.view.case.entryNumber).not.toBeNull();
  }).toPass({ timeout: 60_000 });

  // Attachments on another request, once accepted: a program is refused with a clear message, so is a file over
  // 20 MB; a PDF goes, and the requester opens it.
  await de.openRequest(withAttachment.entryNumber);
  await de.act('Accept', { fill: async (dialog) => { await dialog.getByLabel(/Days needed to reply/).fill('12'); } });
  await de.expectStatus(/^Accepted/);
  await de.tab('Messages and attachments').click();
  const fileInput = de.page.getByLabel('File', { exact: true });
  await fileInput.setInputFiles({ name: 'check-tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00program') });
  await expect(de.page.getByRole('alert')).toHaveText('“check-tool.exe” is a program or script; for security such files cannot be attached.');
  await fileInput.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) });
  await expect(de.page.getByRole('alert')).toHaveText('“scan.pdf” is larger than 20 MB and cannot be attached.');
  await fileInput.setInputFiles({ name: 'register-extract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% register extract of Dr Dupont\n%%EOF\n') });
  await de.page.getByLabel(/^Name of the attachment/).fill('Register extract');
  await de.check('attachment-form');
  await de.page.getByRole('button', { name: 'Add attachment', exact: true }).click();
  await expect(de.page.getByText('The attachment was added; it is sent with your next synchronisation.')).toBeVisible();
  await expect(de.page.getByTestId('attachment')).toContainText('Register extract');

  await fr.openRequest(withAttachment.entryNumber);
  const attachment = fr.page.getByTestId('attachment').filter({ hasText: 'Register extract' });
  await fr.tab('Messages and attachments').click();
  await expect(attachment).toBeVisible({ timeout: 60_000 });
  const download = fr.page.waitForEvent('download');
  await attachment.getByRole('button', { name: 'Open Register extract' }).click();
  expect((await download).suggestedFilename()).toBe('Register extract.pdf');
  expect(await readFile(await (await download).path(), 'utf8')).toContain('register extract of Dr Dupont');
});
