/**
 * What the scanner does on a loaded page to see what a visitor would: many sites add their chat
 * widget or start their AI calls only when the reader scrolls, moves the mouse or focuses a text
 * field. Every step is bounded by the scan's deadline, and a step that fails (the page navigated
 * away, an element vanished) is skipped: the visit is a best effort, the report is what matters.
 *
 * Clicking is different: a click can buy, send or delete, so launchers are clicked only with
 * `interact`, and only elements the database names as a chat widget's marker (its CSS selectors).
 */
import type { Page } from 'playwright-core';

/** The elements a visitor types into; the first visible one is focused. */
export const TEXT_INPUT_SELECTOR =
  'textarea, input:not([type]), input[type="text"], input[type="search"], input[type="email"], input[type="tel"], input[type="url"], [contenteditable=""], [contenteditable="true"]';

/** Pause between scroll steps: lets scroll handlers and IntersectionObservers run. */
const SCROLL_STEP_MS = 120;
/** Scroll steps at most (a page that keeps growing as it is scrolled has no end). */
const MAX_SCROLL_STEPS = 40;

export interface VisitOptions {
  /** Epoch ms after which nothing more is done. */
  deadline: number;
  /** Click the launchers matching `launchers`. */
  interact?: boolean;
  /** CSS selectors of chat launchers (widget markers of the database). */
  launchers?: readonly string[];
}

/** Scrolls to the end in steps, moves the pointer, focuses the first text input; with interact, clicks launchers. */
export async function actAsVisitor(page: Page, options: VisitOptions): Promise<void> {
  const left = () => options.deadline - Date.now();
  // A page busy in a loop never answers an evaluate: each step also ends at the deadline.
  const step = async (action: () => Promise<unknown>) => {
    if (left() <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((ok) => (timer = setTimeout(ok, left())));
    await Promise.race([action().catch(() => undefined), late]);
    clearTimeout(timer);
  };
  await step(() => scrollToEnd(page, options.deadline));
  await step(() => movePointer(page));
  await step(async () => {
    // Counted first: focus() would wait for an input that a page without one never gets.
    const input = page.locator(TEXT_INPUT_SELECTOR).filter({ visible: true }).first();
    if ((await input.count()) > 0) await input.focus({ timeout: Math.min(1_000, Math.max(1, left())) });
  });
  if (options.interact) {
    for (const selector of clickableLaunchers(options.launchers ?? [])) {
      await step(async () => {
        const target = page.locator(selector).filter({ visible: true }).first();
        if ((await target.count()) === 0) return;
        await target.click({ timeout: Math.min(1_000, Math.max(1, left())) });
      });
    }
  }
}

/** Marker selectors that can be a launcher: not those naming a script, iframe, style or link element. */
export function clickableLaunchers(selectors: readonly string[]): string[] {
  return [...new Set(selectors)].filter((s) => !/^\s*(?:script|iframe|style|link|meta)\b/i.test(s));
}

/** Scrolls by most of a screen at a time until the bottom (or the step limit), then stays there. */
async function scrollToEnd(page: Page, deadline: number): Promise<void> {
  for (let i = 0; i < MAX_SCROLL_STEPS && Date.now() < deadline; i++) {
    const atEnd = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      window.scrollBy(0, Math.max(200, Math.floor(window.innerHeight * 0.8)));
      return window.scrollY + window.innerHeight >= root.scrollHeight - 2;
    });
    // Plain timers, not requestAnimationFrame: a tab in the background gets no frames.
    await new Promise((ok) => setTimeout(ok, SCROLL_STEP_MS));
    if (atEnd) return;
  }
}

/** A few pointer moves across the viewport, as a reader's mouse would cross it. */
async function movePointer(page: Page): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const [x, y] of [
    [0.2, 0.2],
    [0.5, 0.5],
    [0.8, 0.7],
  ] as const) {
    await page.mouse.move(Math.round(width * x), Math.round(height * y), { steps: 4 });
  }
}
