/// <reference types="chrome" />
/**
 * The first-run page in real Chromium: a fresh profile's install opens it once, it says what the
 * mode in force means (Block with nothing listed says nothing is blocked yet, and how to block),
 * it follows a change of mode, and neither a service-worker restart nor a browser restart opens
 * it again. English and Chinese, light and dark, axe-clean. (That a policy setting `mode` keeps
 * it closed is tested on the decision and on the background with a managed policy in
 * tests/unit/first-run.test.ts: an install here cannot be given a policy without /etc files.)
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_REPOSITORY } from '../../src/core/constants.ts';
import { FIRST_RUN_KEY, FIRST_RUN_PAGE } from '../../src/core/first-run/first-run-decision.ts';
import { DIST_CHROME, type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { stopServiceWorker } from './harness/extension.ts';
import { updateSettings } from './harness/settings.ts';
import { launchFirefox } from './harness/firefox.ts';
import { checkBothThemes } from './harness/ui-checks.ts';

const isFirstRun = (p: Page) => p.url().endsWith(`/${FIRST_RUN_PAGE}`);
const firstRunPages = (context: BrowserContext) => context.pages().filter(isFirstRun);

async function firstRunPage(ext: ExtensionBrowser): Promise<Page> {
  await expect.poll(() => firstRunPages(ext.context).length, { timeout: 20_000 }).toBe(1);
  const page = firstRunPages(ext.context)[0]!;
  await page.waitForSelector('[data-mode]');
  return page;
}

describe('first-run page', () => {
  let ext: ExtensionBrowser;
  let profileDir: string;
  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'ajg-first-run-'));
    ext = await launchExtension({ hosts: [], profileDir, keepFirstRun: true });
  });
  afterAll(async () => {
    await ext?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('opens once on install and says plainly that Block mode with nothing chosen blocks nothing', async () => {
    const page = await firstRunPage(ext);
    expect(await page.locator('h1').innerText()).toBe('AI Jurisdiction Guard is installed');
    expect(await page.locator('main').innerText()).toContain('Nothing leaves your browser.');
    expect(await page.locator('[data-mode]').getAttribute('data-mode')).toBe('block-nothing');
    expect(await page.locator('#mode-title').innerText()).toBe('Current mode: Block');
    const mode = await page.locator('[data-mode]').innerText();
    expect(mode).toContain('Nothing is blocked yet');
    expect(mode).toContain('To block a service, open the toolbar icon');
    expect(await page.locator('a[data-link="settings"]').getAttribute('href')).toBe(`chrome-extension://${ext.extensionId}/options.html#mode`);
    expect(await page.locator('a[data-link="lists"]').getAttribute('href')).toBe(`chrome-extension://${ext.extensionId}/options.html#lists`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const stored = await page.evaluate((key) => chrome.storage.local.get(key), FIRST_RUN_KEY);
    expect(stored[FIRST_RUN_KEY]).toMatchObject({ decision: 'open' });
    await checkBothThemes(page, 'first-run-en');
  });

  it('says what Warn and Block with a list mean, as soon as the mode changes', async () => {
    const page = await firstRunPage(ext);
    expect((await updateSettings(ext, { mode: 'warn' })).ok).toBe(true);
    await expect.poll(() => page.locator('[data-mode]').getAttribute('data-mode')).toBe('warn');
    expect(await page.locator('#mode-title').innerText()).toBe('Current mode: Warn');
    expect(await page.locator('[data-mode]').innerText()).toContain('Nothing is blocked. Pages that use a service on your block lists');
    expect((await updateSettings(ext, { mode: 'monitor' })).ok).toBe(true);
    await expect.poll(() => page.locator('[data-mode]').getAttribute('data-mode')).toBe('monitor');
    expect((await updateSettings(ext, { mode: 'block', blockedProviders: ['deepseek'] })).ok).toBe(true);
    await expect.poll(() => page.locator('[data-mode]').getAttribute('data-mode')).toBe('block');
    expect(await page.locator('[data-mode]').innerText()).not.toContain('Nothing is blocked');
    expect(await page.locator('a[data-link="lists"]').count()).toBe(0);
    await checkBothThemes(page, 'first-run-en-blocking');
    expect((await updateSettings(ext, { blockedProviders: [] })).ok).toBe(true);
  });

  it('the settings link opens the options page at the mode', async () => {
    const page = await firstRunPage(ext);
    await page.click('a[data-link="settings"]');
    await page.waitForURL(/options\.html#mode$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mode');
    await page.goBack();
    await page.waitForSelector('[data-mode]');
  });

  it('does not open again when the service worker restarts', async () => {
    await stopServiceWorker(ext);
    // Any message starts a fresh worker, which runs its start-up work (rules, policy read).
    expect((await updateSettings(ext, { mode: 'block' })).ok).toBe(true);
    await new Promise((ok) => setTimeout(ok, 1500)); // a page that should not open: nothing to poll for
    expect(firstRunPages(ext.context)).toHaveLength(1);
  });

  it('does not open again when the browser restarts with the same profile', async () => {
    await ext.close();
    ext = await launchExtension({ hosts: [], profileDir, keepFirstRun: true });
    const probe = await ext.extensionPage();
    // The restarted worker has run its start-up (rules applied again) before we look.
    await expect.poll(() => probe.evaluate(() => chrome.storage.local.get('rules:status').then((r) => (r['rules:status'] as { appliedAt: number } | undefined)?.appliedAt ?? 0)), { timeout: 20_000 }).toBeGreaterThan(0);
    await new Promise((ok) => setTimeout(ok, 1500));
    expect(firstRunPages(ext.context)).toHaveLength(0);
  });
});

describe('first-run page in Chinese', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: [], args: ['--lang=zh-CN'], keepFirstRun: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('speaks Chinese (您), in both themes, axe-clean', async () => {
    const page = await firstRunPage(ext);
    expect(await page.locator('h1').innerText()).toBe('AI 管辖权守卫已安装');
    expect(await page.locator('#mode-title').innerText()).toBe('当前模式：拦截');
    const text = await page.locator('main').innerText();
    expect(text).toContain('目前没有拦截任何内容');
    expect(text).not.toContain('你');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await checkBothThemes(page, 'first-run-zh');
  });
});

describe('first-run page in Firefox', () => {
  it("opens on install: Firefox's rejection of storage.managed without a policy counts as no policy", async () => {
    const ff = await launchFirefox();
    try {
      await expect
        .poll(() => ff.extensionEval<{ decision?: string } | null>(`browser.storage.local.get(${JSON.stringify(FIRST_RUN_KEY)}).then((r) => r[${JSON.stringify(FIRST_RUN_KEY)}] ?? null)`), { timeout: 20_000 })
        .toMatchObject({ decision: 'open' });
      const tabs = await ff.extensionEval<number>(`browser.tabs.query({ url: browser.runtime.getURL(${JSON.stringify(FIRST_RUN_PAGE)}) }).then((t) => t.length)`);
      expect(tabs).toBe(1);
    } finally {
      await ff.close();
    }
  });
});

describe('built manifest', () => {
  it('has homepage_url set to the project repository and ships welcome.html', () => {
    const manifest = JSON.parse(readFileSync(join(DIST_CHROME, 'manifest.json'), 'utf8'));
    expect(manifest.homepage_url).toBe(PROJECT_REPOSITORY);
    expect(readFileSync(join(DIST_CHROME, FIRST_RUN_PAGE), 'utf8')).toContain('<div id="app">');
  });
});
