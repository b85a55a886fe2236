/**
 * The background's side of the in-page warning and of allow-once: it answers and records only for
 * the sender the browser names (top frame, its own site), never for what a message claims.
 */
import { MODEL_BLOCK_RULE_ID } from '../../src/core/constants.ts';
import { describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { applyRules } from '../../src/background/apply-rules.ts';
import { onMessage } from '../../src/background/on-message.ts';
import { refreshPolicy } from '../../src/background/settings-store.ts';
import { WARNING_DISMISSED_KEY } from '../../src/core/constants.ts';
import { isWarningChanged } from '../../src/core/messages.ts';
import { docId } from './helpers.ts';
import { expectConsole } from './quiet-console.ts';

const EXT = 'testextensionid';
const doc = docId('1');
const content = (url: string, frameId = 0) => ({ id: EXT, tab: { id: 4, index: 0 }, frameId, url, documentLifecycle: 'active' });
const send = (message: unknown, sender: object) => onMessage(message, sender as never);
const setMode = (patch: object) => send({ type: 'ui-to-bg/update-settings', patch }, { id: EXT, url: `chrome-extension://${EXT}/options.html` });

describe('in-page warning (background)', () => {
  it('answers the top frame of a high-risk AI product in warn mode, and nothing to a subframe', async () => {
    await setMode({ mode: 'warn' });
    expect(await send({ type: 'content-to-bg/get-warning', doc, trigger: 'open' }, content('https://chat.deepseek.com/'))).toEqual({
      kind: 'risk',
      text: expect.stringMatching(/^DeepSeek \(China\): under the National Intelligence Law/),
      offForSite: true,
    });
    expect(await send({ type: 'content-to-bg/get-warning', doc, trigger: 'open' }, content('https://chat.deepseek.com/', 3))).toBeNull();
    expect(await send({ type: 'content-to-bg/get-warning', doc, trigger: 'open' }, content('https://news.example/'))).toBeNull();
  });

  it("records a dismissal for the sender's own site only, and then stays silent there", async () => {
    const warn = expectConsole('warn');
    await setMode({ mode: 'warn' });
    expect(await send({ type: 'content-to-bg/dismiss-warning', doc }, content('https://chat.deepseek.com/', 2))).toEqual({ ok: false });
    expect(await send({ type: 'content-to-bg/dismiss-warning', doc, host: 'chat.deepseek.com' }, content('https://news.example/'))).toMatchObject({ ok: false });
    expect(await browser.storage.local.get(WARNING_DISMISSED_KEY)).toEqual({});
    expect(await send({ type: 'content-to-bg/dismiss-warning', doc }, content('https://chat.deepseek.com/a?b'))).toEqual({ ok: true });
    expect(await browser.storage.local.get(WARNING_DISMISSED_KEY)).toEqual({ [WARNING_DISMISSED_KEY]: ['chat.deepseek.com'] });
    expect(await send({ type: 'content-to-bg/get-warning', doc, trigger: 'open' }, content('https://chat.deepseek.com/'))).toBeNull();
    expect(warn).toHaveBeenCalledWith('message refused:', 'unexpected field "host"', 'from', 'https://news.example/');
  });

  it('while the organization locks the warning on: refuses a dismissal, and overrules the ones stored', async () => {
    await setMode({ mode: 'warn' });
    expect(await send({ type: 'content-to-bg/dismiss-warning', doc }, content('https://chat.deepseek.com/'))).toEqual({ ok: true });
    await browser.storage.managed.set({ showWarning: true, lockedSettings: ['showWarning'] });
    await refreshPolicy();
    expect(await send({ type: 'content-to-bg/dismiss-warning', doc }, content('https://chat.mistral.ai/'))).toEqual({ ok: false });
    expect(await browser.storage.local.get(WARNING_DISMISSED_KEY)).toEqual({ [WARNING_DISMISSED_KEY]: ['chat.deepseek.com'] });
    // The site the user turned it off on before the lock shows it again, with no way to turn it off.
    expect(await send({ type: 'content-to-bg/get-warning', doc, trigger: 'open' }, content('https://chat.deepseek.com/'))).toMatchObject({ kind: 'risk', offForSite: false });
    const options = { id: EXT, url: `chrome-extension://${EXT}/options.html` };
    expect(await send({ type: 'ui-to-bg/warning-off-sites' }, options)).toEqual({ sites: ['chat.deepseek.com'], overruled: true });
    // Lifted: the stored dismissal counts again.
    await browser.storage.managed.set({ showWarning: true, lockedSettings: [] });
    await refreshPolicy();
    expect(await send({ type: 'content-to-bg/get-warning', doc, trigger: 'open' }, content('https://chat.deepseek.com/'))).toBeNull();
    expect(await send({ type: 'ui-to-bg/warning-off-sites' }, options)).toEqual({ sites: ['chat.deepseek.com'], overruled: false });
  });

  it('lists the sites the warning is off on to the options page, which can turn one back on; a page cannot', async () => {
    await setMode({ mode: 'warn' });
    for (const url of ['https://chat.deepseek.com/', 'https://chat.mistral.ai/']) await send({ type: 'content-to-bg/dismiss-warning', doc }, content(url));
    const options = { id: EXT, url: `chrome-extension://${EXT}/options.html` };
    expect(await send({ type: 'ui-to-bg/warning-off-sites' }, options)).toEqual({ sites: ['chat.deepseek.com', 'chat.mistral.ai'], overruled: false });
    // From a page's content script: not a message it may send.
    expect(await send({ type: 'ui-to-bg/warning-on-for-site', site: 'chat.deepseek.com' }, content('https://chat.deepseek.com/'))).toMatchObject({ ok: false, error: 'unknown content message type "ui-to-bg/warning-on-for-site"' });
    expect(await send({ type: 'ui-to-bg/warning-on-for-site', site: 'chat.deepseek.com', extra: 1 }, options)).toMatchObject({ ok: false, error: 'unexpected field "extra"' });
    expect(await send({ type: 'ui-to-bg/warning-on-for-site', site: 'x'.repeat(254) }, options)).toMatchObject({ ok: false, error: 'site must be a host name' });
    expect(await send({ type: 'ui-to-bg/warning-on-for-site', site: 'other.example' }, options)).toEqual({ ok: false });
    expect(await send({ type: 'ui-to-bg/warning-on-for-site', site: 'chat.deepseek.com' }, options)).toEqual({ ok: true });
    expect(await browser.storage.local.get(WARNING_DISMISSED_KEY)).toEqual({ [WARNING_DISMISSED_KEY]: ['chat.mistral.ai'] });
    expect(await send({ type: 'content-to-bg/get-warning', doc, trigger: 'open' }, content('https://chat.deepseek.com/'))).toMatchObject({ kind: 'risk' });
  });

  it('after a settings change, once the rules are in place, tells the top frame of every tab to ask again', async () => {
    const fake = browser as unknown as { _test: { tabs: Map<number, { id: number }> }; tabs: Record<string, unknown> };
    fake._test.tabs.set(4, { id: 4 });
    fake._test.tabs.set(7, { id: 7 });
    const sent: unknown[][] = [];
    const rulesAtSend: number[] = [];
    fake.tabs.sendMessage = async (...args: unknown[]) => {
      sent.push(args);
      rulesAtSend.push((await browser.declarativeNetRequest.getDynamicRules()).length);
      // A tab without a banner has no listener: the browser rejects, which is not an error.
      if (args[0] === 7) throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await setMode({ mode: 'block', blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    await expect.poll(() => sent.length).toBe(2);
    expect(sent).toEqual([
      [4, { type: 'bg-to-content/warning-changed' }, { frameId: 0 }],
      [7, { type: 'bg-to-content/warning-changed' }, { frameId: 0 }],
    ]);
    expect(rulesAtSend.every((n) => n > 0)).toBe(true);
  });

  it("the banner's cue to ask again is only ever the bare message", () => {
    expect(isWarningChanged({ type: 'bg-to-content/warning-changed' })).toBe(true);
    for (const other of [null, 'bg-to-content/warning-changed', [], { type: 'bg-to-content/warning-changed', text: 'x' }, { type: 'content-to-bg/get-warning' }]) expect(isWarningChanged(other)).toBe(false);
  });

  it('refuses allow-once from a content script and from extension pages other than the block page', async () => {
    const warn = expectConsole('warn');
    await setMode({ blockedProviders: ['deepseek'] });
    const message = { type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' };
    expect(await send(message, content('https://chat.deepseek.com/'))).toEqual({ ok: false, error: 'unknown content message type "ui-to-bg/allow-once"' });
    expect(await send(message, { id: EXT, tab: { id: 4 }, frameId: 0, url: `chrome-extension://${EXT}/popup.html?tab=4` })).toEqual({ ok: false, error: 'only the block page may allow once' });
    expect(await send(message, { id: EXT, tab: { id: 4 }, frameId: 1, url: `chrome-extension://${EXT}/blocked.html#https://chat.deepseek.com/` })).toEqual({ ok: false, error: 'only the block page may allow once' });
    expect(warn).toHaveBeenCalledWith('message refused:', 'unknown content message type "ui-to-bg/allow-once"', 'from', 'https://chat.deepseek.com/');
  });

  it('grants allow-once from the block page, and withdraws it when the organization then blocks the host', async () => {
    await setMode({ blockedProviders: ['deepseek'] });
    const blockPage = { id: EXT, tab: { id: 4 }, frameId: 0, url: `chrome-extension://${EXT}/blocked.html#https://chat.deepseek.com/` };
    expect(await send({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' }, blockPage)).toEqual({ ok: true });
    // The allow-once grants (the standing session rules, model block and reporting headers, have the IDs from MODEL_BLOCK_RULE_ID up).
    const session = async () => (await browser.declarativeNetRequest.getSessionRules()).filter((r) => r.id < MODEL_BLOCK_RULE_ID);
    expect((await session()).map((r) => r.condition.requestDomains)).toEqual([['chat.deepseek.com'], ['chat.deepseek.com']]);
    // A user's own settings change keeps it.
    await setMode({ blockedCountries: ['CN'] });
    expect(await session()).toHaveLength(2);
    await browser.storage.managed.set({ blockedProviders: ['deepseek'] });
    await refreshPolicy();
    await applyRules('policy changed');
    expect(await session()).toEqual([]);
    expect(await send({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' }, blockPage)).toEqual({ ok: false, error: 'the organization blocks this host' });
  });
});
