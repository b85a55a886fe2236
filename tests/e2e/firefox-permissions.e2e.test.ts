/**
 * Withheld site access in Firefox (firefox-esr, dist/firefox). Firefox lets people withdraw an
 * extension's host permissions in about:addons; the test does the same with
 * `permissions.remove` from the extension's own page. Then the popup and the options page say what
 * stops working and offer a button that asks for the access again. Firefox's prompt cannot be
 * answered headless, so `extensions.webextOptionalPermissionPrompts` is off: the request from a real
 * (trusted) click on that button is granted at once, as if the user had accepted the prompt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../src/core/tab-state.ts';
import { answerChat } from './harness/ai-api.ts';
import { type FirefoxExtension, firefoxBanner, firefoxClick, firefoxScreenshot, launchFirefox } from './harness/firefox.ts';

const NEEDED = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

describe('Firefox: withheld site access', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    ff.server.route('api.deepseek.com', '*', answerChat);
    ff.server.route('api.openai.com', '*', answerChat);
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
  });

  const update = (patch: object) => ff.extensionEval<{ ok: boolean }>(`browser.runtime.sendMessage({ type: 'ui-to-bg/update-settings', patch: ${JSON.stringify(patch)} })`);
  const granted = () => ff.extensionEval<boolean[]>(`Promise.all(${JSON.stringify(NEEDED)}.map((o) => browser.permissions.contains({ origins: [o] })))`);
  const text = (tab: string, selector: string) => ff.evaluate<string | null>(tab, `document.querySelector(${JSON.stringify(selector)})?.innerText ?? null`);
  const buttonsIn = (tab: string, selector: string) => ff.evaluate<string[]>(tab, `[...document.querySelectorAll(${JSON.stringify(`${selector} button`)})].map((b) => b.textContent.trim())`);

  /** The tab whose stored page is `url`, once the extension has recorded it. */
  async function recordedTab(url: string): Promise<number> {
    let tabId: number | undefined;
    await expect
      .poll(async () => {
        const session = await ff.extensionEval<Record<string, TabState>>('browser.storage.session.get(null)');
        tabId = Object.values(session).find((s) => s.url === url)?.tabId;
        return tabId;
      }, { timeout: 15_000 })
      .toBeTypeOf('number');
    return tabId!;
  }

  const popupFor = async (tabId: number) => {
    const popup = await ff.openTab(`${ff.extensionOrigin}popup.html?tab=${tabId}`);
    await expect.poll(() => ff.evaluate<string>(popup, `document.querySelector('main')?.dataset.status ?? 'none'`), { timeout: 10_000 }).not.toMatch(/^(none|loading)$/);
    return popup;
  };

  it('with access granted, neither the popup nor the options page shows the notice (control)', async () => {
    expect(await granted()).toEqual([true, true, true, true]);
    const url = ff.urlFor('chat.deepseek.com');
    await ff.openTab(url);
    const popup = await popupFor(await recordedTab(url));
    await expect.poll(() => text(popup, '.verdict h1')).toBe('This page is DeepSeek Chat, run by DeepSeek (China).');
    expect(await text(popup, '.access-notice')).toBeNull();
    const options = await ff.openTab(`${ff.extensionOrigin}options.html`);
    await expect.poll(() => text(options, '.page-head h1')).toBe('AI Jurisdiction Guard');
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await text(options, '[data-banner="access"]')).toBeNull();
  });

  it('withdrawn: the popup and options page say what stops working; the button asks again, and everything works after a reload', async () => {
    expect(await ff.extensionEval<boolean>(`browser.permissions.remove({ origins: ${JSON.stringify(NEEDED)} })`)).toBe(true);
    expect(await granted()).toEqual([false, false, false, false]);

    // What the notice says is so: no warning and no detection on the AI page...
    // A path of its own: the stored page address leaves out the query.
    const url = ff.urlFor('chat.deepseek.com', '/index.html');
    const page = await ff.openTab(url);
    const tabId = await recordedTab(url);
    await new Promise((ok) => setTimeout(ok, 1500));
    expect(await firefoxBanner(ff, page)).toBeNull();

    const popup = await popupFor(tabId);
    await expect.poll(() => ff.evaluate<string | null>(popup, `document.querySelector('.access-notice')?.dataset.access ?? null`), { timeout: 10_000 }).toBe('site');
    expect(await text(popup, '.access-notice h2')).toBe('⚠ Not allowed to check chat.deepseek.com');
    expect(await text(popup, '.access-notice p')).toBe(
      'Your browser keeps this extension out of this site. Here it cannot see the AI the page uses, warn you in the page, show the block page (a blocked AI site opens) or record blocked requests. Requests to services you block still fail.',
    );
    expect(await buttonsIn(popup, '.access-notice')).toEqual(['Allow on all websites']);
    // ...so the popup does not also claim "No AI seen on this page", which it could not have seen.
    expect(await ff.evaluate<string | null>(popup, `document.querySelector('[data-state]')?.dataset.state ?? null`)).toBeNull();
    expect(await text(popup, 'main')).not.toContain('No AI seen');
    await firefoxScreenshot(ff, popup, 'firefox-access-notice-popup');

    const options = await ff.openTab(`${ff.extensionOrigin}options.html`);
    await expect.poll(() => text(options, '[data-banner="access"] h2'), { timeout: 10_000 }).toBe('⚠ Not allowed to check all websites');
    expect(await text(options, '[data-banner="access"]')).toContain("in Firefox, Add-ons and themes → Permissions");
    expect(await buttonsIn(options, '[data-banner="access"]')).toEqual(['Allow on all websites']);
    await firefoxScreenshot(ff, options, 'firefox-access-notice-options');

    // A real click on the popup's button asks Firefox for the access (a user gesture).
    const button = await ff.send('script.evaluate', { expression: `document.querySelector('.access-notice button')`, target: { context: popup }, awaitPromise: false });
    await firefoxClick(ff, popup, button.result.sharedId);
    await expect.poll(granted, { timeout: 10_000 }).toEqual([true, true, true, true]);
    await expect.poll(() => text(popup, '[data-access="granted"]')).toBe('Allowed. Reload open pages so that they are checked.');
    expect(await text(popup, '.access-notice')).toBeNull();
    // The options page follows the change while open.
    await expect.poll(() => text(options, '[data-banner="access"]')).toBeNull();

    // After a reload the page is checked again: the warning shows and the popup has no notice.
    await ff.send('browsingContext.reload', { context: page, wait: 'complete' });
    await expect.poll(async () => (await firefoxBanner(ff, page))?.text ?? null, { timeout: 15_000 }).toMatch(/^DeepSeek \(China\)/);
    const reopened = await popupFor(tabId);
    await expect.poll(() => text(reopened, '.verdict h1'), { timeout: 10_000 }).toBe('This page is DeepSeek Chat, run by DeepSeek (China).');
    expect(await text(reopened, '.access-notice')).toBeNull();
  });

  it('what the notice promises: while withheld, blocked requests still fail, and a blocked site opens instead of the block page', async () => {
    expect(await update({ mode: 'block', blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    expect(await ff.extensionEval<boolean>(`browser.permissions.remove({ origins: ${JSON.stringify(NEEDED)} })`)).toBe(true);
    const tab = await ff.openTab(ff.urlFor('app.example.com', '/requests.html'));
    const call = (host: string) => `fetch(${JSON.stringify(ff.urlFor(host, '/v1/chat/completions'))}, { method: 'POST', body: '{}' }).then((r) => 'ok ' + r.status, (e) => 'failed ' + e.name)`;
    const before = ff.server.requestsTo('api.deepseek.com').length;
    expect(await ff.evaluate<string>(tab, call('api.deepseek.com'))).toBe('failed TypeError');
    expect(ff.server.requestsTo('api.deepseek.com').length).toBe(before);
    // Positive control: the same request to a service nobody blocked arrives.
    expect(await ff.evaluate<string>(tab, call('api.openai.com'))).toBe('ok 200');
    // The block page needs a redirect rule, which Firefox applies only with site access.
    const nav = await ff.openTab(ff.urlFor('chat.deepseek.com', '/?opens'));
    expect(await ff.evaluate<string>(nav, 'location.href')).toBe(ff.urlFor('chat.deepseek.com', '/?opens'));
    expect(ff.server.requestsTo('chat.deepseek.com').map((r) => r.path)).toContain('/?opens');
    // Only a user's click may ask: a script on the extension's own page is refused.
    expect(await ff.extensionEval<string>(`browser.permissions.request({ origins: ${JSON.stringify(NEEDED)} }).then(String, (e) => e.message)`)).toMatch(/user input handler/);
    expect(await granted()).toEqual([false, false, false, false]);
    // Granted again with the options page's button, the block page is back.
    const options = await ff.openTab(`${ff.extensionOrigin}options.html`);
    await expect.poll(() => buttonsIn(options, '[data-banner="access"]'), { timeout: 10_000 }).toEqual(['Allow on all websites']);
    const button = await ff.send('script.evaluate', { expression: `document.querySelector('[data-banner="access"] button')`, target: { context: options }, awaitPromise: false });
    await firefoxClick(ff, options, button.result.sharedId);
    await expect.poll(granted, { timeout: 10_000 }).toEqual([true, true, true, true]);
    await expect.poll(() => text(options, '[data-banner="access-granted"]')).toBe('Allowed. Reload open pages so that they are checked.');
    const again = await ff.openTab(ff.urlFor('chat.deepseek.com', '/?again'));
    await expect.poll(() => ff.evaluate<string>(again, 'location.href'), { timeout: 10_000 }).toMatch(/^moz-extension:\/\/[^/]+\/blocked\.html#http/);
    expect(await update({ blockedProviders: [] })).toMatchObject({ ok: true });
  });
});
