/**
 * What every extension page must pass as a person meets it: axe-core finds no serious or
 * critical accessibility violation, and the page is captured in both the light and the dark
 * theme (the system setting, emulated) for someone to look at.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './extension.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A/AA rules and best practices). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Extension pages forbid inline scripts by CSP, so the source is evaluated through the DevTools protocol.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
  return (result as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/**
 * Screenshots in the light and the dark theme (artifacts/screenshots/<name>-light.png, -dark.png),
 * checking accessibility in each, since contrast differs; leaves the page in the light theme.
 */
export async function checkBothThemes(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(50);
    await expectAccessible(page);
    await screenshot(page, `${name}-${colorScheme}`);
  }
}

/** The page fits `width` CSS pixels without horizontal scrolling. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
