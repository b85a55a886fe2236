/// <reference types="chrome" />
/**
 * A page is attacker-controlled: it may forge the hook's events, post fake extension messages
 * and flood AI-shaped requests. It may create findings about its own traffic, bounded, and
 * nothing else: no forged finding, no settings change, and the extension keeps working. Nor can
 * it lift or weaken a block (second suite; its fixture is hostile.example.com/lift.html).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BLOCKED_COUNT, MAX_FINDINGS_PER_TAB, MODEL_BLOCK_KEY, MODEL_BLOCK_RULE_ID, REPORTING_RULE_IDS } from '../../src/core/constants.ts';
import { AUDIT_MAX_PER_MINUTE_PER_TAB } from '../../src/core/audit/audit-throttle.ts';
import type { SettingsView } from '../../src/core/settings-view.ts';
import type { Finding } from '../../src/core/tab-state.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { storedEntries } from './harness/audit-entries.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, storedSession, tabIdOf, tabState, toolbarBadge } from './harness/extension.ts';
import { dynamicRules, getSettings, updateSettings } from './harness/settings.ts';
import { attachWebSocketEcho } from './harness/websocket-echo.ts';

describe('a hostile page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: ['hostile.example.com', 'chat.deepseek.com'] });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('cannot forge findings, change settings, or grow the stored state without bound', async () => {
    const probe = await ext.extensionPage();
    // The worker records its first rule update at start-up; wait for it, so that only what the
    // page causes can change storage.local from here on.
    await expect.poll(() => probe.evaluate(() => chrome.storage.local.get('rules:status').then((s) => 'rules:status' in s))).toBe(true);
    const localBefore = await probe.evaluate(() => chrome.storage.local.get(null));
    const page = await ext.newPage();
    await page.goto('https://hostile.example.com/');
    const tabId = await tabIdOf(ext, page);
    // 3,000 requests to 3,000 made-up hosts (they fail to resolve, like any unknown host offline).
    await page.evaluate(() => (window as unknown as { attack(n: number): Promise<number> }).attack(3000));
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.length ?? 0, { timeout: 15_000 }).toBe(MAX_FINDINGS_PER_TAB);
    await page.waitForTimeout(1000);
    const state = (await tabState(ext, tabId))!;
    expect(state.findings.length).toBe(MAX_FINDINGS_PER_TAB);
    expect(state.findings.every((f) => f.kind === 'unknown-endpoint' && f.host.endsWith('.attacker.example'))).toBe(true);
    // The forged events named DeepSeek and a made-up model: neither appears.
    expect(state.findings.some((f) => f.host === 'api.deepseek.com' || f.model === 'forged-model')).toBe(false);
    // The whole session store stays small (one tab's bounded state).
    expect(JSON.stringify(await storedSession(ext)).length).toBeLessThan(200_000);
    // Only the audit log's count of events over its rate is added: of the 200 new findings it logs
    // at most its cap a minute, and says how many it left out (docs/audit-log.md).
    await expect
      .poll(async () => ((await probe.evaluate(() => chrome.storage.local.get('audit:dropped')))['audit:dropped'] as { count: number } | undefined)?.count ?? 0, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(MAX_FINDINGS_PER_TAB - 2 * AUDIT_MAX_PER_MINUTE_PER_TAB);
    const { 'audit:dropped': _dropped, ...localAfter } = await probe.evaluate(() => chrome.storage.local.get(null));
    expect(localAfter).toEqual(localBefore);
    expect((await toolbarBadge(ext, tabId)).text).toBe('?');

    // The extension still works for the next page in the same tab.
    await page.goto('https://chat.deepseek.com/');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    expect((await tabState(ext, tabId))?.findings.map((f) => f.kind)).toEqual(['site']);
  });
});

/**
 * Issue 16: with a provider block (DeepSeek) and a model block (Moonshot's models, wherever they
 * are served) in force, a page tries every way it can reach to lift or weaken them. After each
 * attempt the settings, the dynamic and session rules and the list the page hook applies are what
 * they were, DeepSeek's API and its model through OpenRouter are still stopped (the fixture server
 * receives nothing), and the positive controls (an OpenAI model through OpenRouter, an unblocked
 * open model at Together, a finding the page's own request makes) still go through.
 */
