// SPEC §15 scenario 7 through the interface (issue #5): two handlers of the Italian Ministry of Health act on the
// same answered request while one of them is offline. Francesca (it-salute-lda, desk-it2, whose network the test
// cuts) asks for clarification with a long justification; her desk shows it at once, marked pending. Meanwhile
// Alessandro (it-salute-handler, online) asks for clarification first, and the hub takes his. When the network
// is back, Francesca's command is refused: her desk rolls it back, explains why under "Needs attention" and keeps
// what she typed, which she copies into a message on the same request, so nothing is lost.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cutHubConnection, restoreHubConnection } from './support/offlineProxy';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, deskUrl } from './support/ui';
import { closeDesks, createAndSend, deskApi, pqDraft, WorkflowDesk } from './support/workflow';
import type { DeskApi } from './support/workflow';

const reasons = JSON.parse(readFileSync(new URL('../../resources/i18n/reasons/en.json', import.meta.url), 'utf8')) as Record<string, string>;

const TYPED_OFFLINE = [
  'Before we close this file we need three points clarified:',
  '1. Was the diploma issued by the Semmelweis University itself or by one of its affiliated teaching hospitals?',
  '2. Your reply gives the training as “three to four years”; the applicant’s transcript lists six years (2003–2009). Which is right?',
  '3. If the date of the state examination differs from the date of award, please give both.',
].join('\n');
const TYPED_ONLINE = 'Please confirm the exact duration of the training.';

async function signInByApi(api: DeskApi, username: string): Promise<void> {
  const status = await api.session.status.query();
  if (status.state === 'signedIn') await api.session.logout.mutate();
  const challenge = await api.session.startLogin.mutate({ username });
  const codeCharacters = challenge.positions.map((p) => DEMO_SECURITY_CODE[p - 1] ?? '');
  await api.session.completeLogin.mutate({ challengeId: challenge.challengeId, username, password: DEMO_PASSWORD, codeCharacters });
}

/** The fixture: the Hungarian registration centre accepts and answers `caseId` (through the HU desk's API). */
async function answeredByHungary(caseId: string): Promise<void> {
  const hu = deskApi('HU');
  await signInByApi(hu, 'hu-enkk-handler');
  try {
    await expect(async () => {
      const seen = await hu.requests.get.query({ id: caseId }) as { view: { case: { status: string } } };
      expect(seen.view.case.status).toBe('AWAITING_ACCEPTANCE');
    }).toPass({ timeout: 60_000 });
    await expect(hu.requests.command.mutate({ command: { type: 'acceptRequest', caseId, days: 10, respondingCoordinatorId: null } })).resolves.toMatchObject({ ok: true });
    const answers = [
      { questionId: 'awarded-by-competent-body', value: { kind: 'yesNo' as const, value: true }, followUps: {}, comment: null },
      { questionId: 'training-level', value: { kind: 'choice' as const, optionIds: ['level-d'] }, followUps: {}, comment: null },
      { questionId: 'date-of-award', value: { kind: 'date' as const, date: '2009-07-15' }, followUps: {}, comment: null },
    ];
    await expect(hu.requests.command.mutate({ command: { type: 'sendReply', caseId, answers } })).resolves.toMatchObject({ ok: true });
    await expect.poll(async () => (await hu.sync.status.query()).pendingCount, { timeout: 60_000 }).toBe(0);
  } finally {
    await hu.session.logout.mutate();
  }
}

test.afterEach(async ({ browser }) => {
  // A failed run must not leave desk-it2 cut off for whoever comes next.
  await restoreHubConnection();
  await closeDesks(browser);
});

