// SPEC §13 in the user's language: two handlers of one authority withdraw the same request at once from two desks;
// the hub accepts one. The other desk rolls its command back and lists it under "needs attention" with the reason
// in that user's language (Greek, from the shared reasons catalogue) and the justification they typed kept to copy.
// The status bar says online, pending and last sync in Greek too. Texts are read from the catalogues, not copied.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { flattenCatalogue } from '../../shared/i18n/catalogues';
import type { Catalogue } from '../../shared/i18n/catalogues';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, DeskUi, deskUrl } from './support/ui';
import { createAndSend, deskApi, pqDraft } from './support/workflow';
import type { DeskApi } from './support/workflow';

function flatJson(file: URL): Catalogue {
  if (!existsSync(file)) return {};
  const flat = flattenCatalogue(JSON.parse(readFileSync(file, 'utf8')));
  return flat.ok ? flat.catalogue : {};
}
const ui = { el: flatJson(new URL('../../renderer/i18n/el.json', import.meta.url)), en: flatJson(new URL('../../renderer/i18n/en.json', import.meta.url)) };
const reasons = {
  el: flatJson(new URL('../../resources/i18n/reasons/el.json', import.meta.url)),
  en: flatJson(new URL('../../resources/i18n/reasons/en.json', import.meta.url)),
};
/** The Greek text the desk shows: the Greek catalogue's, else English (the desk's fallback). */
const greek = (catalogue: keyof typeof ui, key: string) => ui.el[key] || ui.en[key] || `missing ${catalogue}:${key}`;
const greekReason = (code: string) => (reasons.el[code] || reasons.en[code] || '').replace(/\{(\w+)\}/g, '{{$1}}');

async function signIn(api: DeskApi, username: string): Promise<void> {
  const status = await api.session.status.query();
  if (status.state === 'signedIn') await api.session.logout.mutate();
  const challenge = await api.session.startLogin.mutate({ username });
  const codeCharacters = challenge.positions.map((p) => DEMO_SECURITY_CODE[p - 1] ?? '');
  await api.session.completeLogin.mutate({ challengeId: challenge.challengeId, username, password: DEMO_PASSWORD, codeCharacters });
}

async function openSignedIn(page: Page, which: 'IT' | 'HU'): Promise<void> {
  await page.goto(deskUrl(which));
  await expect(page.locator('html')).toHaveAttribute('lang', 'el', { timeout: 60_000 });
  await expect(page.getByTestId('sync-connection')).toHaveText(greek('el', 'sync.online'), { timeout: 60_000 });
}

test('a withdrawal the hub refused is explained in Greek and what was typed can be copied back', async ({ browser }) => {
  test.setTimeout(240_000);
  const desks = { IT: deskApi('IT'), HU: deskApi('HU') };
  // The two handlers of the Italian ministry (the handler and the LDA, who holds every right), each on a desk, in Greek.
  await signIn(desks.IT, 'it-salute-handler');
  await signIn(desks.HU, 'it-salute-lda');
  for (const api of Object.values(desks)) await api.settings.set.mutate({ user: { language: 'el' } });
  try {
    const request = await createAndSend(desks.IT, pqDraft('hu-enkk', 'Esposito'));
    await expect(async () => {
      const seen = await desks.HU.requests.get.query({ id: request.id }) as { view: { case: { entryNumber: number | null } } };
      expect(seen.view.case.entryNumber).toBe(request.entryNumber);
    }).toPass({ timeout: 60_000 });

    // Both withdraw at the same moment: each desk applies its own command at once; the hub takes only one.
    const typed = { IT: 'Ritiro: il professionista ha rinunciato alla domanda (testo del gestore).', HU: 'Ritiro deciso dall’amministratore: la richiesta è stata inviata per errore.' };
    const withdraw = (which: 'IT' | 'HU') => desks[which].requests.command.mutate({
      command: { type: 'withdrawRequest', caseId: request.id, justification: { text: typed[which], language: 'it' } },
    });
    const outcomes = await Promise.all([withdraw('IT'), withdraw('HU')]);
    expect(outcomes, 'both desks accept the command locally').toMatchObject([{ ok: true }, { ok: true }]);
    let loser: 'IT' | 'HU' | null = null;
    let reason = '';
    await expect(async () => {
      const lists = await Promise.all([desks.IT.attention.list.query(), desks.HU.attention.list.query()]);
      const refused = lists.flatMap((list, i) => list.filter((item) => item.caseId === request.id).map((item) => ({ which: i === 0 ? 'IT' as const : 'HU' as const, item })));
      expect(refused).toHaveLength(1);
      loser = refused[0]?.which ?? null;
      reason = refused[0]?.item.reason ?? '';
    }).toPass({ timeout: 60_000 });
    if (!loser) throw new Error('no desk lists the refused withdrawal');
    const which: 'IT' | 'HU' = loser;

    // The losing desk, in the browser: the status bar in Greek, the item under "needs attention", the text kept.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const desk = new DeskUi(await context.newPage());
    const { page } = desk;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(deskUrl(which)).origin });
    await openSignedIn(page, which);
    await expect(page.getByTestId('sync-pending')).toHaveText(greek('el', 'sync.pending_other').replace('{{count}}', '0'), { timeout: 60_000 });
    const lastSync = greek('el', 'sync.lastSync').split('{{time}}')[0] ?? '';
    await expect(page.getByTestId('sync-last')).toContainText(lastSync.trim());
    const bar = page.getByRole('contentinfo');
    await bar.getByRole('link').click();
    await expect(page.getByRole('heading', { name: greek('el', 'attention.title') })).toBeVisible();
    const item = page.locator('.attention-item').filter({ hasText: greek('el', 'commands.withdrawRequest') });
    await expect(item).toHaveCount(1);
    const explained = greekReason(reason);
    expect(explained, `a Greek or English text for ${reason}`).not.toBe('');
    await expect(item).toContainText(explained.replace(/\{\{\w+\}\}/g, '').trim().slice(0, 40));
    const kept = item.getByRole('textbox', { name: greek('el', 'attention.yourText') });
    await expect(kept).toHaveValue(typed[which]);
    await item.getByRole('button', { name: greek('el', 'attention.copy') }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(typed[which]);
    await desk.screenshot('i18n-attention-el');
    expect(await desk.seriousAccessibilityViolations()).toEqual([]);
    await context.close();
  } finally {
    for (const api of Object.values(desks)) {
      await api.settings.set.mutate({ user: { language: 'en' } });
      await api.session.logout.mutate();
    }
  }
});
