/// <reference types="chrome" />
/**
 * The popup's actions as a person uses them, in real Chromium with the built extension: on an AI
 * product's own site the first action is about the product and the site block says what it does;
 * a country block asks first and names how many services it covers; a block can be undone from
 * the popup; after a block the badge and the popup show the blocked state at once, with the count
 * of blocked requests; the block page's tab has a badge; "Pause on this site for 1 hour" lets the
 * site's requests through until it is resumed or ends, also when the worker slept meanwhile.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countryReach } from '../../src/core/block-actions/country-reach.ts';
import { MODEL_BLOCK_RULE_ID, PAUSES_KEY, PAUSE_RULE_IDS } from '../../src/core/constants.ts';
import { database } from '../../src/core/database.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openPopup, openToolbarPopup, stopServiceWorker, tabIdOf, tabState, toolbarBadge } from './harness/extension.ts';
import { dynamicRules, getSettings, updateSettings } from './harness/settings.ts';
import { checkBothThemes } from './harness/ui-checks.ts';
import { inContentScript } from './harness/warning-banner.ts';

const HOSTS = ['chat.deepseek.com', 'app.example.com', 'openrouter.ai', 'api.deepseek.com'];
const NOTHING_BLOCKED = { blockedProviders: [], blockedCountries: [], blockedSites: [], allowedProviders: [], allowedCountries: [], allowedSites: [], blockLevel: 'off', mode: 'block' };
const DEEPSEEK_API = 'https://api.deepseek.com/chat/completions';

async function sessionRules(ext: ExtensionBrowser): Promise<chrome.declarativeNetRequest.Rule[]> {
  // The pause and allow-once rules: the standing session rules (model block, reporting headers) have the IDs from MODEL_BLOCK_RULE_ID up.
  return (await (await ext.extensionPage()).evaluate(() => chrome.declarativeNetRequest.getSessionRules())).filter((r) => r.id < MODEL_BLOCK_RULE_ID);
}

describe('popup actions', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'openrouter.ai', 'api.deepseek.com');
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    expect(await updateSettings(ext, NOTHING_BLOCKED)).toMatchObject({ ok: true });
    // No pause left over from a test before.
    const probe = await ext.extensionPage();
    for (const site of Object.keys(await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/get-pauses' })))) {
      await probe.evaluate((s) => chrome.runtime.sendMessage({ type: 'ui-to-bg/resume-site', site: s }), site);
    }
  });

  async function visit(url: string, ready: (findings: number) => boolean): Promise<{ page: Page; tabId: number }> {
    const page = await ext.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => ready((await tabState(ext, tabId))?.findings.length ?? -1), { timeout: 15_000 }).toBe(true);
    return { page, tabId };
  }

  /** The outbound fixture page after it sent DeepSeek one request, so the tab has a DeepSeek finding. */
  async function outboundWithDeepSeek() {
    const visited = await visit('https://app.example.com/outbound.html', (n) => n >= 0);
    expect(await visited.page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toBe('ok 200');
    await expect.poll(async () => (await tabState(ext, visited.tabId))?.findings.some((f) => f.providerId === 'deepseek'), { timeout: 15_000 }).toBe(true);
    return visited;
  }

  it("on an AI product's own site the first action blocks the product; the site block comes second and says what it does", async () => {
    const { tabId } = await visit('https://chat.deepseek.com/', (n) => n >= 1);
    const popup = await openPopup(ext, tabId);
    const actions = popup.locator('.verdict .site-actions');
    await expect.poll(() => actions.locator('button').first().innerText()).toBe('Block DeepSeek');
    expect(await actions.locator('button').nth(1).innerText()).toBe('Block AI on chat.deepseek.com');
    expect(await actions.locator('[data-explains="blockedSites"]').innerText()).toBe('Keeps this page open but stops the AI requests it makes, so its AI features will not work.');
    // One "Block DeepSeek" on the page: the card does not repeat it.
    expect(await popup.getByRole('button', { name: 'Block DeepSeek' }).count()).toBe(1);
    // The advice line, while nothing is blocked.
    expect(await popup.locator('.verdict .advice').innerText()).toBe('What you can do: use a service rated Low, or block this one.');
    await checkBothThemes(popup, 'popup-actions-product-site');
    // Once the product is blocked, blocking AI on its site would add nothing: only Unblock is left.
    await actions.getByRole('button', { name: 'Block DeepSeek' }).click();
    await expect.poll(() => popup.locator('.verdict').getAttribute('data-blocked')).toBe('all');
    expect(await actions.locator('button').allInnerTexts()).toEqual(expect.arrayContaining(['Unblock DeepSeek']));
    expect(await actions.locator('[data-toggle^="blockedSites:"]').count()).toBe(0);
  });

  it('a country block asks first, naming how many services it covers; cancelling changes nothing, confirming blocks', async () => {
    const { tabId } = await visit('https://app.example.com/aggregator.html', (n) => n >= 2);
    const popup = await openPopup(ext, tabId);
    const toggle = popup.locator('[data-toggle="blockedCountries:US"]');
    await toggle.getByRole('button', { name: 'Block United States' }).click();
    const reach = countryReach(database, 'US', ['openrouter']);
    expect(reach.count).toBeGreaterThan(3);
    const text = await toggle.locator('.confirm-text').innerText();
    expect(text).toBe(`Block United States: ${reach.count} AI services, including OpenRouter, ${reach.examples[1]} and ${reach.examples[2]}.`);
    // The confirmation has focus, so Enter or Escape answers it from the keyboard.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe(`Block all ${reach.count}`);
    await checkBothThemes(popup, 'popup-actions-country-confirm');
    await toggle.getByRole('button', { name: 'Cancel' }).click();
    expect(await toggle.locator('.confirm').count()).toBe(0);
    expect((await getSettings(ext)).user.blockedCountries).toEqual([]);
    expect(await dynamicRules(ext)).toEqual([]);
    // Escape cancels too, and gives focus back to the button.
    await toggle.getByRole('button', { name: 'Block United States' }).click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe(`Block all ${reach.count}`);
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Block United States');
    expect(await dynamicRules(ext)).toEqual([]);

    await toggle.getByRole('button', { name: 'Block United States' }).click();
    await toggle.getByRole('button', { name: `Block all ${reach.count}` }).click();
    await expect.poll(() => toggle.getAttribute('data-state')).toBe('user');
    expect((await getSettings(ext)).user.blockedCountries).toEqual(['US']);
    expect((await dynamicRules(ext)).length).toBeGreaterThan(0);
  });

  it('Undo, offered after a block and reachable from the keyboard, restores the previous settings and rules', async () => {
    const { tabId } = await visit('https://chat.deepseek.com/', (n) => n >= 1);
    const popup = await openPopup(ext, tabId);
    const before = await dynamicRules(ext);
    expect(before).toEqual([]);
    await popup.locator('.verdict .site-actions').getByRole('button', { name: 'Block DeepSeek' }).click();
    const bar = popup.locator('.undo-bar');
    await expect.poll(() => bar.getAttribute('data-undo')).toBe('offered');
    // A live region that was in the page before, so screen readers read the change.
    expect(await bar.getAttribute('role')).toBe('status');
    expect(await bar.locator('.undo-text').innerText()).toBe('Blocked: DeepSeek.');
    expect((await dynamicRules(ext)).length).toBeGreaterThan(0);
    // Tab reaches it: focus is on the button just used; the Undo is among the next stops.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(() => document.activeElement?.classList.contains('undo-button') ?? false);
    }
    expect(reached).toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(() => bar.innerText()).toBe('Unblocked: DeepSeek.');
    expect(await bar.getAttribute('data-undo')).toBe('done');
    await expect.poll(async () => (await getSettings(ext)).user.blockedProviders).toEqual([]);
    expect(await dynamicRules(ext)).toEqual(before);
    expect(await popup.locator('[data-toggle="blockedProviders:deepseek"]').getAttribute('data-state')).toBe('off');
  });

  it('the Undo goes by itself after a few seconds, and stays while the pointer is on it', async () => {
    const { tabId } = await visit('https://chat.deepseek.com/', (n) => n >= 1);
    const popup = await openPopup(ext, tabId);
    await popup.locator('.verdict .site-actions').getByRole('button', { name: 'Block DeepSeek' }).click();
    const bar = popup.locator('.undo-bar');
    await expect.poll(() => bar.getAttribute('data-undo')).toBe('offered');
    await bar.hover();
    await popup.waitForTimeout(9_000);
    expect(await bar.getAttribute('data-undo')).toBe('offered');
    await popup.mouse.move(0, 0);
    await expect.poll(() => bar.getAttribute('data-undo'), { timeout: 12_000 }).toBe('none');
    // The block itself stays.
    expect((await getSettings(ext)).user.blockedProviders).toEqual(['deepseek']);
  });

  it('after a block the badge and the popup show the blocked state at once, and count the blocked requests', async () => {
    const { page, tabId } = await outboundWithDeepSeek();
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    const popup = await openPopup(ext, tabId);
    const verdict = popup.locator('.verdict');
    await expect.poll(() => verdict.getAttribute('data-blocked')).toBe('none');
    await popup.locator('article.card[data-provider="deepseek"]').getByRole('button', { name: 'Block DeepSeek' }).click();
    // At once: no new request, no reload.
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('⛔');
    expect((await toolbarBadge(ext, tabId)).title).toBe('AI Jurisdiction Guard: blocked on this page: DeepSeek (China).');
    await expect.poll(() => verdict.getAttribute('data-blocked')).toBe('all');
    expect(await verdict.locator('h1').innerText()).toBe('Blocked on this page: DeepSeek.');
    expect(await verdict.locator('.level').innerText()).toBe('⛔ Blocked');
    // The risk facts stay below the headline.
    expect(await verdict.locator('.verdict-was').innerText()).toBe('This page uses AI from DeepSeek (China).');
    expect(await popup.locator('article.card[data-provider="deepseek"] .block-status').innerText()).toBe('Blocked by you.');
    expect(await popup.locator('.blocked-count').count()).toBe(0);

    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toMatch(/^failed/);
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toMatch(/^failed/);
    await expect.poll(() => popup.locator('.blocked-count').innerText(), { timeout: 15_000 }).toBe('2 requests blocked on this tab.');
    expect((await toolbarBadge(ext, tabId)).title).toBe('AI Jurisdiction Guard: blocked on this page: DeepSeek (China). Requests blocked on this tab: 2.');
    await checkBothThemes(popup, 'popup-actions-blocked');
    // A new page starts counting from zero.
    await page.reload();
    await expect.poll(async () => (await tabState(ext, tabId))?.blocked ?? 0).toBe(0);
  });

  it("the block page's tab has a badge, and its popup says what is blocked", async () => {
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const served = ext.server.requestsTo('chat.deepseek.com').length;
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('⛔');
    expect((await toolbarBadge(ext, tabId)).title).toContain('blocked on this page: DeepSeek (China).');
    const popup = await openPopup(ext, tabId);
    const verdict = popup.locator('.verdict');
    await expect.poll(() => verdict.getAttribute('data-blocked')).toBe('all');
    expect(await verdict.locator('h1').innerText()).toBe('Blocked on this page: DeepSeek.');
    expect(await verdict.locator('.block-page-note').innerText()).toBe('This tab shows the block page instead of chat.deepseek.com.');
    expect(await verdict.getByRole('button', { name: 'Unblock DeepSeek' }).isVisible()).toBe(true);
    expect(ext.server.requestsTo('chat.deepseek.com')).toHaveLength(served);
    // The real toolbar popup of that tab says the same.
    const toolbar = await openToolbarPopup(ext, page);
    await expect.poll(() => toolbar.text('.verdict h1'), { timeout: 10_000 }).toBe('Blocked on this page: DeepSeek.');
  });

  it('pause lifts the user’s block for the site for an hour; resume and the end of the pause restore it', async () => {
    const { page, tabId } = await outboundWithDeepSeek();
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toMatch(/^failed/);
    const popup = await openPopup(ext, tabId);
    const pause = popup.locator('.pause');
    await pause.getByRole('button', { name: 'Pause on this site for 1 hour' }).click();
    await expect.poll(() => pause.getAttribute('data-pause')).toBe('on');
    const stored = (await popup.evaluate((key) => chrome.storage.session.get(key), PAUSES_KEY))[PAUSES_KEY] as Record<string, number>;
    const until = stored['app.example.com']!;
    expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    const clock = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(until);
    expect(await pause.locator('.pause-state strong').innerText()).toBe(`Paused until ${clock}.`);
    expect(await popup.locator('article.card[data-provider="deepseek"] .block-status').innerText()).toBe(`Paused: your block is lifted on this site until ${clock}.`);
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    await checkBothThemes(popup, 'popup-actions-paused');
    // The request goes through to the server now, from the page already open.
    const received = ext.server.requestsTo('api.deepseek.com').length;
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toBe('ok 200');
    expect(ext.server.requestsTo('api.deepseek.com').length).toBeGreaterThan(received);
    expect((await sessionRules(ext)).filter((r) => r.id >= PAUSE_RULE_IDS.first && r.id <= PAUSE_RULE_IDS.last)).toHaveLength(2);

    await pause.getByRole('button', { name: 'Resume blocking' }).click();
    await expect.poll(() => pause.getAttribute('data-pause')).toBe('off');
    expect(await sessionRules(ext)).toEqual([]);
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toMatch(/^failed/);
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('⛔');

    // The end of the pause: its time is put in the past and the alarm fires, as an hour later.
    await pause.getByRole('button', { name: 'Pause on this site for 1 hour' }).click();
    await expect.poll(() => pause.getAttribute('data-pause')).toBe('on');
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toBe('ok 200');
    await popup.evaluate((key) => chrome.storage.session.set({ [key]: { 'app.example.com': Date.now() - 1 } }), PAUSES_KEY);
    await popup.evaluate(() => chrome.alarms.create('pause-end', { when: Date.now() }));
    await expect.poll(async () => (await sessionRules(ext)).length, { timeout: 15_000 }).toBe(0);
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toMatch(/^failed/);
    await expect.poll(() => pause.getAttribute('data-pause')).toBe('off');
  });

  it('a pause that ended while the worker slept is gone when the worker next starts', async () => {
    const { page, tabId } = await outboundWithDeepSeek();
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const probe = await ext.extensionPage();
    expect(await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/pause-site', site: 'app.example.com' }))).toMatchObject({ ok: true });
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toBe('ok 200');
    await stopServiceWorker(ext);
    // No alarm will come (cleared), and the pause's end has passed meanwhile.
    await probe.evaluate((key) => Promise.all([chrome.alarms.clearAll(), chrome.storage.session.set({ [key]: { 'app.example.com': Date.now() - 1 } })]), PAUSES_KEY);
    expect(await sessionRules(ext)).toHaveLength(2);
    // Any event starts the worker again; it brings the pauses up to date first thing.
    await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/get-settings' }));
    await expect.poll(async () => (await sessionRules(ext)).length, { timeout: 15_000 }).toBe(0);
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toMatch(/^failed/);
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('⛔');
  });

  it('pause and resume are refused from a web page, and pause is not offered outside block mode', async () => {
    const { page, tabId } = await outboundWithDeepSeek();
    // A page cannot reach the extension's runtime at all.
    expect(await page.evaluate(() => typeof (globalThis as any).chrome?.runtime?.sendMessage)).not.toBe('function');
    // The page's own content script (what a compromised renderer could send) is refused, in block
    // mode where a pause would otherwise be granted: no rule, nothing stored, the block holds.
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const cdp = await ext.context.newCDPSession(page);
    for (const type of ['ui-to-bg/pause-site', 'ui-to-bg/resume-site']) {
      const answer = await inContentScript(cdp, `chrome.runtime.sendMessage({ type: '${type}', site: 'app.example.com' })`);
      expect(answer).not.toMatchObject({ ok: true });
    }
    expect(await sessionRules(ext)).toEqual([]);
    expect((await (await ext.extensionPage()).evaluate((key) => chrome.storage.session.get(key), PAUSES_KEY))[PAUSES_KEY] ?? {}).toEqual({});
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK_API)).toMatch(/^failed/);
    await cdp.detach();
    await updateSettings(ext, { blockedProviders: ['deepseek'], mode: 'warn' });
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('article.card[data-provider="deepseek"] .block-status').innerText()).toBe('Warn mode only warns; Block mode would stop this. Rule: You blocked DeepSeek.');
    expect(await popup.locator('.pause').count()).toBe(0);
    // In warn mode a block made here goes on the list, and the Undo says so: nothing is blocked.
    await popup.locator('article.card[data-provider="deepseek"]').getByRole('button', { name: 'Unblock DeepSeek' }).click();
    await popup.locator('article.card[data-provider="deepseek"]').getByRole('button', { name: 'Block DeepSeek' }).click();
    await expect.poll(() => popup.locator('.undo-bar .undo-text').innerText()).toBe('Added to your block list: DeepSeek (Block mode would stop it).');
    const probe = await ext.extensionPage();
    expect(await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/pause-site', site: 'app.example.com' }))).toEqual({ ok: false, error: 'nothing is blocked outside block and justify modes' });
    expect(await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/pause-site', site: 'https://app.example.com/' }))).toMatchObject({ ok: false, error: 'site must be a hostname' });
  });
});