describe('a hostile page cannot lift or weaken a block', () => {
  const OPENROUTER = 'https://openrouter.ai/api/v1/chat/completions';
  const TOGETHER = 'https://api.together.xyz/v1/chat/completions';
  const DEEPSEEK = 'https://api.deepseek.com/chat/completions';
  const OPENAI = 'https://api.openai.com/v1/chat/completions';
  const FAILED_FETCH = 'failed TypeError: Failed to fetch';
  let ext: ExtensionBrowser;
  let before: BlockState;

  interface BlockState {
    settings: SettingsView;
    dynamicRules: chrome.declarativeNetRequest.Rule[];
    sessionRules: chrome.declarativeNetRequest.Rule[];
    modelBlockList: unknown;
    pauses: unknown;
    warningOffSites: unknown;
  }

  /** Everything a page would have to change to lift a block, read from the extension. */
  async function blockState(): Promise<BlockState> {
    const probe = await ext.extensionPage();
    const { rules, ...settings } = await getSettings(ext);
    // The time rules were last applied changes when the worker restarts, which is no change of block.
    const { appliedAt: _at, ...applied } = rules ?? ({ appliedAt: 0 } as NonNullable<typeof rules>);
    return {
      settings: { ...settings, rules: applied as NonNullable<typeof rules> },
      dynamicRules: await dynamicRules(ext),
      sessionRules: await probe.evaluate(() => chrome.declarativeNetRequest.getSessionRules()),
      modelBlockList: await probe.evaluate((key) => chrome.storage.local.get(key).then((got) => got[key]), MODEL_BLOCK_KEY),
      pauses: await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/get-pauses' })),
      warningOffSites: await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/warning-off-sites' })),
    };
  }

  async function hostilePage(): Promise<Page> {
    const page = await ext.newPage();
    await page.goto('https://hostile.example.com/lift.html');
    return page;
  }

  /** What the page saw for one chat request, and how many requests the server received for it. */
  async function ask(page: Page, url: string, model: string, via: 'askFetch' | 'askXhr' | 'askWs' = 'askFetch') {
    const from = ext.server.requests.length;
    const seen = await page.evaluate(([fn, u, m]) => (fn === 'askWs' ? (window as any).askWs(u) : (window as any)[fn!](u, m)) as Promise<string>, [via, url, model] as const);
    const host = new URL(url).host;
    // Preflights carry no data; anything else (the request, or a re-sent one) counts.
    return { seen, received: ext.server.requests.slice(from).filter((r) => r.host === host && r.method !== 'OPTIONS').length };
  }

  /** The blocks hold, with their positive controls. */
  async function blocksHold(page: Page): Promise<void> {
    expect(await ask(page, DEEPSEEK, 'deepseek-chat')).toEqual({ seen: FAILED_FETCH, received: 0 });
    expect(await ask(page, OPENROUTER, 'deepseek/deepseek-chat')).toEqual({ seen: FAILED_FETCH, received: 0 });
    expect(await ask(page, OPENROUTER, 'deepseek/deepseek-chat', 'askXhr')).toEqual({ seen: 'failed xhr error (readyState 4, status 0)', received: 0 });
    expect(await ask(page, TOGETHER, 'moonshotai/kimi-k2')).toEqual({ seen: FAILED_FETCH, received: 0 });
    expect(await ask(page, 'wss://api.deepseek.com/ws', '', 'askWs')).toEqual({ seen: 'failed websocket error', received: 0 });
    expect(await ask(page, 'wss://api.openai.com/ws', '', 'askWs')).toEqual({ seen: 'echo Summarise my notes', received: 1 });
    expect(await ask(page, OPENROUTER, 'openai/gpt-4o')).toEqual({ seen: 'ok 200', received: 1 });
    expect(await ask(page, TOGETHER, 'meta-llama/Llama-3.3-70B-Instruct-Turbo', 'askXhr')).toEqual({ seen: 'ok 200', received: 1 });
  }

  /**
   * The page's own request to OpenAI reaches the tab's findings: through the page hook (channel
   * `fetch`, with the model it names), or, with `network`, at least in the browser's network log.
   */
  async function findingRecorded(page: Page, via: 'fetch' | 'network' = 'fetch'): Promise<void> {
    expect(await ask(page, OPENAI, 'gpt-4o')).toEqual({ seen: 'ok 200', received: 1 });
    const tabId = await tabIdOf(ext, page);
    const seen = (f: Finding) => f.host === 'api.openai.com' && f.via.includes(via) && (via === 'network' || f.model === 'gpt-4o');
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.some(seen) ?? false, { timeout: 5000 }).toBe(true);
  }

  beforeAll(async () => {
    ext = await launchExtension({ hosts: ['hostile.example.com', 'openrouter.ai', 'api.together.xyz', 'api.deepseek.com', 'api.openai.com'] });
    serveFakeAi(ext.server, 'openrouter.ai', 'api.together.xyz', 'api.deepseek.com', 'api.openai.com');
    attachWebSocketEcho(ext.server, 'api.deepseek.com', '/ws');
    attachWebSocketEcho(ext.server, 'api.openai.com', '/ws');
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'], blockedModelBuilders: ['moonshot'] })).toMatchObject({ ok: true });
    before = await blockState();
    // What is in force: DeepSeek's hosts in the network rules, both builders in the hook's list.
    expect(JSON.stringify(before.dynamicRules)).toContain('"requestDomains":["deepseek.com"]');
    expect(JSON.stringify(before.modelBlockList)).toContain('user provider deepseek');
    expect(JSON.stringify(before.modelBlockList)).toContain('moonshot');
    // The standing session rules: the page check's marker rule and the two that drop reporting
    // headers naming DeepSeek's hosts (core/browser-traffic); no grant or pause.
    expect(before.sessionRules.map((r) => r.id)).toEqual([MODEL_BLOCK_RULE_ID, REPORTING_RULE_IDS.first, REPORTING_RULE_IDS.first + 1]);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('holds against nothing at all (the controls of every test below)', async () => {
    const page = await hostilePage();
    await blocksHold(page);
    await findingRecorded(page);
    await page.close();
  });

  it('forged extension messages (window, frames, BroadcastChannel, MessageChannel) and bridge events on every node change nothing, and the page hears no bridge event', async () => {
    const page = await hostilePage();
    const sent = await page.evaluate((id) => (window as any).forge(id) as number, ext.extensionId);
    expect(sent).toBeGreaterThan(1000);
    // Listening everywhere for the bridge's events while the hook reports a request: nothing.
    expect(await page.evaluate((u) => (window as any).eavesdrop(u) as Promise<string[]>, OPENROUTER)).toEqual([]);
    expect(await blockState()).toEqual(before);
    await blocksHold(page);
    // A forged report (an OpenAI finding the page never made) was not recorded; a real one is.
    const tabId = await tabIdOf(ext, page);
    expect((await tabState(ext, tabId))?.findings.some((f) => f.host === 'api.openai.com' && f.via.includes('fetch'))).toBe(false);
    await findingRecorded(page);
    await page.close();
  });

  it('cannot reach the extension with its ID: no runtime messaging or connection, no extension page to read, frame or open', async () => {
    const page = await hostilePage();
    // No externally_connectable: the page has no chrome.runtime at all.
    const runtime = await page.evaluate((id) => (window as any).callRuntime(id), ext.extensionId);
    expect(runtime.tried).toEqual({ chrome: 'object', runtime: 'undefined', sendMessage: 'undefined', connect: 'undefined', browser: 'undefined' });
    expect(new Set(runtime.results)).toEqual(new Set(['failed TypeError', 'connect failed TypeError']));
    // The block page is web-accessible only at its per-session (dynamic) address: its static one,
    // the options page and the popup cannot be read, framed or opened.
    const origin = `chrome-extension://${ext.extensionId}/`;
    const urls = [`${origin}blocked.html#${DEEPSEEK}`, `${origin}options.html`, `${origin}popup.html`, `${origin}src/blocked/index.html`];
    expect(await page.evaluate((u) => (window as any).readExtension(u), urls)).toEqual(urls.map(() => 'failed TypeError'));
    await page.evaluate((u) => (window as any).frameExtension(u), urls);
    const framed = page.frames().filter((f) => f !== page.mainFrame());
    expect(framed.map((f) => f.url())).toEqual(urls.map(() => 'chrome-error://chromewebdata/'));
    const opened = ext.context.waitForEvent('page');
    expect(await page.evaluate((u) => (window as any).openExtension(u), urls[0])).toEqual(['no access SecurityError', 'posted', 'no navigation SecurityError']);
    const win = await opened;
    expect(win.url()).toBe('chrome-error://chromewebdata/');
    await win.close();
    expect(await blockState()).toEqual(before);
    await blocksHold(page);
    await page.close();
  });

  it('cannot press "Allow once" on the block page: opened in a window the page cannot touch it; in a frame, even at its real address, it shows nothing and the background refuses it', async () => {
    const page = await hostilePage();
    // What a page can do: open the blocked service in a window, which lands on the block page.
    const opened = ext.context.waitForEvent('page');
    expect(await page.evaluate((u) => (window as any).openExtension(u), `https://api.deepseek.com/`)).toEqual(['no access SecurityError', 'posted', 'no navigation SecurityError']);
    const win = await opened;
    await expect.poll(() => win.url()).toMatch(/^chrome-extension:\/\/[^/]+\/blocked\.html#https:\/\/api\.deepseek\.com\/$/);
    // Positive control: there, for the user, the block page offers "Allow once".
    await expect.poll(() => win.locator('button').allInnerTexts()).toContain('Allow once for this site');
    await win.close();
    // In a frame the blocked service is not even the block page: the browser refuses the frame.
    await page.evaluate((u) => (window as any).frameExtension([u]), 'https://api.deepseek.com/');
    expect(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.url())).toEqual(['chrome-error://chromewebdata/']);
    // The block page's real address is per session and nothing gives it to a page; were it leaked,
    // framed it shows nothing, and the background refuses "allow once" from a frame.
    const probe = await ext.extensionPage();
    const blockPage = `${await probe.evaluate(() => chrome.runtime.getURL('blocked.html'))}#${DEEPSEEK}`;
    await page.evaluate((u) => (window as any).frameExtension([u]), blockPage);
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
    expect(frame, 'the block page loads in a frame at its dynamic address').toBeDefined();
    await frame!.waitForLoadState();
    expect(await frame!.evaluate(() => document.querySelectorAll('button').length)).toBe(0);
    expect(await frame!.evaluate((url) => chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url }), DEEPSEEK)).toEqual({ ok: false, error: 'only the block page may allow once' });
    expect(await blockState()).toEqual(before);
    await blocksHold(page);
    await page.close();
  });

  it('replacing the built-ins the hook might use, wrapping fetch/XHR/WebSocket, and rewriting the document leave the block; the hook still reports', async () => {
    const page = await hostilePage();
    const natives = await page.evaluate(() => [String(fetch), Function.prototype.toString.call(XMLHttpRequest.prototype.open), String(Function.prototype.toString), String(WebSocket)]);
    expect(natives).toEqual(['function fetch() { [native code] }', 'function open() { [native code] }', 'function toString() { [native code] }', 'function WebSocket() { [native code] }']);
    await page.evaluate(() => (window as any).tamper());
    await blocksHold(page);
    // The DOM the bridge was set up in, removed and written anew.
    await page.evaluate(() => {
      document.documentElement.remove();
      document.open();
      document.write('<!doctype html><title>rewritten</title><p>rewritten</p>');
      document.close();
    });
    await blocksHold(page);
    await findingRecorded(page);
    expect(await blockState()).toEqual(before);
    await page.close();
  });

  it('a page that puts keys on Object.prototype cannot exempt itself from the hook’s list', async () => {
    const page = await hostilePage();
    await page.evaluate(() => {
      const proto = Object.prototype as any;
      proto.exemptSites = [location.hostname, '*'];
      proto.exemptHosts = ['*', 'openrouter.ai', 'api.together.xyz'];
      proto.anywhere = false;
    });
    await blocksHold(page);
    await page.close();
  });

  it('an unhooked fetch from an about:blank frame still cannot reach DeepSeek’s own API (network rules)', async () => {
    const page = await hostilePage();
    const via = (url: string, model: string) => page.evaluate(([u, m]) => (window as any).askFetch(u, m, (window as any).blankFrameFetch()), [url, model] as const);
    expect(await via(DEEPSEEK, 'deepseek-chat')).toBe(FAILED_FETCH);
    expect(ext.server.requests.some((r) => r.host === 'api.deepseek.com')).toBe(false);
    // Positive control: that fetch works.
    expect(await via(OPENROUTER, 'openai/gpt-4o')).toBe('ok 200');
    await page.close();
  });

  it('a flood of thousands of stopped requests and findings a second keeps stored state bounded, and the worker still decides correctly', async () => {
    const probe = await ext.extensionPage();
    const localSize = async () => JSON.stringify(await probe.evaluate(() => chrome.storage.local.get(null))).length;
    const sizeBefore = await localSize();
    const page = await hostilePage();
    const tabId = await tabIdOf(ext, page);
    const rate = await page.evaluate(() => (window as any).flood(20_000, 1000) as Promise<number>);
    console.info(`flood: 20,000 reports at ${rate}/s, then 1,000 stopped requests`);
    expect(rate).toBeGreaterThan(1000);
    // Every one was stopped (none reached the server: the relays do not even resolve) and counted, bounded.
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.length ?? 0, { timeout: 20_000 }).toBe(MAX_FINDINGS_PER_TAB);
    const state = (await tabState(ext, tabId))!;
    expect(state.blocked).toBeLessThanOrEqual(MAX_BLOCKED_COUNT);
    expect(state.blocked).toBeGreaterThan(0);
    expect(JSON.stringify(await storedSession(ext)).length).toBeLessThan(400_000);
    // The audit log keeps at most its cap a minute for the tab and counts the rest.
    const options = await openOptions(ext);
    const flooded = (await storedEntries(options)).filter((e) => e.host.endsWith('.attacker.example'));
    // The cap is per clock minute: a flood that the worker works through over more than one minute
    // (a loaded machine) has a cap for each; none holds more.
    const perMinute = new Map<number, number>();
    for (const e of flooded) perMinute.set(Math.floor(e.time / 60_000), (perMinute.get(Math.floor(e.time / 60_000)) ?? 0) + 1);
    console.info(`flood: ${flooded.length} audit entries (${flooded.filter((e) => e.type === 'block').length} blocks) in ${perMinute.size} clock minutes (${[...perMinute.values()].join(', ')}), tab count ${state.blocked}, ${state.findings.length} findings`);
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(AUDIT_MAX_PER_MINUTE_PER_TAB);
    expect(flooded.length).toBeLessThanOrEqual(perMinute.size * AUDIT_MAX_PER_MINUTE_PER_TAB);
    expect(flooded.length).toBeGreaterThan(0);
    await options.close();
    const sizeAfter = await localSize();
    console.info(`flood: storage.local ${sizeBefore} → ${sizeAfter} characters`);
    expect(sizeAfter - sizeBefore).toBeLessThan(1000);
    // The worker still decides as before, for this page and the next.
    expect(await blockState()).toEqual(before);
    await blocksHold(page);
    // The flooded page's later requests still show in the browser's network log (the hook's own
    // reports of this document are capped: see the failing test below); the next page's through the hook.
    await findingRecorded(page, 'network');
    await page.goto('https://hostile.example.com/lift.html');
    await blocksHold(page);
    await findingRecorded(page);
    await page.close();
  });

  it('(control of the failing test below) a same-origin frame stops a request naming the blocked model and lets an OpenAI model through', async () => {
    const page = await hostilePage();
    await page.evaluate(() => (window as any).frameBeforeStart('/lift.html'));
    const inFrame = (model: string) => page.evaluate(([u, m]) => (window as any).beforeStartFrame.contentWindow.askFetch(u, m), [OPENROUTER, model] as const);
    await expect.poll(() => inFrame('deepseek/deepseek-chat'), { timeout: 5000 }).toBe(FAILED_FETCH);
    expect(await inFrame('openai/gpt-4o')).toBe('ok 200');
    await page.close();
  });

  // Holes in the page hook (src/content/main-world, being changed by the lead), kept here as
  // failing tests so that each turns red (and is flipped to `it`) the day it is closed.

  // The hook calls built-ins the page can replace after start-up (from core/api-shape.ts,
  // json-prefix.ts, model-name.ts, model-block-match.ts, host-pattern.ts): a page sees the hook
  // through them and can make them lie only to it, which stops the page check (docs/policy.md
  // lists tampering as a limit, but the hook is meant to be invisible to pages).
  it.fails('the hook calls none of the built-ins a page can replace (natives.ts captured them)', async () => {
    const page = await hostilePage();
    await page.evaluate(() => (window as any).tamper());
    await blocksHold(page);
    expect(await page.evaluate(() => (window as any).hookCalls())).toEqual([]);
    await page.close();
  });

  // Both content scripts run in frames that stay at about:blank (manifest:
  // match_origin_as_fallback), so a fetch taken from one is hooked like the page's own.
  it('a fetch taken from an about:blank frame is stopped for the model it names too', async () => {
    const page = await hostilePage();
    expect(await page.evaluate((u) => (window as any).askFetch(u, 'deepseek/deepseek-chat', (window as any).blankFrameFetch()), OPENROUTER)).toBe(FAILED_FETCH);
    await page.close();
  });

  // core/api-shape.ts reads `match.model` and `scan.model` of objects that leave the key out, so
  // the page's Object.prototype.model takes the place of the model its body names.
  it('Object.prototype.model does not replace the model a request names', async () => {
    const page = await hostilePage();
    await page.evaluate(() => {
      (Object.prototype as any).model = 'openai/gpt-4o';
    });
    expect(await ask(page, OPENROUTER, 'deepseek/deepseek-chat')).toEqual({ seen: FAILED_FETCH, received: 0 });
    await page.close();
  });

  // The isolated script's report queue (src/content/report-queue.ts) caps the distinct reports
  // waiting to be sent, not all a document ever made: after a flood of made-up endpoints, the
  // hook's report of the same page's real request (the model a reseller request names) still
  // reaches the background.
  it('after a flood, the same page’s next request is still reported by the hook', async () => {
    const page = await hostilePage();
    await page.evaluate(() => (window as any).flood(1000, 0));
    await findingRecorded(page);
    await page.close();
  });

  // Requests the browser sends as it sends the plain form: a URL passed as an object (a String
  // object, an object with its own toString), a body as bytes (a Uint8Array), an init whose body
  // is inherited or a getter. The hook turns a URL object into a string once and passes that on
  // (natives.ts urlArgOf) and reads views of a buffer through captured getters; a body it could
  // read only by running page code (inherited, a getter) is a documented limit (docs/policy.md),
  // kept here as expected failures. Each form's positive control first.
  const FORMS = ['url-string-object', 'url-with-tostring', 'init-inherited', 'init-body-getter', 'body-bytes', 'xhr-url-string-object'] as const;

  it('each form below sends the request as the plain form does (the positive control of the failing tests below)', async () => {
    const page = await hostilePage();
    for (const form of FORMS) {
      const from = ext.server.requests.length;
      expect(await page.evaluate(([f, u]) => (window as any).askAs(f, u, 'openai/gpt-4o'), [form, OPENROUTER] as const), form).toBe('ok 200');
      expect(ext.server.requests.slice(from).filter((r) => r.host === 'openrouter.ai' && r.method === 'POST' && r.body.includes('openai/gpt-4o')), form).toHaveLength(1);
    }
    await page.close();
  });

  const LIMITS: readonly string[] = ['init-inherited', 'init-body-getter'];
  for (const form of FORMS) {
    (LIMITS.includes(form) ? it.fails : it)(`a request naming the blocked model is stopped in the form ${form} too`, async () => {
      const page = await hostilePage();
      const from = ext.server.requests.length;
      const seen = await page.evaluate(([f, u]) => (window as any).askAs(f, u, 'deepseek/deepseek-chat'), [form, OPENROUTER] as const);
      expect({ seen, received: ext.server.requests.slice(from).filter((r) => r.host === 'openrouter.ai' && r.method !== 'OPTIONS').length }).toEqual({
        seen: form.startsWith('xhr') ? 'failed xhr error (readyState 4, status 0)' : FAILED_FETCH,
        received: 0,
      });
      await page.close();
    });
  }

  // An iframe's initial about:blank Window is reused for its same-origin document, so capture
  // listeners a parent put on frame.contentWindow would hear any event of the handshake between
  // the hook and the isolated script that passes the Window (main-world/relay.ts). None does:
  // the parent hears nothing and cannot lift the model block in the frame.
  it('a page cannot catch its same-origin frame’s line to the hook and lift the model block there', async () => {
    const page = await hostilePage();
    const heard = await page.evaluate(() => (window as any).frameBeforeStart('/lift.html'));
    await expect.poll(() => page.evaluate(([u]) => (window as any).beforeStartFrame.contentWindow.askFetch(u, 'deepseek/deepseek-chat'), [OPENROUTER] as const), { timeout: 5000 }).toBe(FAILED_FETCH);
    const from = ext.server.requests.length;
    const lifted = await page.evaluate(([u]) => (window as any).liftInFrame(u, 'deepseek/deepseek-chat'), [OPENROUTER] as const);
    expect({ heard, lifted, received: ext.server.requests.slice(from).filter((r) => r.host === 'openrouter.ai' && r.method !== 'OPTIONS').length }).toEqual({ heard: [], lifted: FAILED_FETCH, received: 0 });
    await page.close();
  });
});
