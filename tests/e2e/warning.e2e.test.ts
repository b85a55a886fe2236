/// <reference types="chrome" />
/**
 * The in-page warning in real Chromium. Its root is closed, so neither the page nor Playwright's
 * locators (which pierce open roots only) can read it: the test reads it through the DevTools
 * protocol (DOM.getDocument with `pierce: true` returns closed shadow roots too) and clicks its
 * buttons at their on-screen box with a real (trusted) mouse click.
 */
import type { CDPSession, Page } from 'playwright-core';
import { bannerCovers, bannerNodes, bannerText, clickBannerButton, elementShot, walk, windowShot } from './harness/warning-banner.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WARNING_DISMISSED_KEY } from '../../src/core/constants.ts';
import { answerChat, serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, screenshot, tabIdOf, tabState } from './harness/extension.ts';
import { checkBothThemes } from './harness/ui-checks.ts';
import { updateSettings } from './harness/settings.ts';

const HOSTS = ['chat.deepseek.com', 'api.deepseek.com', 'app.example.com', 'news.example.com'];
const DEEPSEEK_LINE = 'DeepSeek (China): under the National Intelligence Law (Art. 7, Art. 14), the state can require the company to hand over what you type.';
const DEEPSEEK_BLOCKED = "DeepSeek (China) is now blocked by you: this page's requests to it will fail, and reloading shows the block page.";
/** A chat laid out like the real ones (tests/fixtures/sites/chat.deepseek.com/chat.html): input at the bottom, or at the top. */
const CHAT = 'https://chat.deepseek.com/chat.html';
const CHAT_TOP = 'https://chat.deepseek.com/chat.html?top';
const PASTED = 'Customer: Jane Doe, account 4417-2291, 12 Harbour Street. '.repeat(12);

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
    ext.server.route('chat.deepseek.com', '/api/v0/chat/completion', answerChat);
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://chat.deepseek.com' });
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
    expect(await updateSettings(ext, { mode: 'warn', showWarning: true, blockedProviders: [], allowedProviders: [] })).toMatchObject({ ok: true });
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
    expect(nodes.buttons.map((b) => b.nodeValue)).toEqual(['Details', 'Not now', "Don't warn on this site"]);
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
    for (const label of ["Don't warn on this site", 'Not now']) {
      const button = (await bannerNodes(cdp))!.buttons.find((b) => b.nodeValue === label)!;
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: button.backendNodeId })) as { object: { objectId: string } };
      await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); this.dispatchEvent(new MouseEvent("click", { bubbles: true })); }' });
    }
    await page.waitForTimeout(500);
    expect(await bannerText(cdp)).toBe(DEEPSEEK_LINE);
    const stored = await (await ext.extensionPage()).evaluate((key) => chrome.storage.local.get(key), WARNING_DISMISSED_KEY);
    expect(stored).toEqual({});
    // Taken out of the document, or moved into the page's own elements: it is put back on <html>.
    // Its marker carries no value: what it says stays in the closed root.
    expect(await page.evaluate(() => document.querySelector('[data-ajg-warning]')?.getAttribute('data-ajg-warning'))).toBe('');
    await page.evaluate(() => document.querySelector('[data-ajg-warning]')?.remove());
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-ajg-warning]')?.parentElement === document.documentElement)).toBe(true);
    await page.evaluate(() => document.body.append(document.querySelector('[data-ajg-warning]')!));
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-ajg-warning]')?.parentElement === document.documentElement)).toBe(true);
    expect(await bannerText(cdp)).toBe(DEEPSEEK_LINE);
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
  /** A real paste (Ctrl+V, a trusted paste event) of `text` into the focused field. */
  async function paste(page: Page, text: string): Promise<void> {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('Control+V');
  }

  const covers = async (page: Page) => {
    // Placement follows typing, focus, scrolling and resizing within a fraction of a second.
    await expect.poll(() => bannerCovers(page), { timeout: 5000 }).toEqual([]);
  };

  /** The chat input's text, textarea or contenteditable, with runs of white space as one. */
  const fieldText = (page: Page) =>
    page.evaluate(() => {
      const field = document.querySelector('[data-field]')!;
      return (field instanceof HTMLTextAreaElement ? field.value : (field as HTMLElement).innerText).replace(/\s+/g, ' ').trim();
    });
  const sent = (page: Page) => page.evaluate(() => (window as unknown as { sent: string[] }).sent);

  for (const [layout, url, shot] of [
    ['input at the bottom', CHAT, 'bottom'],
    ['input at the top', CHAT_TOP, 'top'],
    ['a contenteditable input at the bottom', `${CHAT}?editable`, 'editable'],
  ] as const) {
    it(`never covers the chat's input or its newest message (${layout}), after typing and pasting, at three window sizes`, async () => {
      for (const size of [{ width: 1280, height: 800 }, { width: 800, height: 600 }, { width: 390, height: 700 }]) {
        const page = await ext.newPage();
        await page.setViewportSize(size);
        await page.goto(url);
        const cdp = await ext.context.newCDPSession(page);
        await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
        await covers(page);
        const field = page.locator('[data-field]');
        await field.click();
        await page.keyboard.type('What does the law say about my data?');
        await covers(page);
        // Sent: it becomes the newest message, next to the input.
        await page.keyboard.press('Enter');
        await expect.poll(() => sent(page)).toEqual(['ok What does the law say about my data?']);
        await covers(page);
        // A long paste grows the input toward the conversation.
        await paste(page, PASTED);
        await expect.poll(() => fieldText(page)).toBe(PASTED.trim());
        expect((await field.boundingBox())!.height).toBeGreaterThan(150);
        await covers(page);
        // The pasted text sent: a long newest message.
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await sent(page)).length).toBe(2);
        await covers(page);
        // The window resized under it.
        await page.setViewportSize({ width: size.width - 100, height: size.height - 100 });
        await covers(page);
        if (size.width === 1280) {
          await page.setViewportSize(size);
          await covers(page);
          await windowShot(page, `warning-chat-${shot}-light`);
          await page.emulateMedia({ colorScheme: 'dark' });
          await windowShot(page, `warning-chat-${shot}-dark`);
        }
        if (size.width === 390) await windowShot(page, `warning-chat-${shot}-narrow`);
        await page.close();
      }
    }, 120_000);
  }

  it('"Not now" closes it for this visit only: the next visit shows it again, and nothing is stored', async () => {
    const { page, cdp } = await open(CHAT);
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    await clickBannerButton(page, cdp, 'Not now');
    await expect.poll(() => bannerText(cdp)).toBeNull();
    // Typing on this visit does not bring it back.
    await page.locator('textarea').click();
    await page.keyboard.type('hello');
    await page.waitForTimeout(1000);
    expect(await bannerText(cdp)).toBeNull();
    expect(await (await ext.extensionPage()).evaluate((key) => chrome.storage.local.get(key), WARNING_DISMISSED_KEY)).toEqual({});
    await page.reload();
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    const next = await open(CHAT);
    await expect.poll(() => bannerText(next.cdp)).toBe(DEEPSEEK_LINE);
  });

  it('lists the sites where it is off in the options page, and one turned back on warns again on the next visit', async () => {
    const { page, cdp } = await open(CHAT);
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    await clickBannerButton(page, cdp, "Don't warn on this site");
    const options = await openOptions(ext);
    const entry = options.locator('[data-warning-site="chat.deepseek.com"]');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.innerText()).toContain('chat.deepseek.com');
    expect(await options.locator('[data-warning-sites]').getAttribute('data-warning-sites')).toBe('off');
    await entry.scrollIntoViewIfNeeded();
    await checkBothThemes(options, 'options-warning-sites');
    await elementShot(options.locator('[data-setting="showWarning"]'), 'options-warning-sites-field');
    await page.reload();
    await settled(page);
    expect(await bannerText(cdp)).toBeNull();
    await entry.getByRole('button', { name: 'Warn again on chat.deepseek.com' }).click();
    await expect.poll(() => options.locator('[data-warning-sites]').getAttribute('data-warning-sites')).toBe('none');
    expect(await (await ext.extensionPage()).evaluate((key) => chrome.storage.local.get(key), WARNING_DISMISSED_KEY)).toEqual({ [WARNING_DISMISSED_KEY]: [] });
    await page.reload();
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
  });

  it('a block made while the banner shows appears in it at once (pushed), and then nothing typed there reaches DeepSeek', async () => {
    await updateSettings(ext, { mode: 'block' });
    const { page, cdp } = await open(CHAT);
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    const box = page.locator('textarea');
    await box.click();
    await page.keyboard.type('before the block');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { sent: string[] }).sent)).toEqual(['ok before the block']);
    // Blocked from the popup (the same message): the banner says so without a reload or a keystroke.
    const asked = ext.server.requests.length;
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    await expect.poll(() => bannerText(cdp), { timeout: 3000 }).toBe(DEEPSEEK_BLOCKED);
    expect((await bannerNodes(cdp))!.kind).toBe('blocked');
    await windowShot(page, 'warning-chat-blocked');
    // And it holds: what the user sends now fails in the page and never reaches the server.
    await page.keyboard.type('after the block: my account number');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { sent: string[] }).sent.length)).toBe(2);
    expect((await page.evaluate(() => (window as unknown as { sent: string[] }).sent))[1]).toMatch(/^failed TypeError/);
    expect(ext.server.requests.slice(asked).filter((r) => r.host === 'chat.deepseek.com' && r.path.startsWith('/api/'))).toEqual([]);
    // Unblocked: back to the risk line, again at once.
    await updateSettings(ext, { blockedProviders: [] });
    await expect.poll(() => bannerText(cdp), { timeout: 3000 }).toBe(DEEPSEEK_LINE);
  });

  it('a page restored from the back/forward cache shows what changed while it was away', async () => {
    // Warn mode: nothing is enforced, so the browser's rules (whose change flushes the cache) stay as they are.
    const { page, cdp } = await open(CHAT);
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
    await page.goto('https://news.example.com/compose.html');
    await updateSettings(ext, { allowedProviders: ['deepseek'] });
    await page.goBack({ waitUntil: 'commit' });
    // Restored, not loaded again: the page keeps its state.
    expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);
    // The user allowed DeepSeek meanwhile: the banner goes.
    await expect.poll(() => bannerText(cdp), { timeout: 5000 }).toBeNull();
  });

  it("a page using DeepSeek's API: the banner turns to the blocked line when DeepSeek is blocked while it shows", async () => {
    await updateSettings(ext, { mode: 'block' });
    const { page, cdp } = await open('https://app.example.com/compose.html');
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.some((f) => f.host === 'api.deepseek.com')).toBe(true);
    await page.locator('textarea').click();
    await page.keyboard.type('hi');
    await expect.poll(() => bannerText(cdp)).toBe(DEEPSEEK_LINE);
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    await expect.poll(() => bannerText(cdp), { timeout: 3000 }).toBe("This page's AI requests to DeepSeek (China) are blocked by you: it may not work as expected.");
  });
});

