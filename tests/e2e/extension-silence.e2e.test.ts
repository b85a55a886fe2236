/// <reference types="chrome" />
/**
 * The extension itself sends nothing anywhere: over a run that detects AI on several pages and
 * opens the popup and options, its service worker makes no network request and its own pages
 * load only their own files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, openPopup, tabIdOf, toolbarBadge } from './harness/extension.ts';
import { watchServiceWorkerNetwork } from './harness/extension-network.ts';

const HOSTS = ['chat.deepseek.com', 'news.example.com', 'app.example.com', 'shop.example.com', 'cdn.botpress.cloud', 'openrouter.ai', 'api.deepseek.com'];

describe('the extension phones nobody', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'openrouter.ai', 'api.deepseek.com');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('makes no request of its own during a whole visit', async () => {
    const watch = await watchServiceWorkerNetwork(ext);
    const extensionPageRequests: string[] = [];
    ext.context.on('request', (r) => {
      // Service-worker requests have no frame (they are watched above); pages' requests do.
      if (r.serviceWorker()) return;
      if (r.frame().url().startsWith('chrome-extension://')) extensionPageRequests.push(r.url());
    });
    for (const url of ['https://chat.deepseek.com/', 'https://news.example.com/embed.html', 'https://app.example.com/aggregator.html', 'https://app.example.com/worker.html', 'https://shop.example.com/']) {
      const page = await ext.newPage();
      await page.goto(url);
      const tabId = await tabIdOf(ext, page);
      await expect.poll(async () => (await toolbarBadge(ext, tabId)).text, { timeout: 10_000 }).not.toBe('');
      await (await openPopup(ext, tabId)).waitForSelector('.verdict');
    }
    await (await openOptions(ext)).waitForLoadState('load');
    expect(watch.urls).toEqual([]);
    expect(extensionPageRequests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
    // The watch does see requests: one made on purpose from the worker shows up.
    await watch.evaluate(`fetch('https://news.example.com/?from-worker').then(() => 0, () => 0)`);
    await expect.poll(() => watch.urls).toEqual(['https://news.example.com/?from-worker']);
  });
});
