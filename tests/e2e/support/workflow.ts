// Helpers of the request-workflow scenarios (SPEC §15, 3–6): switching the user of a desk, preparing requests
// through the desk's own API (the fixture, not the behaviour under test), and the steps an officer takes on a
// request screen: open it by number, take an action through its dialog, read its status.
import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import type { Browser, Locator } from '@playwright/test';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { DeskRouter } from '../../../electron/desk/api/deskRouter';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE, DeskUi, deskUrl } from './ui';

type Which = 'IT' | 'HU' | 'IT2';
const SECRET_HEADER = 'x-imi-desk-secret';

/** The desk's tRPC API as the renderer calls it, for whoever is signed in on that desk (secret in a header). */
export function deskApi(which: Which) {
  const url = new URL(deskUrl(which));
  const secret = url.searchParams.get('secret') ?? '';
  return createTRPCClient<DeskRouter>({ links: [httpLink({ url: `${url.origin}/trpc`, headers: { [SECRET_HEADER]: secret } })] });
}

export type DeskApi = ReturnType<typeof deskApi>;

export const en = (text: string) => ({ text, language: 'en' as const });

/** A complete PQ request (every red and orange field) on the diploma-authenticity set, to `to`. */
export function pqDraft(to: string, familyName: string, questionIds: readonly string[] = ['awarded-by-competent-body', 'training-level', 'date-of-award']) {
  return {
    area: 'PQ' as const, questionSetId: 'pq-diploma-authenticity',
    form: {
      respondingAuthorityId: to, proposedDueDays: 10,
      subject: {
        'family-name': familyName, 'first-names': 'Maria', 'date-of-birth': '1980-04-02', profession: 'Medical doctor',
        'place-of-birth': 'Roma', nationality: 'IT', 'professional-registration-number': 'RM-12345', 'mobility-type': ['establishment'],
      },
      questions: questionIds.map((questionId) => ({ questionId })),
    },
  };
}

/** A complete SD request (general information on a service provider) naming a contact person, which is personal data. */
export function sdDraft(to: string, contactPerson: string) {
  return {
    area: 'SD' as const, questionSetId: 'sd-general-information',
    form: {
      respondingAuthorityId: to, proposedDueDays: 15,
      subject: {
        'business-name': 'Atelier Lumière SARL', 'legal-form': 'limited-company', 'registration-number': 'RCS 812 345 678',
        address: '12 rue de Rivoli, 75004 Paris', 'country-of-establishment': 'FR', 'service-activity': 'Interior design services',
        'contact-person-name': contactPerson,
      },
      questions: [{ questionId: 'registered-in-register' }, { questionId: 'insolvency' }],
    },
  };
}

type Draft = ReturnType<typeof pqDraft> | ReturnType<typeof sdDraft>;

/** Creates a draft as the desk's signed-in user and sends it; resolves once the hub gave it an entry number. */
export async function createAndSend(api: DeskApi, draft: Draft, options: { send?: boolean } = {}): Promise<{ id: string; entryNumber: number }> {
  const caseId = randomUUID();
  const created = await api.requests.command.mutate({ command: { type: 'createDraft', caseId, ...draft } });
  expect(created, 'the draft is accepted by the desk').toMatchObject({ ok: true });
  if (options.send !== false) {
    const sent = await api.requests.command.mutate({ command: { type: 'sendRequest', caseId, requestingCoordinatorId: null } });
    expect(sent, 'the request is accepted for sending').toMatchObject({ ok: true });
  }
  let entryNumber: number | null = null;
  await expect(async () => {
    const detail = await api.requests.get.query({ id: caseId }) as { view: { case: { entryNumber: number | null } }; pending: boolean };
    expect(detail.pending).toBe(false);
    entryNumber = detail.view.case.entryNumber;
    expect(entryNumber).not.toBeNull();
  }).toPass({ timeout: 60_000 });
  return { id: caseId, entryNumber: entryNumber ?? 0 };
}

/** One browser page per desk, in English, whose signed-in user can be switched. */
export class WorkflowDesk extends DeskUi {
  readonly api: DeskApi;
  constructor(page: DeskUi['page'], readonly which: Which) {
    super(page);
    this.api = deskApi(which);
  }

