/// <reference types="chrome" />
/**
 * The in-page warning in real Chromium. Its root is closed, so neither the page nor Playwright's
 * locators (which pierce open roots only) can read it: the test reads it through the DevTools
 * protocol (DOM.getDocument with `pierce: true` returns closed shadow roots too) and clicks its
 * buttons at their on-screen box with a real (trusted) mouse click.
 */
import type { CDPSession, Page } from 'playwright-core';
import { bannerNodes, bannerText, clickBannerButton, walk } from './harness/warning-banner.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WARNING_DISMISSED_KEY } from '../../src/core/constants.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { screenshot, tabIdOf, tabState } from './harness/extension.ts';
import { updateSettings } from './harness/settings.ts';

const HOSTS = ['chat.deepseek.com', 'api.deepseek.com', 'app.example.com', 'news.example.com'];
const DEEPSEEK_LINE = 'DeepSeek (China): under the National Intelligence Law (Art. 7, Art. 14), the state can require the company to hand over what you type.';

/** A page that sends requests to DeepSeek's API and has a text box whose input it records. */
const COMPOSE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Compose</title>
<style>body{margin:0;font:16px sans-serif} textarea{display:block;margin:40px;width:300px;height:80px}</style></head>
<body><h1>Write a message</h1><textarea aria-label="Message"></textarea>
<script>
  window.seen = '';
  document.querySelector('textarea').addEventListener('input', (e) => { window.seen = e.target.value; });
  fetch('https://api.deepseek.com/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'deepseek-chat' }) });
</script></body></html>`;

describe('in-page warning', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'api.deepseek.com');
    for (const host of ['app.example.com', 'news.example.com']) {
      ext.server.route(host, '/compose.html', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(COMPOSE_PAGE);
      });
    }
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    expect(await updateSettings(ext, { mode: 'warn', showWarning: true, blockedProviders: [] })).toMatchObject({ ok: true });
    await (await ext.extensionPage()).evaluate((key) => chrome.storage.local.remove(key), WARNING_DISMISSED_KEY);
  });

  async function open(url: string): Promise<{ page: Page; cdp: CDPSession }> {
    const page = await ext.newPage();
    await page.goto(url);
    return { page, cdp: await ext.context.newCDPSession(page) };
  }

  /** Waits until the page has been recorded and a warning would have had time to show. */
  async function settled(page: Page): Promise<void> {
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.url).toBe(page.url().replace(/[?#].*$/, ''));
    await page.waitForTimeout(1000);
  }

  it('warns on a high-risk AI product in a closed shadow root the page can neither read nor style', async () => {
    const { page, cdp } = await open('https://chat.deepseek.com/');
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    const nodes = (await bannerNodes(cdp))!;
    expect(nodes.buttons.map((b) => b.nodeValue)).toEqual(['Details', "Don't warn on this site"]);
    const inside = (nodes.host.shadowRoots ?? []).flatMap((r) => [...walk(r)]);
    expect(inside.some((n) => n.nodeType === 3 && n.nodeValue === 'AI Jurisdiction Guard')).toBe(true);
    // What the page's own script can find: the host element, with no shadow root and no text.
    const seenByPage = await page.evaluate(() => {
      const host = document.querySelector('[data-ajg-warning]');
      return {
        found: host !== null,
        shadowRoot: host ? host.shadowRoot : 'no host',
        bodyText: document.body.innerText,
        allText: document.documentElement.innerText + document.documentElement.textContent,
        hostText: host?.textContent,
      };
    });
    expect(seenByPage).toMatchObject({ found: true, shadowRoot: null, hostText: '' });
    expect(seenByPage.bodyText).not.toContain('National Intelligence Law');
    expect(seenByPage.allText).not.toContain('National Intelligence Law');
    // Page styles do not reach into it: a page rule hiding every div and button changes nothing.
    await page.addStyleTag({ content: 'div, button, p { display: none !important; color: red !important; }' });
    const box = (await cdp.send('DOM.getBoxModel', { backendNodeId: nodes.buttons[0]!.backendNodeId })) as { model: { width: number } };
    expect(box.model.width).toBeGreaterThan(20);
    await screenshot(page, 'warning-banner-deepseek');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'warning-banner-deepseek-dark');
  });

  it('typing is not held up: the page gets every character, keeps focus and its layout', async () => {
    const { page, cdp } = await open('https://app.example.com/compose.html');
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.some((f) => f.host === 'api.deepseek.com')).toBe(true);
    // Nothing yet: the page itself is not an AI product, and the user has not typed. Events the
    // page makes up itself do not count as typing.
    await page.evaluate(() => {
      const box = document.querySelector('textarea')!;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'x' }));
      box.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(1000);
    expect(await bannerText(cdp)).toBeNull();
    const textarea = page.locator('textarea');
    const before = await textarea.boundingBox();
    await textarea.click();
    await page.keyboard.type('hello world, this is private');
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    await page.keyboard.type(' and more');
    expect(await page.evaluate(() => (window as unknown as { seen: string }).seen)).toBe('hello world, this is private and more');
    expect(await textarea.inputValue()).toBe('hello world, this is private and more');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await textarea.boundingBox()).toEqual(before);
    await screenshot(page, 'warning-banner-typing');
  });

  it('a page cannot dismiss it, not even with a click dispatched on the button itself', async () => {
    const { page, cdp } = await open('https://chat.deepseek.com/');
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    await page.evaluate(() => {
      const host = document.querySelector('[data-ajg-warning]') as HTMLElement;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      document.elementFromPoint(innerWidth - 40, 30)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    // Stronger than any page could do: DevTools hands the button itself to the page's world,
    // and a script clicks it. The click is not trusted, so it does nothing.
    const dismiss = (await bannerNodes(cdp))!.buttons.find((b) => b.nodeValue === "Don't warn on this site")!;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: dismiss.backendNodeId })) as { object: { objectId: string } };
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); this.dispatchEvent(new MouseEvent("click", { bubbles: true })); }' });
    await page.waitForTimeout(500);
    expect(await bannerText(cdp)).toBe(DEEPSEEK_LINE);
    const stored = await (await ext.extensionPage()).evaluate((key) => chrome.storage.local.get(key), WARNING_DISMISSED_KEY);
    expect(stored).toEqual({});
  });

  it('dismissing hides it for that site, after a reload too, and it still shows on another site', async () => {
    const { page, cdp } = await open('https://chat.deepseek.com/');
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    await clickBannerButton(page, cdp, "Don't warn on this site");
    await expect.poll(() => bannerText(cdp)).toBeNull();
    await expect.poll(() => (ext.extensionPage().then((p) => p.evaluate((key) => chrome.storage.local.get(key), WARNING_DISMISSED_KEY))))
      .toEqual({ [WARNING_DISMISSED_KEY]: ['chat.deepseek.com'] });
    await page.reload();
    await settled(page);
    expect(await bannerText(cdp)).toBeNull();
    // Another site that sends what is typed to DeepSeek still warns.
    const other = await open('https://news.example.com/compose.html');
    const tabId = await tabIdOf(ext, other.page);
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.some((f) => f.host === 'api.deepseek.com')).toBe(true);
    await other.page.locator('textarea').click();
    await other.page.keyboard.type('hi');
    await expect.poll(() => bannerText(other.cdp)).toBe(DEEPSEEK_LINE);
  });

  it('Details opens the popup view of this tab', async () => {
    const { page, cdp } = await open('https://chat.deepseek.com/');
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    const tabId = await tabIdOf(ext, page);
    const opened = ext.context.waitForEvent('page');
    await clickBannerButton(page, cdp, 'Details');
    const details = await opened;
    await details.waitForLoadState();
    expect(details.url()).toBe(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => details.locator('main').innerText()).toContain('DeepSeek');
  });

  it('is not shown in monitor mode, nor with showWarning off', async () => {
    await updateSettings(ext, { mode: 'monitor' });
    const monitor = await open('https://chat.deepseek.com/');
    await settled(monitor.page);
    expect(await bannerText(monitor.cdp)).toBeNull();
    await updateSettings(ext, { mode: 'warn', showWarning: false });
    const off = await open('https://chat.deepseek.com/');
    await settled(off.page);
    await off.page.locator('textarea').click();
    await off.page.keyboard.type('hi');
    await off.page.waitForTimeout(1000);
    expect(await bannerText(off.cdp)).toBeNull();
    // The same page in warn mode with the warning on: shown (so the checks above can fail).
    await updateSettings(ext, { showWarning: true });
    const on = await open('https://chat.deepseek.com/');
    await expect.poll(() => bannerText(on.cdp)).toBe(DEEPSEEK_LINE);
  });

  it("block mode: once the user types, says that the page's AI requests are blocked and by whom", async () => {
    await updateSettings(ext, { mode: 'block', blockedProviders: ['deepseek'] });
    const { page, cdp } = await open('https://app.example.com/compose.html');
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.some((f) => f.host === 'api.deepseek.com')).toBe(true);
    expect(await bannerText(cdp)).toBeNull();
    await page.locator('textarea').click();
    await page.keyboard.type('hi');
    await expect.poll(() => bannerText(cdp)).toBe("This page's AI requests to DeepSeek (China) are blocked by you: it may not work as expected.");
  });
});
