import { describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { onMessage } from '../../src/background/on-message.ts';
import { getTabState } from '../../src/background/tab-store.ts';
import type { FakeBrowser } from '../mocks/webextension-polyfill.ts';

const fake = browser as unknown as FakeBrowser;
const EXT = 'testextensionid';
const contentSender = (tabId: number, url: string, frameId = 0) => ({ id: EXT, tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, frameId, url });
const popupSender = { id: EXT, url: `chrome-extension://${EXT}/src/popup/index.html?tab=4` };
const DOC = '0123456789abcdef0123456789abcdef';
const pageSeen = (url: string, doc = DOC) => ({ type: 'content-to-bg/page-seen', url, doc });
const pageLeft = (doc = DOC) => ({ type: 'content-to-bg/page-left', doc });

describe('background message handling', () => {
  it('records an AI site in storage.session and sets the tab badge', async () => {
    await expect(onMessage(pageSeen('https://chat.deepseek.com/a'), contentSender(4, 'https://chat.deepseek.com/a'))).resolves.toEqual({ ok: true });
    const stored = await browser.storage.session.get('tab:4');
    expect(stored['tab:4']).toMatchObject({ tabId: 4, url: 'https://chat.deepseek.com/a', findings: [{ kind: 'site', providerId: 'deepseek', level: 'high' }] });
    expect(fake._test.badge.get(4)).toMatchObject({ text: 'HIGH', title: expect.stringContaining('DeepSeek (China)') });
  });

  it('clears the badge when the tab moves to a page without AI', async () => {
    await onMessage(pageSeen('https://chat.deepseek.com/'), contentSender(4, 'https://chat.deepseek.com/'));
    await onMessage(pageSeen('https://news.example/'), contentSender(4, 'https://news.example/'));
    expect(fake._test.badge.get(4)?.text).toBe('');
    expect((await getTabState(4))?.findings).toEqual([]);
  });

  it('trusts the browser-reported frame URL over the URL in the message', async () => {
    await onMessage(pageSeen('https://chat.deepseek.com/'), contentSender(4, 'https://news.example/'));
    expect((await getTabState(4))?.url).toBe('https://news.example/');
    expect(fake._test.badge.get(4)?.text).toBe('');
  });

  it('answers the popup with the stored state of the tab it asks for', async () => {
    await onMessage(pageSeen('https://chatgpt.com/'), contentSender(4, 'https://chatgpt.com/'));
    const state = await onMessage({ type: 'ui-to-bg/get-tab-state', tabId: 4 }, popupSender);
    expect(state).toMatchObject({ url: 'https://chatgpt.com/', findings: [{ providerId: 'openai', level: 'medium' }] });
    expect(await onMessage({ type: 'ui-to-bg/get-tab-state', tabId: 99 }, popupSender)).toBeNull();
  });

  it('refuses UI requests from content scripts and content reports from pages of other extensions', async () => {
    await onMessage(pageSeen('https://chat.deepseek.com/'), contentSender(4, 'https://chat.deepseek.com/'));
    // A page that made its content script ask for another tab's state gets nothing.
    expect(await onMessage({ type: 'ui-to-bg/get-tab-state', tabId: 4 }, contentSender(5, 'https://evil.example/'))).toEqual({
      ok: false,
      error: 'unknown content message type "ui-to-bg/get-tab-state"',
    });
    expect(await onMessage(pageSeen('https://chat.deepseek.com/'), { ...contentSender(6, 'https://chat.deepseek.com/'), id: 'other-extension' })).toBeUndefined();
    expect(await getTabState(6)).toBeUndefined();
  });

  it('loses no update when many frames report at once', async () => {
    await onMessage(pageSeen('https://news.example/'), contentSender(4, 'https://news.example/'));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => onMessage(pageSeen('https://chat.deepseek.com/'), contentSender(4, 'https://chat.deepseek.com/', i + 1))),
    );
    expect((await getTabState(4))?.findings).toMatchObject([{ kind: 'embed', count: 50 }]);
  });

  it('ignores reports without a tab or with a non-web URL', async () => {
    expect(await onMessage(pageSeen('https://chat.deepseek.com/'), { id: EXT, url: 'https://chat.deepseek.com/' })).toEqual({ ok: false });
    expect(await onMessage(pageSeen('https://x/'), contentSender(4, 'data:text/html,hi'))).toEqual({ ok: false });
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  it('forgets a page when its top document leaves, so the popup never shows it on the next page', async () => {
    await onMessage(pageSeen('https://chat.deepseek.com/'), contentSender(4, 'https://chat.deepseek.com/'));
    // Another document's pagehide (a frame's, or an older page's) does not end the tab's page.
    await onMessage(pageLeft('c'.repeat(32)), contentSender(4, 'https://chat.deepseek.com/'));
    expect(await getTabState(4)).toBeDefined();
    // Chrome reports the leaving main frame with a new frameId once the next page has committed.
    await onMessage(pageLeft(), contentSender(4, 'https://chat.deepseek.com/', 4));
    expect(await getTabState(4)).toBeUndefined();
    expect(await browser.storage.session.get(null)).toEqual({});
    expect(fake._test.badge.get(4)?.text).toBe('');
  });

  it("keeps the new page when the old page's pagehide arrives late", async () => {
    const newDoc = 'f'.repeat(32);
    await onMessage(pageSeen('https://chat.deepseek.com/'), contentSender(4, 'https://chat.deepseek.com/'));
    await onMessage(pageSeen('https://chat.deepseek.com/', newDoc), contentSender(4, 'https://chat.deepseek.com/'));
    await onMessage(pageLeft(DOC), contentSender(4, 'https://chat.deepseek.com/'));
    expect((await getTabState(4))?.doc).toBe(newDoc);
    expect(fake._test.badge.get(4)?.text).toBe('HIGH');
  });
});
