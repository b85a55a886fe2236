/// <reference types="chrome" />
/**
 * The block page in real Chromium: what was blocked, why (provider, country, law with articles
 * and a link to its source), by whom, in both themes and accessible; and "Allow once for this
 * site", which only the block page can ask for (not a content script) and which lets the
 * navigation and the host's requests through for the rest of the session.
 * The organization's case (not offered) is a unit test of allowOnceRefusal: a managed policy
 * cannot be installed here without touching other browsers on the machine.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALLOW_ONCE_RULE_IDS } from '../../src/core/constants.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { updateSettings } from './harness/settings.ts';
import { checkBothThemes, expectAccessible } from './harness/ui-checks.ts';
import { screenshot } from './harness/extension.ts';
import { bannerText } from './harness/warning-banner.ts';

const HOSTS = ['app.example.com', 'chat.deepseek.com', 'api.deepseek.com'];

async function sessionRules(ext: ExtensionBrowser): Promise<chrome.declarativeNetRequest.Rule[]> {
  return (await ext.extensionPage()).evaluate(() => chrome.declarativeNetRequest.getSessionRules());
}

/** Runs `expression` in the extension's content-script (isolated) world of `page`. */
async function inContentScript(ext: ExtensionBrowser, page: Page, expression: string): Promise<unknown> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'AI Jurisdiction Guard');
  if (!isolated) throw new Error(`no content script world among ${contexts.map((c) => c.name).join(', ')}`);
  const { result } = (await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true })) as { result: { value: unknown } };
  await cdp.detach();
  return result.value;
}