  static async open(browser: Browser, which: Which): Promise<WorkflowDesk> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    return new WorkflowDesk(await context.newPage(), which);
  }

  /** Signs out whoever holds this desk (a user of an earlier scenario, or of an earlier step) and signs `username` in. */
  async signInAs(username: string): Promise<void> {
    const status = await this.api.session.status.query();
    if (status.state === 'signedIn') await this.api.session.logout.mutate();
    await this.logInAnyLanguage(username);
    // Each demo user prefers their own language; the scenarios read the screens in English (saved as the user's choice).
    await this.api.settings.set.mutate({ user: { language: 'en' } });
    await this.page.reload();
    await expect(this.page.getByRole('heading', { name: 'Dashboard' })).toBeVisible({ timeout: 60_000 });
    await expect(this.page.getByText('Online', { exact: true })).toBeVisible({ timeout: 60_000 });
  }

  /**
   * DeskUi.logIn, except that it waits for the signed-in frame rather than an English heading: on a first log-in
   * the screens switch to the user's preferred language (the log-in screen itself is in the workstation's, English).
   */
  private async logInAnyLanguage(username: string): Promise<void> {
    const { page } = this;
    await page.goto(deskUrl(this.which));
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    const fields = page.getByLabel(/Character \d+ of your security code/);
    await expect(fields).toHaveCount(3);
    for (const field of await fields.all()) {
      const labelId = await field.getAttribute('aria-labelledby');
      const label = await page.locator(`[id="${labelId}"]`).innerText();
      const position = Number(/Character (\d+)/.exec(label)?.[1]);
      await field.fill(DEMO_SECURITY_CODE[position - 1] ?? '');
    }
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 60_000 });
  }

  /** Finds a request by its entry number (Search all forms) and opens it; retries while the change is still syncing. */
  async openRequest(entryNumber: number): Promise<void> {
    const { page } = this;
    await this.goTo('Search');
    await page.getByRole('tab', { name: 'Search all forms' }).click();
    await page.getByLabel('Entry number').fill(String(entryNumber));
    const row = page.getByRole('row', { name: new RegExp(`^${entryNumber}\\b`) });
    await expect(async () => {
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await row.click();
    await expect(page.getByTestId('banner-number')).toHaveText(`Request ${entryNumber}`);
  }

  /** Opens a dashboard action list and the request of that number in it (waits for sync to bring it). */
  async openFromList(list: string, entryNumber: number): Promise<void> {
    const { page } = this;
    await this.goTo('Dashboard');
    const row = page.getByRole('row', { name: new RegExp(`^${entryNumber}\\b`) });
    await expect(async () => {
      await page.getByRole('radio', { name: new RegExp(list) }).click();
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await row.click();
    await expect(page.getByTestId('banner-number')).toHaveText(`Request ${entryNumber}`);
  }

  get status(): Locator {
    return this.page.getByTestId('banner-status');
  }

  /** Waits until the open request shows `status` (the screen follows sync; a reload is a user's F5 if not). */
  async expectStatus(status: string | RegExp): Promise<void> {
    await expect(this.status).toHaveText(status, { timeout: 60_000 });
  }

  action(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name, exact: true });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Opens an action's dialog, types the justification (and whatever `fill` adds) and confirms with the same button. */
  async act(name: string, options: { justification?: string; fill?: (dialog: Locator) => Promise<void>; confirm?: string } = {}): Promise<Locator> {
    await this.action(name).click();
    const dialog = this.dialog(name);
    await expect(dialog).toBeVisible();
    if (options.fill) await options.fill(dialog);
    if (options.justification !== undefined) await dialog.getByLabel(/^Justification/).fill(options.justification);
    await dialog.getByRole('button', { name: options.confirm ?? name, exact: true }).click();
    return dialog;
  }

  /** Serious or critical axe findings of the current screen must be none; the screen is photographed too. */
  async check(screenshot: string): Promise<void> {
    await this.screenshot(screenshot);
    expect(await this.seriousAccessibilityViolations()).toEqual([]);
  }
}

/** Closes the pages a scenario opened, so that no signed-out tab of it keeps polling its desk during the next one. */
export async function closeDesks(browser: Browser): Promise<void> {
  // Closing may fail to save a trace (e.g. another run cleaned the output folder): that must not hide the test's result.
  for (const context of browser.contexts()) await context.close().catch(() => undefined);
}
