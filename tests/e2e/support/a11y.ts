// Helpers of the accessibility scenarios (issue #5): moving with the keyboard only while checking that every
// focus stop shows a visible indicator, and measuring a screen's layout (no page-wide horizontal scrolling,
// no interactive control cut off) at a given viewport.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from './ui';
import type { DeskApi } from './workflow';

/** What the focused element looks like, next to an unfocused twin of it (same tag, classes and attributes). */
export interface FocusLook {
  /** role and accessible-name hint of the focused element, for messages */
  element: string;
  focused: { outline: string; boxShadow: string };
  unfocused: { outline: string; boxShadow: string };
  /** what covers the middle of the element, when something else does (a sticky bar, an overlay) or it is off screen */
  obscuredBy: string | null;
}

/**
 * The outline and box-shadow of document.activeElement, and those of a shallow clone inserted next to it for
 * the time of one synchronous measurement: the clone matches every rule the element matches except
 * :focus-visible / [data-focus-visible] / [data-focused], so the difference is the focus indicator.
 */
export async function focusLook(page: Page): Promise<FocusLook | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const look = (e: Element) => {
      const style = getComputedStyle(e);
      const outline = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      return { outline, boxShadow: style.boxShadow };
    };
    const twin = element.cloneNode(false) as HTMLElement;
    for (const attribute of ['id', 'data-focused', 'data-focus-visible', 'data-focus-within', 'autofocus']) twin.removeAttribute(attribute);
    twin.setAttribute('aria-hidden', 'true');
    twin.tabIndex = -1;
    element.after(twin);
    const unfocused = look(twin);
    twin.remove();
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
    const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
    const box = element.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
    const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), window.innerHeight - 1);
    const onTop = document.elementFromPoint(x, y);
    const offScreen = box.bottom <= 0 || box.top >= window.innerHeight || box.right <= 0 || box.left >= window.innerWidth;
    const obscuredBy = offScreen ? 'off screen'
      : onTop && !element.contains(onTop) && !onTop.contains(element) ? `${onTop.tagName.toLowerCase()}.${String(onTop.className)}` : null;
    return { element: `${role} "${name}"`, focused: look(element), unfocused, obscuredBy };
  });
}

/** The focused element has an outline or box-shadow that its unfocused state does not have. */
export function isVisiblyFocused(look: FocusLook): boolean {
  const { focused, unfocused } = look;
  const hasIndicator = focused.outline !== 'none' || focused.boxShadow !== 'none';
  return hasIndicator && (focused.outline !== unfocused.outline || focused.boxShadow !== unfocused.boxShadow);
}

export async function expectVisibleFocus(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const look = await focusLook(page);
  expect(look, 'something is focused').not.toBeNull();
  if (look) {
    expect(isVisiblyFocused(look), `focus indicator of ${look.element}: ${JSON.stringify(look)}`).toBe(true);
    expect(look.obscuredBy, `${look.element} is not hidden by another element`).toBeNull();
  }
}

/** Presses `key` once; `target` must then have the focus, visibly. */
export async function pressTo(page: Page, key: string, target: Locator): Promise<void> {
  await page.keyboard.press(key);
  await expectVisibleFocus(page, target);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, at most `max` times; every element passed on the
 * way must show its focus too (a stop without a visible indicator fails the step). With `within`, the target is
 * a group (a toolbar, a table) and any element inside it will do. Returns the stops passed.
 */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number; within?: boolean } = {}): Promise<string[]> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const stops: string[] = [];
  for (let i = 0; i < (options.max ?? 30); i++) {
    await page.keyboard.press(key);
    const look = await focusLook(page);
    if (look) {
      stops.push(look.element);
      expect(isVisiblyFocused(look), `focus indicator of ${look.element} (stop ${i + 1}): ${JSON.stringify(look)}`).toBe(true);
      expect(look.obscuredBy, `${look.element} (stop ${i + 1}) is not hidden by another element`).toBeNull();
    }
    if (options.within) {
      if (await target.evaluate((e) => e !== document.activeElement && e.contains(document.activeElement)).catch(() => false)) return stops;
    } else if (await target.evaluate((e) => e === document.activeElement).catch(() => false)) {
      await expectVisibleFocus(page, target);
      return stops;
    }
  }
  throw new Error(`${key} never reached the target; stops: ${stops.join(' → ')}`);
}

/**
 * Layout problems of the current screen at the current viewport: the page (or its main region, which scrolls on
 * its own) wider than the viewport, and visible interactive controls that lie outside the viewport or are cut
 * off by a box that hides its overflow. A control inside a component that scrolls horizontally by itself (a data
 * table, a list) and lies within the viewport counts as reachable, as WCAG 1.4.10 allows for such content.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const describe = (e: Element) => {
      const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${e.tagName.toLowerCase()}${e.getAttribute('role') ? `[role=${e.getAttribute('role')}]` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} "${name}"`;
    };
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > scroller.clientWidth + 1) problems.push(`the page scrolls sideways: ${scroller.scrollWidth} > ${scroller.clientWidth}`);
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth + 1) problems.push(`the main region scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
    // A main region that scrolls on its own between a fixed header and status bar must keep a usable share of the
    // window (at 200% zoom a fixed frame can leave it a thin strip).
    const mainScrolls = main ? ['auto', 'scroll'].includes(getComputedStyle(main).overflowY) : false;
    if (main && mainScrolls && main.clientHeight < window.innerHeight * 0.5) {
      problems.push(`the main region gets ${main.clientHeight} of ${window.innerHeight} px in height`);
    }
    const controls = document.querySelectorAll('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="tab"], [role="radio"], [role="checkbox"], [role="switch"], [role="combobox"], [role="textbox"], [role="spinbutton"], [role="option"], [role="row"]');
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // visually hidden (react-aria's native inputs)
      if (!control.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      if (control.closest('[aria-hidden="true"], [inert]')) continue; // e.g. react-aria's hidden native <select>
      let reachableByScrolling = false;
      let cutBy: Element | null = null;
      for (let a = control.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
        const overflowX = getComputedStyle(a).overflowX;
        if (overflowX === 'visible') continue;
        const outer = a.getBoundingClientRect();
        if (box.left >= outer.left - 1 && box.right <= outer.right + 1) continue;
        if ((overflowX === 'auto' || overflowX === 'scroll') && a !== main && outer.left >= -1 && outer.right <= width + 1) {
          reachableByScrolling = true;
          break;
        }
        cutBy = a;
        break;
      }
      if (cutBy) problems.push(`${describe(control)} is cut off by ${describe(cutBy)} (${Math.round(box.left)}–${Math.round(box.right)})`);
      else if (!reachableByScrolling && (box.left < -1 || box.right > width + 1)) {
        problems.push(`${describe(control)} lies outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
      }
    }
    return problems;
  });
}

/**
 * Signs `username` in through the desk API (no screen), as a fixture step: whoever holds the desk is signed out
 * first. The three requested code positions are answered from the demo code.
 */
export async function apiSignIn(api: DeskApi, username: string): Promise<void> {
  const status = await api.session.status.query();
  if (status.state === 'signedIn') await api.session.logout.mutate();
  const challenge = await api.session.startLogin.mutate({ username });
  const codeCharacters = challenge.positions.map((position) => DEMO_SECURITY_CODE[position - 1] ?? '');
  await api.session.completeLogin.mutate({ challengeId: challenge.challengeId, username, password: DEMO_PASSWORD, codeCharacters });
}
