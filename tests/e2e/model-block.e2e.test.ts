/**
 * A model's builder blocked through resellers (issue 16), in real Chromium with the built
 * extension: after "Block DeepSeek" or "Block China", a page's request to OpenRouter naming
 * `deepseek/deepseek-chat` is stopped in the page before it leaves (the fixture server receives
 * nothing, the page sees the browser's own network error), recorded as a block with the model and
 * the rule, while the same page's request naming an OpenAI model goes through. Each stopped case
 * has its positive control: the same request with nothing blocked arrives.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { storedEntries } from './harness/audit-entries.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, openPopup, tabIdOf, tabState } from './harness/extension.ts';
import { updateSettings } from './harness/settings.ts';
import { attachWebSocketEcho } from './harness/websocket-echo.ts';

const HOSTS = ['app.example.com', 'openrouter.ai', 'api.together.xyz', 'api.deepseek.com'];
const OPENROUTER = 'https://openrouter.ai/api/v1/chat/completions';
const TOGETHER = 'https://api.together.xyz/v1/chat/completions';
const NOTHING_BLOCKED = { blockedProviders: [], blockedCountries: [], blockedSites: [], allowedProviders: [], allowedCountries: [], allowedSites: [], blockedModelBuilders: [], blockedModelOrigins: [], blockLevel: 'off', mode: 'block' };

describe('a blocked builder’s models through resellers', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'openrouter.ai', 'api.together.xyz', 'api.deepseek.com');
    attachWebSocketEcho(ext.server, 'openrouter.ai', '/v1/realtime');
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    expect(await updateSettings(ext, NOTHING_BLOCKED)).toMatchObject({ ok: true });
  });

  async function modelsPage(): Promise<Page> {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/models.html');
    return page;
  }

  /** What the page saw for one request, and what the server received for it. */
  async function ask(page: Page, via: 'askFetch' | 'askXhr', url: string, model: string) {
    const before = ext.server.requests.length;
    const seen = await page.evaluate(([fn, u, m]) => (window as any)[fn!](u, m) as Promise<string>, [via, url, model] as const);
    const host = new URL(url).host;
    const received = ext.server.requests.slice(before).filter((r) => r.host === host && r.method === 'POST');
    return { seen, received: received.length };
  }

  it('"Block DeepSeek" stops fetch and XHR naming deepseek/deepseek-chat at OpenRouter, with the browser’s own error; an OpenAI model passes', async () => {
    const page = await modelsPage();
    // Positive control: nothing blocked, the request arrives.
    expect(await ask(page, 'askFetch', OPENROUTER, 'deepseek/deepseek-chat')).toEqual({ seen: 'ok 200', received: 1 });
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    await page.reload();
    expect(await ask(page, 'askFetch', OPENROUTER, 'deepseek/deepseek-chat')).toEqual({ seen: 'failed TypeError: Failed to fetch', received: 0 });
    expect(await ask(page, 'askXhr', OPENROUTER, 'deepseek/deepseek-chat')).toEqual({ seen: 'failed xhr error (readyState 4, status 0)', received: 0 });
    expect(await ask(page, 'askFetch', OPENROUTER, 'openai/gpt-4o')).toEqual({ seen: 'ok 200', received: 1 });
    // Recorded as blocks: the tab's count and the audit log, with the model and the rule.
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.blocked ?? 0, { timeout: 5000 }).toBe(2);
    const options = await openOptions(ext);
    // Like blocks are one entry with a count (audit-entry.ts).
    const stopped = async () => (await storedEntries(options)).filter((e) => e.type === 'block' && e.model === 'deepseek/deepseek-chat').reduce((n, e) => n + e.count, 0);
    await expect.poll(stopped, { timeout: 5000 }).toBe(2);
    const entry = (await storedEntries(options)).find((e) => e.type === 'block' && e.model === 'deepseek/deepseek-chat')!;
    expect(entry).toMatchObject({ host: 'openrouter.ai', providerId: 'openrouter', site: 'app.example.com', country: 'CN' });
    // Nothing was recorded as blocked for the OpenAI model.
    expect((await storedEntries(options)).some((e) => e.type === 'block' && e.model === 'openai/gpt-4o')).toBe(false);
    expect(entry.rule).toBe('user provider deepseek (model by DeepSeek)');
    await options.close();
    // DeepSeek's own API is blocked by the network rules; its card says what the block covers and what not.
    expect(await ask(page, 'askFetch', 'https://api.deepseek.com/chat/completions', 'deepseek-chat')).toEqual({ seen: 'failed TypeError: Failed to fetch', received: 0 });
    // The popup says on the reseller's card that requests naming DeepSeek's models are stopped here.
    const popup = await openPopup(ext, tabId);
    const card = popup.locator('article.card[data-provider="openrouter"]');
    await expect.poll(() => card.locator('[data-fact="model-stopped"]').allInnerTexts()).toEqual(["Stopped on this page: requests naming DeepSeek's models (page check)."]);
    expect(await card.locator('[data-model="openai/gpt-4o"]').count()).toBe(1);
    const own = popup.locator('article.card[data-provider="deepseek"]');
    await expect
      .poll(() => own.locator('[data-fact="block-covers"]').innerText())
      .toBe("Blocked: requests to DeepSeek's own services (network rules) and requests naming DeepSeek's models through resellers on pages (page check). Not covered: traffic from desktop apps and from pages that hide the model name.");
    await popup.close();
    await page.close();
  });

  it('"Block China" stops the same request; a model the database says Together serves itself passes there', async () => {
    const page = await modelsPage();
    expect(await updateSettings(ext, { blockedCountries: ['CN'] })).toMatchObject({ ok: true });
    await page.reload();
    expect(await ask(page, 'askFetch', OPENROUTER, 'deepseek/deepseek-chat')).toEqual({ seen: 'failed TypeError: Failed to fetch', received: 0 });
    expect(await ask(page, 'askFetch', OPENROUTER, 'anthropic/claude-sonnet-4')).toEqual({ seen: 'ok 200', received: 1 });
    // Open weights at a host that runs them itself (builderRouting.mayReachBuilder false) do not reach DeepSeek.
    expect(database.provider('together')?.builderRouting?.mayReachBuilder).toBe(false);
    expect(await ask(page, 'askFetch', TOGETHER, 'deepseek-ai/DeepSeek-V3')).toEqual({ seen: 'ok 200', received: 1 });
    await page.close();
  });

  it('"models built in China, wherever served" (blockedModelOrigins) stops the open-weight DeepSeek model at Together too', async () => {
    const page = await modelsPage();
    // Positive control under "Block China": Together runs it itself, the request arrives.
    expect(await updateSettings(ext, { blockedCountries: ['CN'] })).toMatchObject({ ok: true });
    await page.reload();
    expect(await ask(page, 'askXhr', TOGETHER, 'deepseek-ai/DeepSeek-V3')).toEqual({ seen: 'ok 200', received: 1 });
    expect(await updateSettings(ext, { blockedCountries: [], blockedModelOrigins: ['CN'] })).toMatchObject({ ok: true });
    await page.reload();
    expect(await ask(page, 'askFetch', TOGETHER, 'deepseek-ai/DeepSeek-V3')).toEqual({ seen: 'failed TypeError: Failed to fetch', received: 0 });
    expect(await ask(page, 'askXhr', TOGETHER, 'deepseek-ai/DeepSeek-V3')).toEqual({ seen: 'failed xhr error (readyState 4, status 0)', received: 0 });
    expect(await ask(page, 'askFetch', TOGETHER, 'meta-llama/Llama-3.3-70B-Instruct-Turbo')).toEqual({ seen: 'ok 200', received: 1 });
    // The options page offers the list, off by default, under its own heading.
    const options = await openOptions(ext);
    const group = options.locator('[data-list-group="model"]');
    await expect.poll(() => group.locator('h3').innerText()).toBe('Models, wherever they are served');
    expect(await group.innerText()).toContain('Models built in these countries');
    await options.close();
    await page.close();
  });

  it('a page cannot lift the page check or forge blocks: a fake list on its events changes nothing, a forged marker for an unblocked model is not recorded', async () => {
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const page = await modelsPage();
    const forged = JSON.stringify({ families: [], names: {}, prefixes: {}, namespaces: {}, forwarders: [] });
    await page.evaluate((detail) => {
      for (const target of [document, window, document.documentElement]) {
        target.dispatchEvent(new CustomEvent('ajg:rules', { detail, bubbles: true }));
        target.dispatchEvent(new CustomEvent('ajg:hello', { bubbles: true }));
      }
      // Tampering with what the hook might read later.
      (CustomEvent.prototype as any).__defineGetter__?.('detail', () => detail);
      JSON.parse = () => JSON.parse;
    }, forged);
    const options = await openOptions(ext);
    const stopped = async () => (await storedEntries(options)).filter((e) => e.type === 'block' && e.model === 'deepseek/deepseek-chat').reduce((n, e) => n + e.count, 0);
    const before = await stopped();
    // The page sends the marker itself, for a model nobody blocks: it fails (the rule is the extension's) but is not a block.
    await page.evaluate((u) => fetch(`${u}?ajg-model-block=openai%2Fgpt-4o`).catch(() => undefined), OPENROUTER);
    // Then a real one, recorded after it: once that is in the log, the forged one was handled too.
    expect(await ask(page, 'askFetch', OPENROUTER, 'deepseek/deepseek-chat')).toEqual({ seen: 'failed TypeError: Failed to fetch', received: 0 });
    await expect.poll(stopped, { timeout: 5000 }).toBe(before + 1);
    expect((await storedEntries(options)).some((e) => e.model === 'openai/gpt-4o' && e.type === 'block')).toBe(false);
    await options.close();
    await page.close();
  });

  it('a realtime socket naming a blocked builder’s model closes with an error before it connects; one naming an OpenAI model opens', async () => {
    const page = await modelsPage();
    const socket = async (model: string) => {
      const before = ext.server.requests.length;
      const seen = await page.evaluate((u) => (window as any).askSocket(u) as Promise<string>, `wss://openrouter.ai/v1/realtime?model=${model}`);
      return { seen, received: ext.server.requests.slice(before).filter((r) => r.host === 'openrouter.ai' && r.path.startsWith('/v1/realtime')).length };
    };
    // Positive control: nothing blocked, the socket connects.
    expect(await socket('deepseek/deepseek-chat')).toEqual({ seen: 'ok open', received: 1 });
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    await page.reload();
    expect(await socket('deepseek/deepseek-chat')).toEqual({ seen: 'failed error, close 1006 clean=false', received: 0 });
    expect(await socket('openai/gpt-4o-realtime-preview')).toEqual({ seen: 'ok open', received: 1 });
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.blocked ?? 0, { timeout: 5000 }).toBe(1);
    const options = await openOptions(ext);
    await expect.poll(async () => (await storedEntries(options)).some((e) => e.type === 'block' && e.model === 'deepseek/deepseek-chat' && e.kind === 'websocket'), { timeout: 5000 }).toBe(true);
    await options.close();
    await page.close();
  });

  it("a fetch from the page's very first script, before the list can have arrived, waits for it and is stopped", async () => {
    const page = await ext.newPage();
    const load = async () => {
      const before = ext.server.requests.length;
      await page.goto('https://app.example.com/early.html');
      const seen = await page.evaluate(() => (window as any).early as Promise<string>);
      return { seen, received: ext.server.requests.slice(before).filter((r) => r.host === 'openrouter.ai' && r.method === 'POST').length };
    };
    // Positive control: nothing blocked, it arrives.
    expect(await load()).toEqual({ seen: 'ok 200', received: 1 });
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    expect(await load()).toEqual({ seen: 'failed TypeError: Failed to fetch', received: 0 });
    await page.close();
  });

  it('warn mode stops nothing: the request goes and is only recorded', async () => {
    const page = await modelsPage();
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'], mode: 'warn' })).toMatchObject({ ok: true });
    await page.reload();
    expect(await ask(page, 'askFetch', OPENROUTER, 'deepseek/deepseek-chat')).toEqual({ seen: 'ok 200', received: 1 });
    await page.close();
  });
});
