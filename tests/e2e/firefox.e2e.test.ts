/**
 * The thin path in Firefox (firefox-esr, the dist/firefox build): a DeepSeek page gets a HIGH
 * badge and the popup names DeepSeek and China; a page without AI gets none; a blocked request
 * fails, never arrives, and is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../src/core/tab-state.ts';
import { answerChat } from './harness/ai-api.ts';
import { type FirefoxExtension, launchFirefox } from './harness/firefox.ts';

describe('Firefox: AI site → badge and popup', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launchFirefox();
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
  });

  /** The tab whose stored page is `url` (and that `which` picks), once the extension has recorded it. */
  async function recordedTab(url: string, which: (state: TabState) => boolean = () => true): Promise<number> {
    let tabId: number | undefined;
    await expect
      .poll(async () => {
        const session = await ff.extensionEval<Record<string, TabState>>('browser.storage.session.get(null)');
        tabId = Object.values(session).find((s) => s.url === url && which(s))?.tabId;
        return tabId;
      }, { timeout: 15_000 })
      .toBeTypeOf('number');
    return tabId!;
  }

  /** The audit log as the extension stored it (its IndexedDB, read in the extension's own context). */
  const auditEntries = () =>
    ff.extensionEval<Array<{ type: string; host: string; kind: string; model?: string; rule?: string }>>(
      `new Promise((resolve, reject) => { const open = indexedDB.open('audit-log'); open.onerror = () => reject(open.error); open.onsuccess = () => { const req = open.result.transaction('entries').objectStore('entries').getAll(); req.onsuccess = () => { resolve(req.result); open.result.close(); }; }; })`,
    );

  const badgeOf = (tabId: number) =>
    ff.extensionEval<{ text: string; title: string }>(
      `(async () => ({ text: await browser.action.getBadgeText({ tabId: ${tabId} }), title: await browser.action.getTitle({ tabId: ${tabId} }) }))()`,
    );

  it('marks a DeepSeek page HIGH and names DeepSeek and China in the popup', async () => {
    const url = ff.urlFor('chat.deepseek.com');
    await ff.openTab(url);
    expect(ff.server.requestsTo('chat.deepseek.com').map((r) => r.path)).toContain('/');
    const tabId = await recordedTab(url);
    await expect.poll(() => badgeOf(tabId)).toEqual({ text: 'HIGH', title: 'AI Jurisdiction Guard: High risk. AI on this page: DeepSeek (China).' });

    const popup = await ff.openTab(`${ff.extensionOrigin}popup.html?tab=${tabId}`);
    await expect
      .poll(() => ff.evaluate<string | null>(popup, `document.querySelector('.verdict h1')?.innerText ?? null`))
      .toBe('This page is DeepSeek Chat, run by DeepSeek (China).');
  });

  it('sees a page call an AI API through its fetch hook, with the model', async () => {
    ff.server.route('api.deepseek.com', '*', answerChat);
    const url = ff.urlFor('app.example.com', '/requests.html');
    const tab = await ff.openTab(url);
    const tabId = await recordedTab(url);
    const api = ff.urlFor('api.deepseek.com', '/chat/completions');
    const status = await ff.evaluate<number>(tab, `fetch(${JSON.stringify(api)}, { method: 'POST', body: JSON.stringify({ model: 'deepseek-chat', messages: [] }) }).then((r) => r.status)`);
    expect(status).toBe(200);
    await expect
      .poll(async () => {
        const state = await ff.extensionEval<Record<string, TabState>>('browser.storage.session.get(null)');
        const f = state[`tab:${tabId}`]?.findings.find((x) => x.kind === 'request' && x.host === 'api.deepseek.com');
        return f && { model: f.model, hook: f.via.includes('fetch') };
      }, { timeout: 10_000 })
      .toEqual({ model: 'deepseek-chat', hook: true });
    await expect.poll(async () => (await badgeOf(tabId)).text).toBe('HIGH');
  });

  it("hears the hook in every load: Firefox starts the isolated script a task after the hook, and the line waits for it", async () => {
    // Before the fix, the hook removed its line on a 0 ms timer that Firefox ran before the
    // isolated script, in about a third of the loads: the page's calls then had no hook report.
    ff.server.route('api.deepseek.com', '*', answerChat);
    const api = ff.urlFor('api.deepseek.com', '/chat/completions');
    for (let i = 0; i < 20; i++) {
      const earlier = new Set(Object.values(await ff.extensionEval<Record<string, TabState>>('browser.storage.session.get(null)')).map((s) => s.tabId));
      const tab = await ff.openTab(ff.urlFor('app.example.com', `/requests.html?load=${i}`));
      const tabId = await recordedTab(ff.urlFor('app.example.com', '/requests.html'), (s) => !earlier.has(s.tabId));
      const model = `deepseek-chat-${i}`;
      // What the page sees of the document is its own: no element of the extension's is left in it.
      expect(await ff.evaluate<string[]>(tab, `[...document.documentElement.children].map((e) => e.localName)`)).toEqual(['head', 'body']);
      expect(await ff.evaluate<number>(tab, `fetch(${JSON.stringify(api)}, { method: 'POST', body: JSON.stringify({ model: ${JSON.stringify(model)}, messages: [] }) }).then((r) => r.status)`)).toBe(200);
      await expect
        .poll(async () => {
          const state = await ff.extensionEval<Record<string, TabState>>('browser.storage.session.get(null)');
          return state[`tab:${tabId}`]?.findings.find((x) => x.kind === 'request' && x.model === model)?.via.includes('fetch');
        }, { timeout: 10_000, message: `load ${i}: the hook's report of the call` })
        .toBe(true);
      await ff.send('browsingContext.close', { context: tab });
    }
  });

  it('shows no risk for a page without AI', async () => {
    const url = ff.urlFor('news.example.com');
    await ff.openTab(url);
    const tabId = await recordedTab(url);
    await expect.poll(() => badgeOf(tabId)).toEqual({ text: '', title: 'AI Jurisdiction Guard: no AI service seen on this page.' });
  });

  it('blocks a provider the user blocks: the request fails and never reaches the server; unblocking restores it', async () => {
    ff.server.route('api.deepseek.com', '*', answerChat);
    const update = (patch: object) => ff.extensionEval<{ ok: boolean; error?: string }>(`browser.runtime.sendMessage({ type: 'ui-to-bg/update-settings', patch: ${JSON.stringify(patch)} })`);
    expect(await update({ blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const rules = await ff.extensionEval<{ rules: { error?: string; rules: number } }>(`browser.runtime.sendMessage({ type: 'ui-to-bg/get-settings' })`);
    expect(rules.rules.error).toBeUndefined();
    expect(rules.rules.rules).toBeGreaterThan(0);
    const tab = await ff.openTab(ff.urlFor('app.example.com', '/requests.html'));
    const api = ff.urlFor('api.deepseek.com', '/chat/completions');
    const before = ff.server.requestsTo('api.deepseek.com').length;
    const call = `fetch(${JSON.stringify(api)}, { method: 'POST', body: '{}' }).then((r) => 'ok ' + r.status, (e) => 'failed ' + e.name)`;
    expect(await ff.evaluate<string>(tab, call)).toBe('failed TypeError');
    expect(ff.server.requestsTo('api.deepseek.com').length).toBe(before);
    // Recorded as a block in the audit log, from Firefox's own error for it (NS_ERROR_ABORT).
    const blocks = async () => (await auditEntries()).filter((e) => e.type === 'block');
    await expect.poll(async () => (await blocks()).filter((e) => e.host === 'api.deepseek.com' && e.kind === 'xmlhttprequest').length, { timeout: 10_000 }).toBe(1);
    expect((await blocks()).find((e) => e.host === 'api.deepseek.com')?.rule).toBe('user provider deepseek');
    // A navigation to the blocked service lands on the block page.
    const nav = await ff.openTab(ff.urlFor('chat.deepseek.com'));
    await expect.poll(() => ff.evaluate<string>(nav, 'location.href'), { timeout: 10_000 }).toMatch(/^moz-extension:\/\/[^/]+\/blocked\.html#http/);
    await expect.poll(() => ff.evaluate<string | null>(nav, `document.querySelector('h1')?.innerText ?? null`)).toBe('DeepSeek is blocked');
    expect(await update({ blockedProviders: [] })).toMatchObject({ ok: true });
    expect(await ff.evaluate<string>(tab, call)).toBe('ok 200');
  });

  it("stops a page's request to a reseller naming a blocked builder's model, as in Chromium, and records it", async () => {
    ff.server.route('openrouter.ai', '*', answerChat);
    const update = (patch: object) => ff.extensionEval<{ ok: boolean; error?: string }>(`browser.runtime.sendMessage({ type: 'ui-to-bg/update-settings', patch: ${JSON.stringify(patch)} })`);
    const tab = await ff.openTab(ff.urlFor('app.example.com', '/requests.html'));
    const api = ff.urlFor('openrouter.ai', '/api/v1/chat/completions');
    const ask = (model: string) => `fetch(${JSON.stringify(api)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: ${JSON.stringify(model)}, messages: [] }) }).then((r) => 'ok ' + r.status, (e) => 'failed ' + e.name)`;
    const posts = () => ff.server.requestsTo('openrouter.ai').filter((r) => r.method === 'POST').length;
    // Positive control: nothing blocked, it arrives.
    let before = posts();
    expect(await ff.evaluate<string>(tab, ask('deepseek/deepseek-chat'))).toBe('ok 200');
    expect(posts()).toBe(before + 1);
    expect(await update({ blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    await expect.poll(() => ff.evaluate<string>(tab, ask('deepseek/deepseek-chat')), { timeout: 10_000 }).toBe('failed TypeError');
    before = posts();
    expect(await ff.evaluate<string>(tab, ask('deepseek/deepseek-chat'))).toBe('failed TypeError');
    expect(posts()).toBe(before);
    expect(await ff.evaluate<string>(tab, ask('openai/gpt-4o'))).toBe('ok 200');
    await expect.poll(async () => (await auditEntries()).find((e) => e.type === 'block' && e.model === 'deepseek/deepseek-chat')?.rule, { timeout: 10_000 }).toBe('user provider deepseek (model by DeepSeek)');
    expect((await auditEntries()).some((e) => e.type === 'block' && e.model === 'openai/gpt-4o')).toBe(false);
    expect(await update({ blockedProviders: [] })).toMatchObject({ ok: true });
  });

  it('allow once from the block page lets the site load for the session, as in Chromium', async () => {
    ff.server.route('chat.deepseek.com', '*', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>DeepSeek (fixture)</title><h1>DeepSeek chat</h1>');
    });
    const update = (patch: object) => ff.extensionEval<{ ok: boolean }>(`browser.runtime.sendMessage({ type: 'ui-to-bg/update-settings', patch: ${JSON.stringify(patch)} })`);
    expect(await update({ blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const nav = await ff.openTab(ff.urlFor('chat.deepseek.com', '/'));
    await expect.poll(() => ff.evaluate<string>(nav, 'location.href'), { timeout: 10_000 }).toMatch(/^moz-extension:\/\/[^/]+\/blocked\.html#http/);
    const button = `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Allow once for this site')`;
    await expect.poll(() => ff.evaluate<boolean>(nav, `Boolean(${button})`), { timeout: 10_000 }).toBe(true);
    await ff.evaluate(nav, `(${button}).click(), true`);
    await expect.poll(() => ff.evaluate<string>(nav, 'location.hostname'), { timeout: 10_000 }).toBe('chat.deepseek.com');
    await expect.poll(() => ff.evaluate<string | null>(nav, `document.querySelector('h1')?.textContent ?? null`)).toBe('DeepSeek chat');
    expect(await update({ blockedProviders: [] })).toMatchObject({ ok: true });
  });
});
