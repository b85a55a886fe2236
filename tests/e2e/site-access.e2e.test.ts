/// <reference types="chrome" />
/**
 * Withheld site access in real Chromium, in English and Simplified Chinese. Chrome lets people
 * limit an extension's "Site access" (on click, on specific sites) in chrome://extensions; the test
 * sets it there the same way that page does (chrome.developerPrivate, which only chrome://extensions
 * has). With all access granted no notice shows; withheld, the popup and options page say what
 * stops working and offer the button; with only this site allowed, the popup has nothing to say and
 * the options page still does; back to all sites, the notice goes. Both themes, checked with axe.
 * Firefox, where the button's request is also clicked and granted: firefox-permissions.e2e.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { type HostAccess, openOptions, openPopup, setSiteAccess, tabIdOf, tabState } from './harness/extension.ts';
import { checkBothThemes } from './harness/ui-checks.ts';
import { elementShot } from './harness/warning-banner.ts';

const RUNS = [
  {
    lang: 'en',
    args: [] as string[],
    siteTitle: '⚠ Not allowed to check chat.deepseek.com',
    webTitle: '⚠ Not allowed to check all websites',
    action: 'Allow on all websites',
    verdict: 'This page is DeepSeek Chat, run by DeepSeek (China).',
  },
  {
    lang: 'zh-CN',
    args: ['--lang=zh-CN'],
    siteTitle: '⚠ 无权检查 chat.deepseek.com',
    webTitle: '⚠ 无权检查所有网站',
    action: '允许访问所有网站',
    verdict: undefined,
  },
] as const;

for (const run of RUNS) {
  describe(`site access withheld in Chromium (${run.lang})`, () => {
    let ext: ExtensionBrowser;
    beforeAll(async () => {
      ext = await launchExtension({ hosts: ['chat.deepseek.com'], args: [...run.args] });
    });
    afterAll(async () => {
      await ext?.close();
    });

    const siteAccess = (hostAccess: HostAccess, site?: string) => setSiteAccess(ext, hostAccess, site);

    const granted = async () => (await ext.extensionPage()).evaluate(() => Promise.all(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'].map((o) => chrome.permissions.contains({ origins: [o] }))));

    async function visitDeepSeek(): Promise<number> {
      const page = await ext.newPage();
      await page.goto('https://chat.deepseek.com/');
      const tabId = await tabIdOf(ext, page);
      await expect.poll(async () => (await tabState(ext, tabId))?.url, { timeout: 10_000 }).toBe('https://chat.deepseek.com/');
      return tabId;
    }

    async function popupOf(tabId: number): Promise<Page> {
      const popup = await openPopup(ext, tabId);
      await expect.poll(() => popup.locator('main').getAttribute('data-status')).not.toBe('loading');
      await popup.waitForTimeout(300);
      return popup;
    }

    const notice = (page: Page) => page.locator('.access-notice, [data-banner="access"]');

    it('with all access granted, the popup and options page show no notice', async () => {
      expect(await granted()).toEqual([true, true, true, true]);
      const popup = await popupOf(await visitDeepSeek());
      await expect.poll(() => popup.locator('.verdict').count()).toBe(1);
      if (run.verdict) expect(await popup.locator('.verdict h1').innerText()).toBe(run.verdict);
      expect(await notice(popup).count()).toBe(0);
      const options = await openOptions(ext);
      await expect.poll(() => options.locator('#protection, .panel').count()).toBeGreaterThan(0);
      expect(await notice(options).count()).toBe(0);
    });

    it('withheld ("on click"): the popup names the site and what stops working; the options page too; both themes', async () => {
      await siteAccess('ON_CLICK');
      expect(await granted()).toEqual([false, false, false, false]);
      const tabId = await visitDeepSeek();
      const popup = await popupOf(tabId);
      await expect.poll(() => popup.locator('.access-notice').getAttribute('data-access')).toBe('site');
      expect(await popup.locator('.access-notice h2').innerText()).toBe(run.siteTitle);
      expect(await popup.locator('.access-notice button').allInnerTexts()).toEqual([run.action]);
      expect(await popup.locator('[data-state="no-ai"]').count()).toBe(0);
      await checkBothThemes(popup, `site-access-popup-${run.lang}`);

      const options = await openOptions(ext);
      await expect.poll(() => options.locator('[data-banner="access"]').getAttribute('data-access')).toBe('web');
      expect(await options.locator('[data-banner="access"] h2').innerText()).toBe(run.webTitle);
      expect(await options.locator('[data-banner="access"] button').allInnerTexts()).toEqual([run.action]);
      // The whole options page through axe once (it is long and slow to check); the banner itself in both themes.
      if (run.lang === 'en') await checkBothThemes(options, `site-access-options-${run.lang}`);
      for (const colorScheme of ['dark', 'light'] as const) {
        await options.emulateMedia({ colorScheme });
        await elementShot(options.locator('[data-banner="access"]'), `site-access-options-banner-${run.lang}-${colorScheme}`);
      }
      // axe over the whole options page, twice, takes half a minute on a busy 2-core machine.
    }, 150_000);

    it('only this site allowed: the popup has nothing to say, the options page still does; all sites again: no notice', async () => {
      await siteAccess('ON_SPECIFIC_SITES', 'https://chat.deepseek.com/*');
      const popup = await popupOf(await visitDeepSeek());
      await expect.poll(() => popup.locator('.verdict').count(), { timeout: 10_000 }).toBe(1);
      expect(await notice(popup).count()).toBe(0);
      const options = await openOptions(ext);
      await expect.poll(() => options.locator('[data-banner="access"]').getAttribute('data-access')).toBe('web');
      // Back to all sites: the open options page follows at once (permissions.onAdded).
      await siteAccess('ON_ALL_SITES');
      expect(await granted()).toEqual([true, true, true, true]);
      await expect.poll(() => notice(options).count()).toBe(0);
    });
  });
}
