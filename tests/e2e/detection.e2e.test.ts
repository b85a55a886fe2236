/// <reference types="chrome" />
/**
 * Detection in real Chromium with the built extension: each kind of finding (the site itself,
 * embeds, requests from the page hook, requests only the browser sees, unknown AI endpoints),
 * what the badge then says, and what survives the service worker being stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/tab-state.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openPopup, stopServiceWorker, tabIdOf, tabState, toolbarBadge } from './harness/extension.ts';
import { attachWebSocketEcho } from './harness/websocket-echo.ts';

const HOSTS = [
  'chat.deepseek.com', 'news.example.com', 'app.example.com', 'shop.example.com', 'cdn.botpress.cloud',
  'openrouter.ai', 'api.deepseek.com', 'api.openai.com', 'llm.gateway.example.net',
];

describe('detection', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'openrouter.ai', 'api.deepseek.com', 'llm.gateway.example.net');
    attachWebSocketEcho(ext.server, 'api.openai.com', '/v1/realtime');
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function visit(url: string) {
    const page = await ext.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(ext, page);
    return { page, tabId };
  }

  /** Waits until the tab has a finding matching `where`, and returns it. */
  async function findingOf(tabId: number, where: Partial<Finding>): Promise<Finding> {
    let found: Finding | undefined;
    await expect
      .poll(async () => {
        const findings = (await tabState(ext, tabId))?.findings ?? [];
        found = findings.find((f) => Object.entries(where).every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v));
        return found !== undefined;
      }, { timeout: 10_000 })
      .toBe(true);
    return found!;
  }

  it('an AI chat embedded in an iframe is an embed finding, counted once by frame, DOM and network', async () => {
    const { tabId } = await visit('https://news.example.com/embed.html');
    const f = await findingOf(tabId, { kind: 'embed', host: 'chat.deepseek.com' });
    expect(f.providerId).toBe('deepseek');
    await expect.poll(async () => (await findingOf(tabId, { kind: 'embed', host: 'chat.deepseek.com' })).via.length).toBeGreaterThanOrEqual(2);
    expect((await findingOf(tabId, { kind: 'embed', host: 'chat.deepseek.com' })).count).toBe(1);
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
  });

  it('a page calling an aggregator names the aggregator and the upstream model builder', async () => {
    const { page, tabId } = await visit('https://app.example.com/aggregator.html');
    await expect.poll(() => page.locator('#out').innerText()).toContain('answer from');
    const open = await findingOf(tabId, { kind: 'request', host: 'openrouter.ai', model: 'deepseek/deepseek-chat' });
    expect(open).toMatchObject({ providerId: 'openrouter', shape: 'openai-chat', path: '/api/v1/chat/completions' });
    expect(open.via).toContain('fetch');
    const closed = await findingOf(tabId, { kind: 'request', host: 'openrouter.ai', model: 'bytedance/doubao-1.5-pro-32k' });
    expect(closed.count).toBe(1);
    // Doubao's weights are closed: only ByteDance serves it, so the tab is high risk.
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    // The worst flow first: DeepSeek's open model may reach DeepSeek through OpenRouter (builderRouting).
    expect((await toolbarBadge(ext, tabId)).title).toMatch(/OpenRouter \(United States\) → DeepSeek \(China\)/);
    const popup = await openPopup(ext, tabId);
    const card = popup.locator('article.card[data-provider="openrouter"]');
    await expect.poll(() => card.locator('.card-head').innerText()).toContain('High risk');
    const evidence = await card.locator('.evidence').textContent();
    expect(evidence).toContain('naming model bytedance/doubao-1.5-pro-32k');
    expect(evidence).toContain('naming model deepseek/deepseek-chat');
    expect(await card.locator('[data-model="bytedance/doubao-1.5-pro-32k"]').innerText()).toMatch(/by ByteDance.* \(China\), closed weights/);
    expect(await card.locator('[data-model="deepseek/deepseek-chat"]').innerText()).toContain('DeepSeek (China), open weights');
    // The API received the whole body: the hook did not change the request.
    const sent = ext.server.requestsTo('openrouter.ai').filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body).model);
    expect(sent.sort()).toEqual(['bytedance/doubao-1.5-pro-32k', 'deepseek/deepseek-chat']);
  });

  it('a WebSocket chat is a request finding with the model from its URL', async () => {
    const { page, tabId } = await visit('https://app.example.com/websocket.html');
    await expect.poll(() => page.locator('#out').innerText()).toContain('response.create');
    const f = await findingOf(tabId, { kind: 'request', host: 'api.openai.com' });
    expect(f).toMatchObject({ providerId: 'openai', model: 'gpt-4o-realtime-preview', shape: 'openai-realtime' });
    expect(f.via).toContain('websocket');
    expect(f.count).toBe(1);
  });

  it('a request from a Web Worker is seen by the browser network log', async () => {
    const { page, tabId } = await visit('https://app.example.com/worker.html');
    await expect.poll(() => page.locator('#out').innerText()).toContain('answer from deepseek-chat');
    const f = await findingOf(tabId, { kind: 'request', host: 'api.deepseek.com' });
    expect(f.via).toEqual(['network']);
    expect(f.model).toBe('deepseek-chat');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
  });

  it('an AI API on an unknown host is an unknown-endpoint finding; an ordinary API is nothing', async () => {
    const { page, tabId } = await visit('https://app.example.com/gateway.html');
    await expect.poll(() => page.locator('#out').innerText()).toBe('answered');
    const f = await findingOf(tabId, { kind: 'unknown-endpoint', host: 'llm.gateway.example.net' });
    expect(f).toMatchObject({ model: 'qwen2.5-72b-instruct', shape: 'openai-chat', path: '/v1/chat/completions' });
    expect(f.providerId).toBeUndefined();
    const findings = (await tabState(ext, tabId))!.findings;
    expect(findings.map((x) => x.path)).not.toContain('/api/messages');
    expect((await toolbarBadge(ext, tabId)).text).toBe('?');
  });

  it('a chat widget added 2 s after load is found by its script and its page global', async () => {
    const { tabId } = await visit('https://shop.example.com/');
    const before = (await tabState(ext, tabId))?.findings ?? [];
    expect(before.filter((f) => f.host === 'cdn.botpress.cloud')).toEqual([]);
    const script = await findingOf(tabId, { kind: 'embed', host: 'cdn.botpress.cloud' });
    expect(script).toMatchObject({ providerId: 'botpress', productId: 'botpress-webchat' });
    // The DOM watcher and the network log both see the script; one load, counted once.
    await expect.poll(async () => (await findingOf(tabId, { kind: 'embed', host: 'cdn.botpress.cloud' })).via.sort()).toEqual(['network', 'script']);
    expect((await findingOf(tabId, { kind: 'embed', host: 'cdn.botpress.cloud' })).count).toBe(1);
    const marker = await findingOf(tabId, { kind: 'embed', marker: 'global:botpress' });
    expect(marker).toMatchObject({ productId: 'botpress-webchat', host: 'shop.example.com' });
    await findingOf(tabId, { kind: 'embed', marker: 'selector:.bpFab' });
  });

  it('EventSource, sendBeacon and a fetch of a Request object are request findings, each counted once', async () => {
    ext.server.route('api.deepseek.com', '/v1/stream', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'access-control-allow-origin': '*' });
      res.end('data: hello\n\n');
    });
    const { page, tabId } = await visit('https://app.example.com/requests.html');
    type Page = { streamAnswer(): Promise<string>; beaconFeedback(): boolean; askWithRequest(): Promise<number> };
    expect(await page.evaluate(() => (window as unknown as Page).streamAnswer())).toBe('message');
    expect(await page.evaluate(() => (window as unknown as Page).beaconFeedback())).toBe(true);
    expect(await page.evaluate(() => (window as unknown as Page).askWithRequest())).toBe(200);
    // The network log reports at once, the page hook within its report interval.
    await expect.poll(async () => (await findingOf(tabId, { kind: 'request', host: 'api.deepseek.com' })).via).toContain('eventsource');
    await expect.poll(async () => (await findingOf(tabId, { kind: 'request', host: 'api.openai.com', model: 'gpt-4o-mini' })).via).toContain('beacon');
    // The hook (from the Request's recorded body) and the network log: one finding, with the model.
    await expect.poll(async () => (await findingOf(tabId, { kind: 'request', host: 'openrouter.ai', model: 'moonshotai/moonshot-v1-8k' })).via.sort()).toEqual(['fetch', 'network']);
    expect((await findingOf(tabId, { kind: 'request', host: 'openrouter.ai', model: 'moonshotai/moonshot-v1-8k' })).count).toBe(1);
    expect((await tabState(ext, tabId))!.findings.filter((f) => f.host === 'openrouter.ai')).toHaveLength(1);
  });

  it('a page without AI has no finding and no badge', async () => {
    const { page, tabId } = await visit('https://news.example.com/');
    await expect.poll(async () => (await tabState(ext, tabId))?.url).toBe('https://news.example.com/');
    await page.waitForTimeout(600);
    expect((await tabState(ext, tabId))?.findings).toEqual([]);
    expect((await toolbarBadge(ext, tabId)).text).toBe('');
  });

  it('stopping the service worker mid-visit loses no finding', async () => {
    const { page, tabId } = await visit('https://app.example.com/requests.html');
    await page.evaluate(() => (window as unknown as { askDeepSeek(): Promise<number> }).askDeepSeek());
    await findingOf(tabId, { kind: 'request', host: 'api.deepseek.com' });
    await stopServiceWorker(ext);
    await page.evaluate(() => (window as unknown as { askDeepSeek(): Promise<number> }).askDeepSeek());
    await expect.poll(async () => (await findingOf(tabId, { kind: 'request', host: 'api.deepseek.com' })).count).toBe(2);
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
  });

  it('navigating to another page clears the findings', async () => {
    const { page, tabId } = await visit('https://app.example.com/requests.html');
    await page.evaluate(() => (window as unknown as { askDeepSeek(): Promise<number> }).askDeepSeek());
    await findingOf(tabId, { kind: 'request', host: 'api.deepseek.com' });
    await page.goto('https://news.example.com/');
    await expect.poll(async () => (await tabState(ext, tabId))?.url).toBe('https://news.example.com/');
    expect((await tabState(ext, tabId))?.findings).toEqual([]);
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('');
  });
});
