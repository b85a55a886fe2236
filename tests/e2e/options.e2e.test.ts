/// <reference types="chrome" />
/**
 * The options page as a person meets it, in real Chromium: a menu whose anchors scroll to and
 * focus their section (and a deep link options.html#audit opens there), internal terms kept in
 * the last "Advanced" section, the provider browser's hosts and sources, settings exported and
 * imported as a file (round trip; a bad file refused with its reason and nothing changed; keys
 * the organization locks skipped), and date filters that follow the UI language in Chinese.
 * English and Chinese, light and dark, axe-clean.
 */
import { database } from '../../src/core/database.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_CACHE_KEY } from '../../src/core/constants.ts';
import { SETTINGS_FILE_FORMAT } from '../../src/core/settings-transfer/settings-file.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { ARTIFACTS_DIR, openOptions, screenshot } from './harness/extension.ts';
import { getSettings, updateSettings } from './harness/settings.ts';
import { checkBothThemes } from './harness/ui-checks.ts';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const topOf = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);

async function openAt(ext: ExtensionBrowser, hash = ''): Promise<Page> {
  const page = await ext.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html${hash}`);
  await page.waitForSelector('#mode');
  return page;
}

/** Imports `text` as a file through the page's file field; returns the result element. */
async function importText(page: Page, text: string, name = 'settings.json') {
  await page.locator('#settings-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const result = page.locator('[data-import]');
  await result.waitFor();
  return result;
}

describe('options page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: [] });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('opens a deep link at its section, focused, and the menu stays in view', async () => {
    const page = await openAt(ext, '#audit');
    await expect.poll(() => focusedId(page)).toBe('audit');
    expect(Math.abs(await topOf(page, '#audit'))).toBeLessThan(80);
    expect(await page.locator('.toc a[aria-current="location"]').innerText()).toBe('Audit log');
    await page.close();
  });

  it('menu links scroll to and focus each section, even the one already in the address', async () => {
    const page = await openAt(ext);
    const links = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#mode', '#lists', '#audit', '#policy', '#database', '#export', '#backup', '#advanced']);
    for (const href of links) {
      const id = href!.slice(1);
      await page.click(`.toc a[href="${href}"]`);
      await expect.poll(() => focusedId(page)).toBe(id);
      expect(page.url().endsWith(href!)).toBe(true);
      // In view (the last sections may not reach the top of the window: the page ends first).
      const top = await topOf(page, `#${id}`);
      expect(top).toBeGreaterThanOrEqual(-2);
      expect(top).toBeLessThan(800);
      // The menu is still on screen wherever the page is scrolled.
      expect(await topOf(page, '.toc')).toBeGreaterThanOrEqual(0);
      expect(await page.locator('.toc').isVisible()).toBe(true);
    }
    await page.locator('#lists').evaluate((el) => (el as HTMLElement).blur());
    await page.click('.toc a[href="#advanced"]');
    await expect.poll(() => focusedId(page)).toBe('advanced');
    await page.close();
  });

  it('a narrow window has the menu along the top, and still no horizontal scrolling', async () => {
    const page = await openAt(ext);
    await page.setViewportSize({ width: 600, height: 800 });
    await page.click('.toc a[href="#database"]');
    await expect.poll(() => focusedId(page)).toBe('database');
    const toc = await page.locator('.toc').boundingBox();
    expect(toc!.y).toBeLessThanOrEqual(1);
    expect(toc!.width).toBeGreaterThan(500);
    // The section lands below the menu, not under it.
    expect(await topOf(page, '#database')).toBeGreaterThanOrEqual(toc!.height - 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(page, 'options-narrow');
    await page.close();
  });

  it('keeps rule counts, the database fingerprint and CSV formula escaping in the last section, Advanced', async () => {
    const page = await openAt(ext);
    await page.waitForSelector('#advanced [data-rules]');
    const sections = await page.locator('main > section').evaluateAll((els) => els.map((el) => el.id));
    expect(sections.at(-1)).toBe('advanced');
    const advanced = await page.locator('#advanced').innerText();
    expect(advanced).toMatch(/browser rules? in force \(\d+ with patterns\)/);
    expect(advanced).toContain('fingerprint');
    expect(advanced).toContain('formula');
    const outside = await page.evaluate(() => [...document.querySelectorAll('main > *:not(#advanced)')].map((el) => (el as HTMLElement).innerText).join('\n'));
    expect(outside).not.toMatch(/in force|with patterns|fingerprint|formula/i);
    await page.close();
  });

  it("provider browser: each provider's hosts with their role and the sources of its facts", async () => {
    const page = await openAt(ext, '#database');
    await page.click('#db-providers > summary');
    await page.fill('#db-provider-filter', 'chat.deepseek.com'); // a host finds its provider
    await expect.poll(() => page.locator('[data-db-provider]').count()).toBe(1);
    const facts = page.locator('[data-db-provider-facts="deepseek"] details');
    await facts.locator('summary').click();
    expect(await facts.locator('summary').innerText()).toMatch(/^Hosts \(\d+\) and sources$/);
    const host = facts.locator('[data-host="chat.deepseek.com"]');
    expect(await host.getAttribute('data-role')).toBe('chat');
    expect(await host.innerText()).toMatch(/chat\.deepseek\.com\s+chat\s+Source · reviewed \d{4}-\d{2}-\d{2}/);
    expect(await host.locator('a').getAttribute('href')).toMatch(/^https:\/\//);
    for (const fact of ['operator', 'data', 'trains']) {
      const row = facts.locator(`[data-fact="${fact}"]`);
      expect(await row.innerText(), fact).toMatch(/Source · reviewed \d{4}-\d{2}-\d{2}/);
      expect(await row.locator('a').getAttribute('href'), fact).toMatch(/^https:\/\//);
    }
    expect(await facts.locator('[data-fact="operator"]').innerText()).toContain('Hangzhou DeepSeek');
    expect(await facts.locator('[data-fact="trains"] dd').innerText()).toMatch(/^(Yes, unless you opt out|No) /);
    await facts.screenshot({ path: join(ARTIFACTS_DIR, 'screenshots/options-provider-facts.png') });
    // A fact a product states for itself shows under that product, with its source.
    await page.fill('#db-provider-filter', 'openai');
    const openai = page.locator('[data-db-provider-facts="openai"] details');
    await openai.locator('summary').click();
    expect(await openai.locator(':scope > dl [data-fact="trains"] dd').innerText()).toBe('Differs by product: see below');
    const chatgpt = openai.locator('[data-db-product="openai-chatgpt"] [data-fact="trains"]');
    expect(await chatgpt.innerText()).toMatch(/(Yes, unless you opt out|No) Source · reviewed \d{4}-\d{2}-\d{2}/);
    await openai.screenshot({ path: join(ARTIFACTS_DIR, 'screenshots/options-provider-facts-openai.png') });
    await page.close();
  });

  it('exports the user settings as a file and imports them back', async () => {
    expect((await updateSettings(ext, { mode: 'warn', blockedProviders: ['deepseek'], blockedSites: ['news.example.com'], auditRetentionDays: 90 })).ok).toBe(true);
    const before = (await getSettings(ext)).user;
    const page = await openAt(ext, '#backup');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#settings-export')]);
    expect(download.suggestedFilename()).toMatch(/^ai-guard-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    await download.saveAs(join(ARTIFACTS_DIR, 'exports', download.suggestedFilename()));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: SETTINGS_FILE_FORMAT, version: 1, settings: before });
    // Change everything, then bring the file back.
    expect((await updateSettings(ext, { mode: 'monitor', blockedProviders: [], blockedSites: [], auditRetentionDays: 7 })).ok).toBe(true);
    const result = await importText(page, text);
    expect(await result.getAttribute('data-import')).toBe('imported');
    expect(await result.innerText()).toContain('Settings imported from the file: 4.');
    await expect.poll(async () => (await getSettings(ext)).user).toEqual(before);
    await expect.poll(() => page.locator('input[name="mode"][value="warn"]').isChecked()).toBe(true);
    await page.close();
  });

  it('refuses a bad file with the reason and changes nothing', async () => {
    const page = await openAt(ext, '#backup');
    const before = (await getSettings(ext)).user;
    const cases: Array<[string, RegExp]> = [
      ['{ mode: block', /This file is not JSON \(.+\)\.\s+Nothing was changed\./],
      [JSON.stringify({ mode: 'block' }), /not a settings file of this extension\.\s+Nothing was changed\./],
      [JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 9, settings: {} }), /has version 9/],
      [' '.repeat(9_000_000), /too large to be a settings file\.\s+Nothing was changed\./],
      [JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 1, settings: { mode: 'block', blockedCountries: ['CN', 'Mars'] } }), /Some settings in this file are not valid:[^]+"Mars"[^]+Nothing was changed\.$/],
    ];
    for (const [text, reason] of cases) {
      const result = await importText(page, text);
      await expect.poll(() => result.getAttribute('data-import')).toBe('refused');
      await expect.poll(() => result.innerText()).toMatch(reason);
      expect((await getSettings(ext)).user).toEqual(before);
    }
    // Each problem is named, and the valid key of the refused file was not applied either.
    expect(await page.locator('#import-problems [data-problem-key="blockedCountries[1]"]').innerText()).toContain('"Mars"');
    expect((await getSettings(ext)).settings.mode).toBe(before.mode);
    await checkBothThemes(page, 'options-import-refused');
    await page.close();
  });

  it('never overwrites a key the organization locks: it is skipped and said so', async () => {
    // The organization's policy as the extension caches it (storage.managed stays empty here:
    // no /etc policy file); the background applies the cache until its next policy read.
    const probe = await ext.extensionPage();
    await probe.evaluate(
      ([key, raw]) => chrome.storage.local.set({ [key as string]: { raw, readAt: Date.now() } }),
      [POLICY_CACHE_KEY, { mode: 'block', lockedSettings: ['mode', 'blockedCountries'] }] as const,
    );
    await expect.poll(async () => (await getSettings(ext)).settings.locked).toEqual(['mode', 'blockedCountries']);
    const before = await getSettings(ext);
    const page = await openAt(ext, '#backup');
    const file = { format: SETTINGS_FILE_FORMAT, version: 1, settings: { mode: 'monitor', blockedCountries: ['RU'], allowedSites: ['intranet.example.com'] } };
    const result = await importText(page, JSON.stringify(file));
    expect(await result.getAttribute('data-import')).toBe('imported');
    expect(await result.getAttribute('data-import-skipped')).toBeNull();
    expect(await result.locator('[data-import-skipped]').getAttribute('data-import-skipped')).toBe('mode,blockedCountries');
    expect(await result.innerText()).toContain('Settings imported from the file: 1.');
    expect(await result.innerText()).toContain('Skipped, because your organization sets them: Mode, Blocked countries.');
    const after = await getSettings(ext);
    expect(after.user.mode).toBe(before.user.mode);
    expect(after.user.blockedCountries).toEqual(before.user.blockedCountries);
    expect(after.user.allowedSites).toEqual(['intranet.example.com']);
    expect(after.settings.mode).toBe('block');
    await screenshot(page, 'options-import-locked');
    await probe.evaluate((key) => chrome.storage.local.remove(key), POLICY_CACHE_KEY);
    await page.close();
  });

  it('English dates use the browser date field; the page in both themes is axe-clean', async () => {
    const page = await openAt(ext);
    await page.waitForSelector('#audit-from');
    expect(await page.locator('#audit-from').getAttribute('type')).toBe('date');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await checkBothThemes(page, 'options-en');
    await page.close();
  });
});