describe('in-page warning over a chat page, in Chinese (--lang=zh-CN)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: ['chat.deepseek.com'], args: ['--lang=zh-CN'] });
    ext.server.route('chat.deepseek.com', '/api/v0/chat/completion', answerChat);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('words the banner and its buttons in Chinese, keeps clear of the input and the newest message, and shows a block at once', async () => {
    expect(await updateSettings(ext, { mode: 'block', showWarning: true, blockedProviders: [] })).toMatchObject({ ok: true });
    for (const [name, size] of [['wide', { width: 1280, height: 800 }], ['narrow', { width: 390, height: 700 }]] as const) {
      const page = await ext.newPage();
      await page.setViewportSize(size);
      await page.goto(CHAT);
      const cdp = await ext.context.newCDPSession(page);
      await expect.poll(() => bannerText(cdp)).toBe('DeepSeek（中国）：根据《中华人民共和国国家情报法》（第七条、第十四条），国家可以要求该公司交出您输入的内容。');
      expect((await bannerNodes(cdp))!.buttons.map((b) => b.nodeValue)).toEqual(['详情', '暂时关闭', '此网站不再警告']);
      await page.locator('textarea').click();
      await page.keyboard.type('你好');
      await expect.poll(() => bannerCovers(page), { timeout: 5000 }).toEqual([]);
      await windowShot(page, `warning-chat-zh-CN-${name}-light`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await windowShot(page, `warning-chat-zh-CN-${name}-dark`);
      await page.emulateMedia({ colorScheme: 'light' });
      if (name === 'wide') {
        await updateSettings(ext, { blockedProviders: ['deepseek'] });
        await expect.poll(() => bannerText(cdp), { timeout: 3000 }).toBe('DeepSeek（中国）现已被您拦截：此页面发往它的请求都会失败，重新加载后将显示拦截页面。');
        await expect.poll(() => bannerCovers(page), { timeout: 5000 }).toEqual([]);
        await windowShot(page, 'warning-chat-zh-CN-blocked-light');
        await page.emulateMedia({ colorScheme: 'dark' });
        await windowShot(page, 'warning-chat-zh-CN-blocked-dark');
        await updateSettings(ext, { blockedProviders: [] });
      }
      await page.close();
    }
  }, 60_000);
});
