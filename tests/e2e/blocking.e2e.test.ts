/// <reference types="chrome" />
/**
 * Blocking in real Chromium with the built extension: what a page can still send once a user
 * blocks a provider, a country, a site's AI traffic or a risk level; what a navigation to a
 * blocked service shows; and that unblocking restores traffic with no reload. Each request is
 * checked twice: it fails in the page, and the fixture server never received it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RULE_GROUPS, RULE_IDS_PER_GROUP } from '../../src/core/constants.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { SITES_DIR } from './harness/fixture-server.ts';
import { openPopup, screenshot, stopServiceWorker, tabIdOf } from './harness/extension.ts';
import { database } from '../../src/core/database.ts';
import { policyDatabase } from '../../src/core/policy-database.ts';
import { dynamicRules, getSettings, updateSettings } from './harness/settings.ts';
import { attachWebSocketEcho } from './harness/websocket-echo.ts';

const HOSTS = ['app.example.com', 'news.example.com', 'chat.deepseek.com', 'api.deepseek.com', 'cdn.deepseek.com', 'api.mistral.ai'];

const DEEPSEEK = {
  fetch: 'https://api.deepseek.com/chat/completions',
  xhr: 'https://api.deepseek.com/v1/chat/completions',
  websocket: 'wss://api.deepseek.com/ws',
  script: 'https://cdn.deepseek.com/widget.js',
};

describe('blocking', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'api.deepseek.com', 'api.mistral.ai');
    attachWebSocketEcho(ext.server, 'api.deepseek.com', '/ws');
    ext.server.route('cdn.deepseek.com', '/widget.js', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end('window.widgetLoaded = true;');
    });
    // The same page on a second site, to show that a site block stays on its site.
    const outbound = readFileSync(join(SITES_DIR, 'app.example.com/outbound.html'));
    ext.server.route('news.example.com', '/outbound.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(outbound);
    });
  });
  afterAll(async () => {
    await ext?.close();
  });
  // Each test starts from nothing blocked, whatever the one before left.
  const NOTHING_BLOCKED = { blockedProviders: [], blockedCountries: [], blockedSites: [], allowedProviders: [], allowedCountries: [], allowedSites: [], blockLevel: 'off', mode: 'block' };
  beforeEach(async () => {
    expect(await updateSettings(ext, NOTHING_BLOCKED)).toMatchObject({ ok: true });
  });

  async function outboundPage(host = 'app.example.com') {
    const page = await ext.newPage();
    await page.goto(`https://${host}/outbound.html`);
    return page;
  }

  /** Every kind of request to DeepSeek from `page`: what the page saw, and what the server got. */
  async function tryDeepSeek(page: Awaited<ReturnType<typeof outboundPage>>) {
    const before = ext.server.requests.length;
    const seen = {
      fetch: await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK.fetch),
      xhr: await page.evaluate((u) => (window as any).tryXhr(u), DEEPSEEK.xhr),
      websocket: await page.evaluate((u) => (window as any).tryWebSocket(u), DEEPSEEK.websocket),
      script: await page.evaluate((u) => (window as any).tryScript(u), DEEPSEEK.script),
    };
    const received = ext.server.requests.slice(before).filter((r) => r.host.endsWith('deepseek.com')).map((r) => `${r.method} ${r.host}${r.path}`);
    return { seen, received };
  }

  it('blocks fetch, XHR, WebSocket and script to a blocked provider; the server receives nothing', async () => {
    const page = await outboundPage();
    const open = await tryDeepSeek(page);
    expect(open.seen).toEqual({ fetch: 'ok 200', xhr: 'ok 200', websocket: 'ok open', script: 'ok loaded' });
    expect(open.received.length).toBeGreaterThanOrEqual(4);

    const result = await updateSettings(ext, { blockedProviders: ['deepseek'] });
    expect(result.ok).toBe(true);
    const blocked = await tryDeepSeek(page);
    expect(blocked.seen).toEqual({
      fetch: 'failed TypeError: Failed to fetch',
      xhr: 'failed xhr error',
      websocket: 'failed websocket error',
      script: 'failed script error',
    });
    expect(blocked.received).toEqual([]);
    // Other AI services still work.
    expect(await page.evaluate(() => (window as any).tryFetch('https://api.mistral.ai/v1/chat/completions'))).toBe('ok 200');
  });

  it('a navigation to a blocked provider shows the block page, with what, why and by whom', async () => {
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const page = await outboundPage();
    await page.click('#to-deepseek');
    await page.waitForURL(/blocked\.html/);
    expect(page.url()).toBe(`chrome-extension://${ext.extensionId}/blocked.html#https://chat.deepseek.com/`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('DeepSeek is blocked');
    const text = await page.locator('main').innerText();
    expect(text).toContain('https://chat.deepseek.com/');
    expect(text).toContain('You blocked DeepSeek.');
    expect(text).toContain('China');
    // Who decided is in the rule's sentence, said once (no second "Blocked by you").
    expect(text.split('You blocked DeepSeek.').length).toBe(2);
    expect(ext.server.requestsTo('chat.deepseek.com')).toEqual([]);
    // Typed into the address bar, with no page that started it.
    const typed = await ext.newPage();
    await typed.goto('https://chat.deepseek.com/?q=hello').catch(() => undefined);
    await typed.waitForURL(/blocked\.html/);
    expect(typed.url()).toBe(`chrome-extension://${ext.extensionId}/blocked.html#https://chat.deepseek.com/?q=hello`);
    // A page cannot load the block page by its static address to learn the extension is there.
    const probe = await outboundPage();
    const probed = await probe.evaluate((u) => fetch(u).then((r) => `ok ${r.status}`, (e) => `failed ${e}`), `chrome-extension://${ext.extensionId}/blocked.html`);
    expect(probed).toBe('failed TypeError: Failed to fetch');
    // Go back returns to the page the user came from.
    await page.locator('button', { hasText: 'Go back' }).click();
    // Restored from the back/forward cache, so no load event: poll the address instead.
    await expect.poll(() => page.url()).toBe('https://app.example.com/outbound.html');
  });

  it('the popup blocks and unblocks a provider with one click, and says what applies', async () => {
    const page = await outboundPage();
    expect(await page.evaluate((u) => (window as any).tryFetch(u), DEEPSEEK.fetch)).toBe('ok 200');
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    const toggle = popup.locator('[data-toggle="blockedProviders:deepseek"]');
    await expect.poll(() => toggle.getAttribute('data-state')).toBe('off');
    await toggle.getByRole('button', { name: 'Block DeepSeek' }).click();
    await expect.poll(() => toggle.getAttribute('data-state')).toBe('user');
    const status = popup.locator('article.card[data-provider="deepseek"] .block-status');
    await expect.poll(() => status.innerText()).toBe('Blocked by you.');
    await screenshot(popup, 'popup-provider-blocked');
    expect((await tryDeepSeek(page)).received).toEqual([]);
    // Warn mode: the same decision is shown as a warning and the traffic goes through.
    await updateSettings(ext, { mode: 'warn' });
    await expect.poll(() => status.innerText()).toBe('Warn mode only warns; Block mode would stop this. Rule: You blocked DeepSeek.');
    expect(await popup.locator('.mode-note').innerText()).toContain('Warn mode: nothing is blocked');
    expect((await tryDeepSeek(page)).seen.fetch).toBe('ok 200');
    await updateSettings(ext, { mode: 'block' });
    await toggle.getByRole('button', { name: 'Unblock DeepSeek' }).click();
    await expect.poll(() => toggle.getAttribute('data-state')).toBe('off');
    expect(await status.count()).toBe(0);
    expect((await tryDeepSeek(page)).seen.fetch).toBe('ok 200');
  });

  it('unblocking restores traffic at once, without reloading the extension or the page', async () => {
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const page = await outboundPage();
    expect((await tryDeepSeek(page)).received).toEqual([]);
    await updateSettings(ext, { blockedProviders: [] });
    const open = await tryDeepSeek(page);
    expect(open.seen).toEqual({ fetch: 'ok 200', xhr: 'ok 200', websocket: 'ok open', script: 'ok loaded' });
    expect(await dynamicRules(ext)).toEqual([]);
  });

  it("blocks one site's outbound AI traffic and leaves other sites alone", async () => {
    await updateSettings(ext, { blockedSites: ['app.example.com'] });
    const app = await outboundPage('app.example.com');
    const news = await outboundPage('news.example.com');
    expect((await tryDeepSeek(app)).received).toEqual([]);
    expect(await app.evaluate(() => (window as any).tryFetch('https://api.mistral.ai/v1/chat/completions'))).toMatch(/^failed/);
    const fromNews = await tryDeepSeek(news);
    expect(fromNews.seen.fetch).toBe('ok 200');
    expect(fromNews.received.length).toBeGreaterThan(0);
    await updateSettings(ext, { blockedSites: [] });
  });

  it('blocks a country (every provider with a company or data there) and a risk level', async () => {
    await updateSettings(ext, { blockedCountries: ['CN'] });
    const page = await outboundPage();
    expect((await tryDeepSeek(page)).received).toEqual([]);
    expect(await page.evaluate(() => (window as any).tryFetch('https://api.mistral.ai/v1/chat/completions'))).toBe('ok 200');
    await updateSettings(ext, { blockedCountries: [], blockLevel: 'high' });
    expect((await tryDeepSeek(page)).received).toEqual([]);
    expect(await page.evaluate(() => (window as any).tryFetch('https://api.mistral.ai/v1/chat/completions'))).toBe('ok 200');
    await updateSettings(ext, { blockLevel: 'off' });
  });

  it('warn and monitor modes let the traffic through; block mode blocks it', async () => {
    await updateSettings(ext, { blockedProviders: ['deepseek'], mode: 'warn' });
    const page = await outboundPage();
    expect((await tryDeepSeek(page)).seen.fetch).toBe('ok 200');
    await updateSettings(ext, { mode: 'monitor' });
    expect((await tryDeepSeek(page)).seen.fetch).toBe('ok 200');
    await updateSettings(ext, { mode: 'block' });
    expect((await tryDeepSeek(page)).received).toEqual([]);
    await updateSettings(ext, { blockedProviders: [] });
  });

  it('rules live in the browser: blocking holds while the service worker is stopped', async () => {
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const rules = await dynamicRules(ext);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.id).toBeGreaterThanOrEqual(RULE_GROUPS.indexOf('user-provider') * RULE_IDS_PER_GROUP + 1);
    await stopServiceWorker(ext);
    const page = await outboundPage();
    expect((await tryDeepSeek(page)).received).toEqual([]);
    await updateSettings(ext, { blockedProviders: [] });
  });

  it('the browser accepts the largest realistic configuration whole', async () => {
    // Every provider and country of the database, every level, 10,000 sites each way: the browser
    // must take every rule (it refuses, for example, a regex over 2 KB once compiled).
    const view = await getSettings(ext);
    const db = policyDatabase(database, view.settings);
    const sites = Array.from({ length: 10_000 }, (_, i) => `site${i}.example.org`);
    const result = await updateSettings(ext, {
      blockedProviders: db.providers.map((p) => p.id),
      blockedCountries: Object.keys(db.compiled.jurisdictions),
      blockLevel: 'low',
      blockedSites: sites,
      allowedSites: sites.map((s) => `allowed.${s}`),
      allowedProviders: ['mistral'],
      allowedCountries: ['FR'],
    });
    expect(result.ok).toBe(true);
    const { rules } = (await getSettings(ext));
    expect(rules?.error).toBeUndefined();
    expect(rules?.problems).toEqual([]);
    const applied = await dynamicRules(ext);
    expect(applied.length).toBe(rules!.rules);
    expect(applied.filter((r) => r.condition.regexFilter).length).toBe(rules!.regexRules);
    const page = await outboundPage('news.example.com');
    expect((await tryDeepSeek(page)).received).toEqual([]);
    expect(await page.evaluate(() => (window as any).tryFetch('https://api.mistral.ai/v1/chat/completions'))).toBe('ok 200');
  });

  it('refuses settings it cannot use and keeps the ones in force', async () => {
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const bad = await updateSettings(ext, { blockedCountries: ['Mars'] });
    expect(bad).toMatchObject({ ok: false });
    expect(JSON.stringify(bad)).toContain('blockedCountries[0]');
    const page = await outboundPage();
    expect((await tryDeepSeek(page)).received).toEqual([]);
    await updateSettings(ext, { blockedProviders: [] });
  });
});
