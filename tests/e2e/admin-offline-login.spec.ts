// SPEC §4 and §13 on a desk of its own behind a proxy the test cuts: the status bar says online, offline, how many
// changes wait and when it last synced; a user who logged in online here logs in offline with a clear notice (and
// the bar says "offline log-in"); a user who never did is told why not; back online, the waiting change is sent.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { logOut, openDeskSignedOut, submitLogIn } from './support/sessionUi';
import { startCuttableProxy, startOwnDesk } from './support/offlineDesk';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, DeskUi } from './support/ui';
import { pqDraft } from './support/workflow';

const en = JSON.parse(readFileSync(new URL('../../renderer/i18n/en.json', import.meta.url), 'utf8')) as {
  login: { offlineNotice: string };
  sync: { now: string; online: string; offline: string; offlineLogin: string; lastSync: string; pending_one: string; pending_other: string };
};
const reasons = JSON.parse(readFileSync(new URL('../../resources/i18n/reasons/en.json', import.meta.url), 'utf8')) as Record<string, string>;
const pending = (count: number) => (count === 1 ? en.sync.pending_one : en.sync.pending_other).replace('{{count}}', String(count));

test('offline: the status bar, an offline log-in with its notice, a refused one, and the queued change sent later', async ({ browser }) => {
  test.setTimeout(240_000);
  const hubUrl = process.env.E2E_HUB_URL;
  if (!hubUrl) throw new Error('E2E_HUB_URL is not set');
  const proxy = await startCuttableProxy(hubUrl);
  const desk = await startOwnDesk(proxy.url);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const ui = new DeskUi(await context.newPage());
  const { page } = ui;
  try {
    // Online: the first log-in on this workstation also keeps what an offline log-in needs.
    await openDeskSignedOut(page, new URL(desk.url));
    await submitLogIn(page, 'it-salute-handler', DEMO_PASSWORD, DEMO_SECURITY_CODE);
    await expect(page.getByTestId('sync-connection')).toHaveText(en.sync.online, { timeout: 60_000 });
    await expect(page.getByTestId('sync-pending')).toHaveText(pending(0));
    await expect(page.getByTestId('sync-last')).toContainText(en.sync.lastSync.split('{{time}}')[0] ?? 'Last');

    // The network goes: the bar says so, and a draft made now waits to be sent.
    proxy.cut();
    // A sync round finds the hub gone (asked for at once, as a user would, rather than waiting for the desk's timer).
    await page.getByRole('button', { name: en.sync.now }).click();
    await expect(page.getByTestId('sync-connection')).toHaveText(en.sync.offline, { timeout: 60_000 });
    const draft = pqDraft('hu-enkk', 'Romano');
    const created = await desk.api.requests.command.mutate({ command: { type: 'createDraft', caseId: crypto.randomUUID(), ...draft } });
    expect(created).toMatchObject({ ok: true });
    await expect(page.getByTestId('sync-pending')).toHaveText(pending(1), { timeout: 30_000 });
    await ui.screenshot('sync-offline');
    expect(await ui.seriousAccessibilityViolations()).toEqual([]);

    // Logging in again while the hub is unreachable: offline, said before the password is typed and in the bar.
    await logOut(page);
    await page.getByLabel('Username').fill('it-salute-handler');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('status').filter({ hasText: en.login.offlineNotice })).toBeVisible({ timeout: 30_000 });
    await ui.screenshot('login-offline');
    expect(await ui.seriousAccessibilityViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Back' }).click();
    await submitLogIn(page, 'it-salute-handler', DEMO_PASSWORD, DEMO_SECURITY_CODE);
    await expect(page.getByTestId('sync-connection')).toHaveText(en.sync.offlineLogin, { timeout: 60_000 });
    await expect(page.getByTestId('sync-pending')).toHaveText(pending(1));
    await logOut(page);

    // Someone who never logged in online on this workstation cannot log in offline, and is told why.
    await submitLogIn(page, 'it-salute-viewer', DEMO_PASSWORD, DEMO_SECURITY_CODE);
    await expect(page.getByRole('alert')).toHaveText(reasons.OFFLINE_LOGIN_UNAVAILABLE ?? 'missing reason text');

    // The network is back: an online log-in sends the waiting draft.
    proxy.restore();
    await submitLogIn(page, 'it-salute-handler', DEMO_PASSWORD, DEMO_SECURITY_CODE);
    await expect(page.getByTestId('sync-connection')).toHaveText(en.sync.online, { timeout: 60_000 });
    await expect(page.getByTestId('sync-pending')).toHaveText(pending(0), { timeout: 60_000 });
    await logOut(page);
  } finally {
    await context.close();
    await desk.stop();
    await proxy.close();
  }
});