describe('options page in Chinese', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: [], args: ['--lang=zh-CN'] });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('date filters take the day year first, not mm/dd/yyyy, and filter by it', async () => {
    const page = await openOptions(ext);
    await page.waitForSelector('#audit-from');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // This Chromium's own locale stays en-US: its date field would show mm/dd/yyyy.
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const from = page.locator('#audit-from');
    expect(await from.getAttribute('type')).toBe('text');
    expect(await from.getAttribute('placeholder')).toBe('年-月-日');
    expect(await page.locator('#audit-to').getAttribute('placeholder')).toBe('年-月-日');
    await page.locator('.audit-filters').screenshot({ path: join(ARTIFACTS_DIR, 'screenshots/options-zh-date-filters.png') });
    await from.fill('05/03/2026');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#audit-from-hint').innerText()).toBe('日期，年份在前：2026-03-05。');
    // A day after today hides every entry, a day long past shows them again: the filter works.
    await from.fill('2999年1月1日');
    expect(await from.getAttribute('aria-invalid')).toBe('false');
    await from.fill('2020/1/1');
    expect(await from.getAttribute('aria-invalid')).toBe('false');
    await page.click('.filter-reset button');
    await expect.poll(() => from.inputValue()).toBe('');
    await page.close();
  });

  it("lists the database's laws in Chinese: official Chinese names, Chinese names with the original beside them, Chinese gists", async () => {
    const page = await openOptions(ext);
    await page.waitForSelector('#db-laws');
    await page.locator('#db-laws > summary').click();
    const nil = page.locator('[data-db-law="cn-national-intelligence-law"]');
    expect(await nil.locator('.law-head strong').innerText()).toBe('中华人民共和国国家情报法');
    expect(await nil.locator('.articles li').first().innerText()).toMatch(/^第七条：任何组织和公民都应当依法支持、协助和配合国家情报工作/);
    const gdpr = page.locator('[data-db-law="eu-gdpr"]');
    expect(await gdpr.locator('.law-head strong').innerText()).toBe(database.law('eu-gdpr')!.names!.zh_CN!);
    expect(await gdpr.locator('p.sub').first().innerText()).toBe(database.law('eu-gdpr')!.name);
    expect(await gdpr.locator('.articles li').first().innerText()).toMatch(/^第\d+条：\p{Script=Han}/u);
    // The filter finds a law by its Chinese words too.
    await page.locator('#db-law-filter').fill('通用数据保护条例');
    await expect.poll(() => page.locator('[data-db-law="cn-national-intelligence-law"]').count()).toBe(0);
    expect(await page.locator('[data-db-law="eu-gdpr"]').count()).toBe(1);
    await page.close();
  });

  it('sections, backup and advanced speak Chinese with 您; both themes axe-clean', async () => {
    const page = await openOptions(ext);
    await page.waitForSelector('#backup');
    expect(await page.locator('.toc').innerText()).toContain('备份与恢复');
    expect(await page.locator('#advanced-title').innerText()).toBe('高级：供技术支持使用');
    for (const id of ['#backup', '#advanced']) expect(await page.locator(id).innerText()).not.toContain('你');
    await checkBothThemes(page, 'options-zh');
    await page.close();
  });
});