describe('popup actions in Simplified Chinese', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS, args: ['--lang=zh-CN'] });
    serveFakeAi(ext.server, 'openrouter.ai', 'api.deepseek.com');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('words the actions, the confirmation and the blocked state in Chinese, with no stray space before a Chinese name', async () => {
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/');
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    const popup = await openPopup(ext, tabId);
    const actions = popup.locator('.verdict .site-actions');
    await expect.poll(() => actions.locator('button').first().innerText()).toBe('拦截 DeepSeek');
    expect(await actions.locator('[data-explains="blockedSites"]').innerText()).toBe('此页面仍可打开，但它发出的 AI 请求会被拦截，因此其 AI 功能将无法使用。');
    const country = popup.locator('[data-toggle="blockedCountries:CN"]');
    await country.getByRole('button', { name: '拦截中国' }).click();
    const reach = countryReach(database, 'CN', ['deepseek']);
    expect(await country.locator('.confirm-text').innerText()).toMatch(new RegExp(`^拦截中国：共 ${reach.count} 个 AI 服务，包括 DeepSeek、.+和.+。$`));
    await checkBothThemes(popup, 'popup-actions-confirm-zh-CN');
    await country.getByRole('button', { name: '取消' }).click();
    await actions.getByRole('button', { name: '拦截 DeepSeek' }).click();
    const verdict = popup.locator('.verdict');
    await expect.poll(() => verdict.locator('h1').innerText()).toBe('本页面已拦截：DeepSeek。');
    expect(await popup.locator('.undo-bar .undo-text').innerText()).toBe('已拦截：DeepSeek。');
    expect(await popup.locator('.undo-bar').getByRole('button', { name: '撤销' }).isVisible()).toBe(true);
    expect(await popup.locator('article.card[data-provider="deepseek"] .block-status').innerText()).toBe('已由您拦截。');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('⛔');
    await checkBothThemes(popup, 'popup-actions-blocked-zh-CN');
  });
});