describe('block page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'api.deepseek.com');
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    expect(await updateSettings(ext, { mode: 'block', blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const probe = await ext.extensionPage();
    await probe.evaluate(async () => {
      const ids = (await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.id);
      await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: ids });
    });
  });

  /** The block page opened at its own address (as after a redirect), for messages from it. */
  async function blockedPageWithoutNavigation(): Promise<Page> {
    const page = await ext.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/blocked.html#https://chat.deepseek.com/`);
    return page;
  }

  async function blockedPage(url = 'https://chat.deepseek.com/?q=hello'): Promise<Page> {
    const page = await ext.newPage();
    await page.goto(url).catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    await expect.poll(() => page.locator('h1').innerText()).toBe('DeepSeek is blocked');
    return page;
  }

  it('says what was blocked, why, under which law, and by whom, in both themes', async () => {
    const page = await blockedPage();
    const card = page.getByRole('region', { name: 'What was blocked and why' });
    const text = await card.innerText();
    expect(text).toContain('DeepSeek Chat');
    expect(text).toMatch(/Run by\s+Hangzhou DeepSeek/);
    expect(text).toContain('China');
    expect(text).toContain('You block DeepSeek.');
    expect(text).toContain('National Intelligence Law (2017) · Art. 7, Art. 14');
    expect(text).toContain('Blocked by you.');
    const law = card.getByRole('link', { name: 'National Intelligence Law (2017)' });
    expect(await law.getAttribute('href')).toBe('https://www.chinalawtranslate.com/en/national-intelligence-law-of-the-p-r-c-2017/');
    expect(await page.locator('.url').innerText()).toContain('https://chat.deepseek.com/?q=hello');
    expect(await page.title()).toBe('Blocked: AI Jurisdiction Guard');
    await expect.poll(() => page.getByRole('button', { name: 'Allow once for this site' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Go back' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('A site allowed once stays allowed until you close the browser.');
    await checkBothThemes(page, 'blocked');
    await page.setViewportSize({ width: 420, height: 800 });
    await checkBothThemes(page, 'blocked-narrow');
  });

  it('in a tab with no page before it, offers to close the tab instead of going back', async () => {
    const opened = ext.context.waitForEvent('page');
    await (await ext.extensionPage()).evaluate(() => chrome.tabs.create({ url: 'https://chat.deepseek.com/' }));
    const page = await opened;
    await page.waitForURL(/blocked\.html/);
    const close = page.getByRole('button', { name: 'Close this tab' });
    await expect.poll(() => close.count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Go back' }).count()).toBe(0);
    const closed = page.waitForEvent('close');
    await close.click();
    await closed;
  });

  it('a content script cannot ask to allow once; the block page can, and the site then loads', async () => {
    // The content script world of an ordinary page sends what the block page would.
    const app = await ext.newPage();
    await app.goto('https://app.example.com/outbound.html');
    const refused = await inContentScript(ext, app, `chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' })`);
    expect(refused).toMatchObject({ ok: false, error: 'unknown content message type "ui-to-bg/allow-once"' });
    expect(await sessionRules(ext)).toEqual([]);

    const page = await blockedPage();
    expect(ext.server.requestsTo('chat.deepseek.com')).toEqual([]);
    await page.getByRole('button', { name: 'Allow once for this site' }).click();
    await page.waitForURL('https://chat.deepseek.com/?q=hello');
    expect(ext.server.requestsTo('chat.deepseek.com').map((r) => r.path)).toContain('/?q=hello');
    const rules = await sessionRules(ext);
    expect(rules.map((r) => r.condition.requestDomains)).toEqual([['chat.deepseek.com'], ['chat.deepseek.com']]);
    for (const rule of rules) expect(rule.id).toBeGreaterThanOrEqual(ALLOW_ONCE_RULE_IDS.first);
    // Sub-requests to that host go through, from its own pages and from others.
    const fetchFrom = (p: Page, url: string) => p.evaluate((u) => fetch(u, { mode: 'no-cors' }).then((r) => `ok ${r.status}`, (e) => `failed ${e}`), url);
    expect(await fetchFrom(page, '/widget.html')).toBe('ok 200');
    // From another site: an opaque (no-cors) answer, but an answer.
    expect(await fetchFrom(app, 'https://chat.deepseek.com/widget.html')).toBe('ok 0');
    // DeepSeek's other hosts (its developer API, another product) stay blocked: only the site was allowed.
    expect(await fetchFrom(page, 'https://api.deepseek.com/chat/completions')).toMatch(/^failed/);
    // A new navigation to the site goes through for the rest of the session.
    const again = await ext.newPage();
    await again.goto('https://chat.deepseek.com/');
    expect(again.url()).toBe('https://chat.deepseek.com/');
    // Allowing again (from a block page still open) replaces the site's rules instead of adding more.
    const stale = await blockedPageWithoutNavigation();
    expect(await stale.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' }))).toEqual({ ok: true });
    expect((await sessionRules(ext)).length).toBe(2);
  });

  it('is not offered for a page nobody blocks any more, and the background refuses it then', async () => {
    const page = await blockedPage();
    await expectAccessible(page);
    await updateSettings(ext, { blockedProviders: [] });
    const result = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' }));
    expect(result).toEqual({ ok: false, error: 'no decision blocks this host' });
    // The popup and options pages are extension pages too, but only the block page may ask.
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const fromProbe = await (await ext.extensionPage()).evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' }));
    expect(fromProbe).toEqual({ ok: false, error: 'only the block page may allow once' });
    expect(await sessionRules(ext)).toEqual([]);
  });
});

describe('block page and in-page warning in Chinese (--lang=zh-CN)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS, args: ['--lang=zh-CN'] });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('words the block page in the browser language, facts from the database as they are', async () => {
    await updateSettings(ext, { mode: 'block', blockedProviders: ['deepseek'] });
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    await expect.poll(() => page.locator('h1').innerText()).toBe('DeepSeek 已被拦截');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const text = await page.locator('main').innerText();
    expect(text).toContain('由您拦截。');
    expect(text).toContain('National Intelligence Law (2017)');
    expect(text).toContain('本次允许此网站');
    await checkBothThemes(page, 'blocked-zh-CN');
  });

  it('words the in-page warning in the browser language', async () => {
    await updateSettings(ext, { mode: 'warn', blockedProviders: [] });
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/');
    const cdp = await ext.context.newCDPSession(page);
    await expect.poll(() => bannerText(cdp)).toBe('DeepSeek（中国）：根据《National Intelligence Law》（Art. 7, Art. 14），国家可以要求该公司交出您输入的内容。');
    await screenshot(page, 'warning-banner-zh-CN');
  });
});
