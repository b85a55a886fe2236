/// <reference types="chrome" />
/**
 * The foundation's one real path, in real Chromium with the built extension: a page on a known AI
 * host → content script → typed message → background → storage.session → toolbar badge and popup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database as bundled } from '../../src/core/database.ts';
import { databaseStats } from '../../src/core/database/database-stats.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, openPopup, openToolbarPopup, screenshot, stopServiceWorker, tabIdOf, tabState, toolbarBadge } from './harness/extension.ts';

const HOSTS = ['chat.deepseek.com', 'news.example.com', 'chat.mistral.ai'];

describe('thin path: AI site → badge and popup', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
  });
  afterAll(async () => {
    await ext?.close();
  });

  /** Visits `url` in a fresh tab and waits until the extension has recorded that page. */
  async function visit(url: string) {
    const page = await ext.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.url, { timeout: 10_000 }).toBe(url);
    return { page, tabId };
  }

  it('marks a DeepSeek page HIGH on the toolbar and names DeepSeek and China in the popup', async () => {
    const { tabId } = await visit('https://chat.deepseek.com/');
    // The page really came from the fixture server, through the host mapping.
    expect(ext.server.requestsTo('chat.deepseek.com').map((r) => `${r.scheme} ${r.path}`)).toContain('https /');

    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    const badge = await toolbarBadge(ext, tabId);
    expect(badge.title).toBe('AI Jurisdiction Guard: High risk. AI on this page: DeepSeek (China).');
    expect(badge.color).toEqual([197, 34, 31, 255]);

    const popup = await openPopup(ext, tabId);
    const verdict = popup.locator('.verdict');
    await expect.poll(() => verdict.innerText()).toContain('This page is DeepSeek Chat, run by DeepSeek (China).');
    expect(await verdict.innerText()).toContain('High risk');
    expect(await verdict.innerText()).toContain(bundled.jurisdiction('CN')!.reason);
    const card = popup.locator('article.card[data-provider="deepseek"]');
    expect(await card.locator('h2').innerText()).toBe('DeepSeek');
    expect(await card.locator('[data-fact="operator"] .country').innerText()).toContain('China');
    // The evidence is folded away until asked for.
    await card.locator('.evidence-box summary').click();
    expect(await card.locator('.evidence').innerText()).toContain('This page is served from chat.deepseek.com');
    // Fits the 400 px popup without horizontal scrolling.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await screenshot(popup, 'popup-deepseek-light');
  });

  it('clears the badge when the tab moves on to a page without AI, and the popup says so', async () => {
    const { page, tabId } = await visit('https://chat.deepseek.com/');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    await page.goto('https://news.example.com/');
    await expect.poll(async () => (await tabState(ext, tabId))?.url).toBe('https://news.example.com/');
    // Chrome itself clears badge text on navigation; the tooltip is what the extension sets.
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).title).toBe('AI Jurisdiction Guard: no AI service seen on this page.');
    expect((await toolbarBadge(ext, tabId)).text).toBe('');
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('[data-state]').getAttribute('data-state')).toBe('no-ai');
    expect(await popup.locator('h1').innerText()).toBe('No AI seen on this page');
    expect(await popup.locator('.site').innerText()).toBe('news.example.com');
    await screenshot(popup, 'popup-no-ai-light');
  });

  it('finds an AI chat embedded in a frame of another site', async () => {
    const { tabId } = await visit('https://news.example.com/embed.html');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.verdict h1').innerText()).toBe('This page uses AI from DeepSeek (China).');
    await popup.locator('.evidence-box summary').click();
    expect(await popup.locator('.evidence').innerText()).toContain('This page embeds chat.deepseek.com');
  });

  it('rates a French provider LOW', async () => {
    const { tabId } = await visit('https://chat.mistral.ai/');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('LOW');
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.verdict h1').innerText()).toBe('This page is Le Chat, run by Mistral AI (France).');
  });

  it('keeps what it saw when the service worker is stopped mid-visit', async () => {
    const { tabId } = await visit('https://chat.deepseek.com/');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    await stopServiceWorker(ext);
    // Opening the popup wakes a new worker, which answers from storage.session.
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.verdict h1').innerText()).toBe('This page is DeepSeek Chat, run by DeepSeek (China).');
  });

  it('says so when the extension cannot run on the page', async () => {
    const page = await ext.newPage();
    await page.goto('chrome://version/');
    const tabId = await tabIdOf(ext, page);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('[data-state]').getAttribute('data-state')).toBe('unavailable');
    expect(await popup.locator('[data-state] h1').innerText()).toBe('This page is not checked');
    expect(await popup.locator('[data-state]').innerText()).toContain('Browsers do not let extensions run on their own pages');
    await screenshot(popup, 'popup-unavailable-light');
  });

  it('forgets an AI page when the tab moves on to a page the extension cannot run on', async () => {
    const { page, tabId } = await visit('https://chat.deepseek.com/');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    await page.goto('chrome://version/');
    await expect.poll(() => tabState(ext, tabId)).toBeUndefined();
    expect((await toolbarBadge(ext, tabId)).text).toBe('');
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('[data-state]').getAttribute('data-state')).toBe('unavailable');
    expect(await popup.locator('body').innerText()).not.toContain('DeepSeek');
  });

  it('shows the AI page again when it comes back from the back/forward cache', async () => {
    const { page, tabId } = await visit('https://chat.deepseek.com/');
    await page.goto('https://news.example.com/');
    await expect.poll(async () => (await tabState(ext, tabId))?.url).toBe('https://news.example.com/');
    const requestsBefore = ext.server.requestsTo('chat.deepseek.com').length;
    // A page restored from the cache fires no load event: wait for the commit only.
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(async () => (await tabState(ext, tabId))?.url).toBe('https://chat.deepseek.com/');
    // Restored from the cache: the page was not fetched again and no content script started;
    // only the pageshow report can have brought the state back.
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe('navigate');
    expect(ext.server.requestsTo('chat.deepseek.com').length).toBe(requestsBefore);
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.verdict h1').innerText()).toBe('This page is DeepSeek Chat, run by DeepSeek (China).');
  });

  it('forgets an AI frame in a page the extension cannot run on once that page is left', async () => {
    const page = await ext.newPage();
    // The top document is about:blank (no content script); only the AI frame reports.
    await page.setContent('<iframe src="https://chat.deepseek.com/widget.html"></iframe>');
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.map((f) => `${f.kind} ${f.host}`)).toEqual(['embed chat.deepseek.com']);
    await page.goto('chrome://version/');
    await expect.poll(() => tabState(ext, tabId)).toBeUndefined();
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('[data-state]').getAttribute('data-state')).toBe('unavailable');
  });

  it('shows the active tab when opened from the toolbar', async () => {
    const { page } = await visit('https://chat.mistral.ai/');
    const popup = await openToolbarPopup(ext, page);
    await expect.poll(() => popup.text('.verdict h1')).toBe('This page is Le Chat, run by Mistral AI (France).');
    expect(await popup.evaluate<string>('location.search')).toBe('');
  });

  it('shows the bundled database on the options page', async () => {
    const options = await openOptions(ext);
    const stats = databaseStats(bundled);
    await expect.poll(() => options.locator('[data-stat="providers"]').innerText()).toBe(String(stats.providers));
    expect(await options.locator('[data-stat="products"]').innerText()).toBe(String(stats.products));
    expect(await options.locator('[data-stat="hosts"]').innerText()).toBe(String(stats.hosts));
    expect(await options.locator('[data-stat="countries"]').innerText()).toBe(String(stats.countries));
    await screenshot(options, 'options-light');
  });
});
