/**
 * The background's side of the in-page warning and of allow-once: it answers and records only for
 * the sender the browser names (top frame, its own site), never for what a message claims.
 */
import { describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { applyRules } from '../../src/background/apply-rules.ts';
import { onMessage } from '../../src/background/on-message.ts';
import { refreshPolicy } from '../../src/background/settings-store.ts';
import { WARNING_DISMISSED_KEY } from '../../src/core/constants.ts';
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
    const session = () => browser.declarativeNetRequest.getSessionRules();
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
