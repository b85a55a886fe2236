import { beforeEach, describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { onMessage } from '../../src/background/on-message.ts';
import { showBadge } from '../../src/background/show-badge.ts';
import { getTabState, onTabStateCommitted, removeTabState } from '../../src/background/tab-store.ts';
import type { FakeBrowser } from '../mocks/webextension-polyfill.ts';
import { docId } from './helpers.ts';
import { expectConsole } from './quiet-console.ts';

const fake = browser as unknown as FakeBrowser;
const EXT = 'testextensionid';
const TOP = docId('1');
type Sender = { id: string; tab?: { id: number }; frameId?: number; url?: string; documentLifecycle?: string };
const contentSender = (tabId: number, url: string, frameId = 0, documentLifecycle = 'active'): Sender => ({ id: EXT, tab: { id: tabId }, frameId, url, documentLifecycle });
const popupSender: Sender = { id: EXT, url: `chrome-extension://${EXT}/popup.html?tab=4` };
const pageSeen = (doc = TOP) => ({ type: 'content-to-bg/page-seen', doc });
const pageLeft = (doc = TOP) => ({ type: 'content-to-bg/page-left', doc });
const send = (message: unknown, sender: Sender) => onMessage(message, sender as never);

// The worker registers this at start-up (src/background/index.ts); the fake is reset per test.
let badgeWrites = 0;
beforeEach(() => {
  badgeWrites = 0;
  onTabStateCommitted(async (change) => {
    const before = fake._test.badge.get(change.tabId)?.title;
    await showBadge(change);
    if (fake._test.badge.get(change.tabId)?.title !== before || change.next?.doc !== change.prev?.doc) badgeWrites++;
  });
});

describe('background message handling', () => {
  it('records an AI site in storage.session and sets the tab badge', async () => {
    await expect(send(pageSeen(), contentSender(4, 'https://chat.deepseek.com/a?q=secret'))).resolves.toEqual({ ok: true });
    const stored = await browser.storage.session.get('tab:4');
    expect(stored['tab:4']).toMatchObject({ tabId: 4, url: 'https://chat.deepseek.com/a', findings: [{ kind: 'site', providerId: 'deepseek' }] });
    expect(JSON.stringify(stored)).not.toContain('secret');
    expect(fake._test.badge.get(4)).toMatchObject({ text: 'HIGH', title: expect.stringContaining('DeepSeek (China)') });
  });

  it('sets an empty badge and a "no AI" tooltip on a page without AI', async () => {
    await send(pageSeen(), contentSender(4, 'https://chat.deepseek.com/'));
    await send(pageSeen(docId('2')), contentSender(4, 'https://news.example/'));
    expect(fake._test.badge.get(4)).toMatchObject({ text: '', title: 'AI Jurisdiction Guard: no AI service seen on this page.' });
    expect((await getTabState(4))?.findings).toEqual([]);
  });

  it('takes the page URL from the browser, and refuses oversized or non-web ones', async () => {
    await send(pageSeen(), contentSender(4, 'https://news.example/'));
    expect((await getTabState(4))?.url).toBe('https://news.example/');
    expect(await send(pageSeen(), contentSender(5, `https://chat.deepseek.com/${'x'.repeat(9000)}`))).toEqual({ ok: false });
    expect(await send(pageSeen(), contentSender(5, 'data:text/html,hi'))).toEqual({ ok: false });
    expect(await send(pageSeen(), { id: EXT, tab: { id: 5 } })).toEqual({ ok: false });
    expect(await getTabState(5)).toBeUndefined();
  });

  it('ignores documents that are not what the tab shows (prerendering, cached, unloading)', async () => {
    for (const lifecycle of ['prerender', 'cached', 'pending_deletion']) {
      expect(await send(pageSeen(), contentSender(4, 'https://chat.deepseek.com/', 7, lifecycle))).toEqual({ ok: false });
    }
    expect(await getTabState(4)).toBeUndefined();
    // Firefox does not report a lifecycle: its reports count.
    const { documentLifecycle: _, ...firefoxSender } = contentSender(4, 'https://chat.deepseek.com/');
    expect(await send(pageSeen(), firefoxSender)).toEqual({ ok: true });
  });

  it('answers the popup with the stored state of the tab it asks for', async () => {
    await send(pageSeen(), contentSender(4, 'https://chatgpt.com/'));
    const state = await send({ type: 'ui-to-bg/get-tab-state', tabId: 4 }, popupSender);
    expect(state).toMatchObject({ url: 'https://chatgpt.com/', findings: [{ providerId: 'openai' }] });
    expect(await send({ type: 'ui-to-bg/get-tab-state', tabId: 99 }, popupSender)).toBeNull();
  });

  it('refuses UI requests from content scripts and reports from other extensions', async () => {
    const warn = expectConsole('warn');
    await send(pageSeen(), contentSender(4, 'https://chat.deepseek.com/'));
    // A page that made its content script ask for another tab's state gets nothing.
    expect(await send({ type: 'ui-to-bg/get-tab-state', tabId: 4 }, contentSender(5, 'https://evil.example/'))).toEqual({
      ok: false,
      error: 'unknown content message type "ui-to-bg/get-tab-state"',
    });
    expect(await send(pageSeen(), { ...contentSender(6, 'https://chat.deepseek.com/'), id: 'other-extension' })).toBeUndefined();
    expect(await getTabState(6)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('message refused:', 'unknown content message type "ui-to-bg/get-tab-state"', 'from', 'https://evil.example/');
  });

  it('loses no report when many frames report at once, and writes storage far less often', async () => {
    await send(pageSeen(), contentSender(4, 'https://news.example/'));
    let writes = 0;
    const set = browser.storage.session.set.bind(browser.storage.session);
    browser.storage.session.set = async (items) => (writes++, set(items));
    await Promise.all(Array.from({ length: 200 }, (_, i) => send(pageSeen(docId('f')), contentSender(4, 'https://chat.deepseek.com/', i + 1))));
    expect((await getTabState(4))?.findings).toMatchObject([{ kind: 'embed', count: 200 }]);
    expect(writes).toBeLessThanOrEqual(2);
  });

  it('does no storage or badge work for frames without AI', async () => {
    await send(pageSeen(), contentSender(4, 'https://news.example/'));
    const writesBefore = badgeWrites;
    let storageWrites = 0;
    const set = browser.storage.session.set.bind(browser.storage.session);
    browser.storage.session.set = async (items) => (storageWrites++, set(items));
    await Promise.all(Array.from({ length: 50 }, (_, i) => send(pageSeen(docId('e')), contentSender(4, 'https://ads.example/', i + 1))));
    expect(storageWrites).toBe(0);
    expect(badgeWrites).toBe(writesBefore);
  });

  describe('when a document leaves', () => {
    it('forgets the page when its top document leaves, so the popup never shows it on the next page', async () => {
      await send(pageSeen(), contentSender(4, 'https://chat.deepseek.com/'));
      // Another document's pagehide (a frame's, or an older page's) does not end the tab's page.
      await send(pageLeft(docId('c')), contentSender(4, 'https://chat.deepseek.com/'));
      expect(await getTabState(4)).toBeDefined();
      // Chrome reports the leaving main frame with a new frameId once the next page has committed.
      await send(pageLeft(), contentSender(4, 'https://chat.deepseek.com/', 4, 'pending_deletion'));
      expect(await getTabState(4)).toBeUndefined();
      expect(await browser.storage.session.get(null)).toEqual({});
      expect(fake._test.badge.get(4)?.text).toBe('');
    });

    it("keeps the new page when the old page's pagehide arrives late", async () => {
      const newDoc = docId('f');
      await send(pageSeen(), contentSender(4, 'https://chat.deepseek.com/'));
      await send(pageSeen(newDoc), contentSender(4, 'https://chat.deepseek.com/'));
      await send(pageLeft(TOP), contentSender(4, 'https://chat.deepseek.com/', 9, 'pending_deletion'));
      expect((await getTabState(4))?.doc).toBe(newDoc);
      expect(fake._test.badge.get(4)?.text).toBe('HIGH');
    });
  });

  it('does not bring back the state of a tab closed while a report was being stored', async () => {
    const pending = send(pageSeen(), contentSender(4, 'https://chat.deepseek.com/'));
    const closed = removeTabState(4);
    await Promise.all([pending, closed]);
    expect(await getTabState(4)).toBeUndefined();
  });
});
