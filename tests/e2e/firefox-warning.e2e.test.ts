/**
 * The in-page warning in Firefox (firefox-esr, dist/firefox), as tests/e2e/warning.e2e.test.ts
 * checks it in Chromium. Its shadow root is closed: the page cannot read it, and the test reads it
 * through WebDriver BiDi, whose node serialisation can include closed roots (harness/firefox.ts,
 * firefoxBanner). Buttons are pressed with real (trusted) pointer input.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WARNING_DISMISSED_KEY } from '../../src/core/constants.ts';
import type { TabState } from '../../src/core/tab-state.ts';
import { answerChat } from './harness/ai-api.ts';
import { type FirefoxExtension, firefoxBanner, firefoxClick, firefoxScreenshot, firefoxType, launchFirefox } from './harness/firefox.ts';

const DEEPSEEK_LINE = 'DeepSeek (China): under the National Intelligence Law (Art. 7, Art. 14), the state can require the company to hand over what you type.';
const BLOCKED_LINE = "This page's AI requests to DeepSeek (China) are blocked by you: it may not work as expected.";
const BUTTONS = ['Details', 'Not now', "Don't warn on this site"];

/** A page that sends a request to DeepSeek's API and has a text box whose input it records. */
const composePage = (api: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Compose</title>
<style>body{margin:0;font:16px sans-serif} textarea{display:block;margin:40px;width:300px;height:80px}</style></head>
<body><h1>Write a message</h1><textarea aria-label="Message"></textarea>
<script>
  window.seen = '';
  document.querySelector('textarea').addEventListener('input', (e) => { window.seen = e.target.value; });
  fetch(${JSON.stringify(api)}, { method: 'POST', body: JSON.stringify({ model: 'deepseek-chat' }) }).catch(() => {});
</script></body></html>`;

describe('Firefox: the in-page warning', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launchFirefox();
    ff.server.route('api.deepseek.com', '*', answerChat);
    ff.server.route('app.example.com', '/compose.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(composePage(ff.urlFor('api.deepseek.com', '/chat/completions')));
    });
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
  });

  const update = (patch: object) => ff.extensionEval<{ ok: boolean }>(`browser.runtime.sendMessage({ type: 'ui-to-bg/update-settings', patch: ${JSON.stringify(patch)} })`);
  const dismissed = () => ff.extensionEval<Record<string, unknown>>(`browser.storage.local.get(${JSON.stringify(WARNING_DISMISSED_KEY)})`);
  const bannerText = async (tab: string) => (await firefoxBanner(ff, tab))?.text ?? null;

  beforeEach(async () => {
    expect(await update({ mode: 'warn', showWarning: true, blockedProviders: [], allowedProviders: [] })).toMatchObject({ ok: true });
    await ff.extensionEval(`browser.storage.local.remove(${JSON.stringify(WARNING_DISMISSED_KEY)}).then(() => true)`);
  });

  /** Waits until the extension has recorded the tab's page, and a warning would have had time to show. */
  async function settled(url: string): Promise<void> {
    await expect
      .poll(async () => Object.values(await ff.extensionEval<Record<string, TabState>>('browser.storage.session.get(null)')).some((s) => s.url === url), { timeout: 15_000 })
      .toBe(true);
    await new Promise((ok) => setTimeout(ok, 1000));
  }

  it('warns on a high-risk AI product with its words, in a closed root the page cannot read', async () => {
    const tab = await ff.openTab(ff.urlFor('chat.deepseek.com'));
    await expect.poll(() => bannerText(tab), { timeout: 15_000 }).toBe(DEEPSEEK_LINE);
    const banner = (await firefoxBanner(ff, tab))!;
    expect(banner).toMatchObject({ brand: 'AI Jurisdiction Guard', kind: 'risk' });
    expect(banner.buttons.map((b) => b.label)).toEqual(BUTTONS);
    // What the page's own script can find: the host element, with no shadow root and no text.
    const seenByPage = await ff.evaluate<Record<string, unknown>>(
      tab,
      `(() => {
        const host = document.querySelector('[data-ajg-warning]');
        return {
          found: host !== null,
          shadowRootIsNull: host.shadowRoot === null,
          privileged: 'openOrClosedShadowRoot' in host,
          hostText: host.textContent,
          children: host.childNodes.length,
          allText: document.documentElement.innerText + document.documentElement.textContent,
        };
      })()`,
    );
    expect(seenByPage).toMatchObject({ found: true, shadowRootIsNull: true, privileged: false, hostText: '', children: 0 });
    expect(seenByPage.allText).not.toContain('National Intelligence Law');
    // A page trying to attach its own root over it is refused: the element already has one.
    expect(await ff.evaluate<string>(tab, `(() => { try { document.querySelector('[data-ajg-warning]').attachShadow({ mode: 'open' }); return 'attached'; } catch (e) { return e.name; } })()`)).toBe('NotSupportedError');
    await firefoxScreenshot(ff, tab, 'firefox-warning-banner-deepseek');
    await firefoxScreenshot(ff, tab, 'firefox-warning-banner-deepseek-box', banner.boxId);
  });

  it('"Not now" hides it for this visit only: it is back after a reload', async () => {
    const url = ff.urlFor('chat.deepseek.com');
    const tab = await ff.openTab(url);
    await expect.poll(() => bannerText(tab), { timeout: 15_000 }).toBe(DEEPSEEK_LINE);
    const notNow = (await firefoxBanner(ff, tab))!.buttons.find((b) => b.label === 'Not now')!;
    await firefoxClick(ff, tab, notNow.sharedId);
    await expect.poll(() => bannerText(tab)).toBeNull();
    expect(await dismissed()).toEqual({});
    await ff.send('browsingContext.reload', { context: tab, wait: 'complete' });
    await expect.poll(() => bannerText(tab), { timeout: 15_000 }).toBe(DEEPSEEK_LINE);
  });

  it("a page's own clicks do not dismiss it; \"Don't warn on this site\" does, after a reload too", async () => {
    const url = ff.urlFor('chat.deepseek.com');
    const tab = await ff.openTab(url);
    await expect.poll(() => bannerText(tab), { timeout: 15_000 }).toBe(DEEPSEEK_LINE);
    await ff.evaluate(tab, `(() => { const host = document.querySelector('[data-ajg-warning]'); host.click(); host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })); return true; })()`);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await bannerText(tab)).toBe(DEEPSEEK_LINE);
    const off = (await firefoxBanner(ff, tab))!.buttons.find((b) => b.label === "Don't warn on this site")!;
    await firefoxClick(ff, tab, off.sharedId);
    await expect.poll(() => bannerText(tab)).toBeNull();
    await expect.poll(dismissed).toEqual({ [WARNING_DISMISSED_KEY]: ['chat.deepseek.com'] });
    await ff.send('browsingContext.reload', { context: tab, wait: 'complete' });
    await settled(url);
    expect(await bannerText(tab)).toBeNull();
  });

  it("block mode: once the user types, says that the page's requests to DeepSeek are blocked and by whom", async () => {
    const url = ff.urlFor('app.example.com', '/compose.html');
    const posts = () => ff.server.requestsTo('api.deepseek.com').filter((r) => r.method === 'POST').length;
    // Positive control: with nothing blocked, the page's request arrives.
    await ff.openTab(url);
    await expect.poll(posts).toBe(1);
    expect(await update({ mode: 'block', blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const tab = await ff.openTab(url);
    await settled(url);
    expect(await bannerText(tab)).toBeNull();
    const field = await ff.send('script.evaluate', { expression: `document.querySelector('textarea')`, target: { context: tab, sandbox: 'ajg-test' }, awaitPromise: false });
    await firefoxClick(ff, tab, field.result.sharedId);
    await firefoxType(ff, tab, 'hi');
    await expect.poll(() => firefoxBanner(ff, tab).then((b) => b && { kind: b.kind, text: b.text }), { timeout: 15_000 }).toEqual({ kind: 'blocked', text: BLOCKED_LINE });
    // Typing was not held up, and the request it tried never arrived.
    expect(await ff.evaluate<string>(tab, 'window.seen')).toBe('hi');
    expect(posts()).toBe(1);
    await firefoxScreenshot(ff, tab, 'firefox-warning-banner-blocked');
  });
});