test('the offline handler loses the race for a request, is told why and gets back everything they typed', async ({ browser }) => {
  test.setTimeout(360_000);
  const online = await WorkflowDesk.open(browser, 'IT');
  await online.signInAs('it-salute-handler');
  const offline = await WorkflowDesk.open(browser, 'IT2');
  await offline.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(deskUrl('IT2')).origin });
  await offline.signInAs('it-salute-lda');

  const request = await createAndSend(online.api, pqDraft('hu-enkk', 'Lombardi'));
  await answeredByHungary(request.id);
  for (const desk of [online, offline]) {
    await desk.openRequest(request.entryNumber);
    await desk.expectStatus('Answered — awaiting closure');
  }

  // desk-it2 loses its network; the next attempt to synchronise tells Francesca she is working on local data.
  const bar = offline.page.getByRole('contentinfo');
  await cutHubConnection();
  await bar.getByRole('button', { name: 'Synchronise now' }).click();
  await expect(offline.page.getByTestId('sync-connection')).toHaveText('Offline — working on local data');

  // Offline, she asks for clarification: applied locally at once, marked as waiting to be sent.
  const asked = await offline.act('Ask for clarification', { justification: TYPED_OFFLINE });
  await expect(asked).toBeHidden();
  await offline.expectStatus('Additional information requested');
  await expect(offline.page.getByTestId('sync-pending')).toHaveText('1 change waiting to be sent');
  await expect(offline.page.getByText('This request has changes that are not yet confirmed by the hub.')).toBeVisible();
  await offline.screenshot('offline-command-pending');

  // Alessandro, online, asks first: the hub takes his command.
  await online.act('Ask for clarification', { justification: TYPED_ONLINE });
  await online.expectStatus('Additional information requested');
  await expect(online.page.getByTestId('sync-pending')).toHaveText('0 changes waiting to be sent', { timeout: 60_000 });
  await expect(online.page.getByText('This request has changes that are not yet confirmed by the hub.')).toBeHidden();
  await expect(offline.page.getByTestId('sync-pending')).toHaveText('1 change waiting to be sent');

  // The network is back: her desk syncs, the hub refuses her command, the desk rolls it back and says so.
  await restoreHubConnection();
  await bar.getByRole('button', { name: 'Synchronise now' }).click();
  await expect(offline.page.getByTestId('sync-connection')).toHaveText('Online', { timeout: 60_000 });
  await expect(offline.page.getByTestId('sync-pending')).toHaveText('0 changes waiting to be sent', { timeout: 60_000 });
  const attentionLink = bar.getByRole('link', { name: '1 item needs attention' });
  await expect(attentionLink).toBeVisible({ timeout: 60_000 });
  const reason = reasons.WRONG_STATUS ?? 'missing reasons:WRONG_STATUS';
  await expect(offline.page.getByText(`“Ask for clarification” was not accepted by the hub: ${reason}`)).toBeVisible();
  await expect(offline.page.getByText('This request has changes that are not yet confirmed by the hub.')).toBeHidden();
  await offline.expectStatus('Additional information requested');
  // Her optimistic step is gone: the history holds Alessandro's request for clarification only.
  await offline.tab('Management information').click();
  const history = offline.page.getByRole('grid', { name: 'History' });
  await expect(history).toContainText(TYPED_ONLINE);
  await expect(history.getByRole('row').filter({ hasText: 'Ask for clarification' })).toHaveCount(1);
  await expect(history).not.toContainText('Semmelweis');
  await online.tab('Management information').click();
  await expect(online.page.getByRole('grid', { name: 'History' })).not.toContainText('Semmelweis');

  // "Needs attention" explains in words and keeps her text, which she copies.
  await attentionLink.click();
  await expect(offline.page.getByRole('heading', { name: 'Needs attention' })).toBeVisible();
  const item = offline.page.locator('.attention-item');
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('heading')).toContainText('Ask for clarification');
  await expect(item).toContainText(reason);
  const kept = item.getByRole('textbox', { name: 'What you typed' });
  await expect(kept).toHaveValue(TYPED_OFFLINE);
  await item.getByRole('button', { name: 'Copy' }).click();
  expect(await offline.page.evaluate(() => navigator.clipboard.readText())).toBe(TYPED_OFFLINE);
  await offline.check('offline-needs-attention');

  // She pastes it into a message to the Hungarian centre on the same request: it reaches the hub this time.
  await item.getByRole('link', { name: 'Open the request' }).click();
  await expect(offline.page.getByTestId('banner-number')).toHaveText(`Request ${request.entryNumber}`);
  await offline.action('Add message').click();
  const message = offline.dialog('Add message');
  await offline.choose('Type of message', 'Clarification of a question');
  const field = message.getByRole('textbox', { name: 'Message' });
  await field.focus();
  await offline.page.keyboard.press('ControlOrMeta+V');
  await expect(field).toHaveValue(TYPED_OFFLINE);
  await message.getByRole('button', { name: 'Add message', exact: true }).click();
  await expect(message).toBeHidden();
  await expect(offline.page.getByTestId('sync-pending')).toHaveText('0 changes waiting to be sent', { timeout: 60_000 });
  await online.tab('Messages and attachments').click();
  await expect(online.page.locator('.message-list')).toContainText(TYPED_OFFLINE, { timeout: 60_000 });
  await expect(online.page.locator('.message-list')).toContainText('Clarification of a question');

  // Dealt with: she dismisses the item.
  await offline.goTo('Needs attention');
  await offline.page.locator('.attention-item').getByRole('button', { name: 'Dismiss' }).click();
  await expect(offline.page.getByText('Nothing needs your attention.')).toBeVisible();
  await expect(bar.getByRole('link', { name: /needs attention/ })).toBeHidden();
});
