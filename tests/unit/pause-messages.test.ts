/**
 * The background's side of "Pause on this site for 1 hour": accepted from the extension's own
 * pages only, checked against the settings in force, and withdrawn (rules and stored pause) as
 * soon as the organization forbids bypassing or the pause has ended.
 */
import { describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { applyRules } from '../../src/background/apply-rules.ts';
import { onMessage } from '../../src/background/on-message.ts';
import { syncPauses } from '../../src/background/pause-site.ts';
import { refreshPolicy } from '../../src/background/settings-store.ts';
import { PAUSE_RULE_IDS, PAUSES_KEY } from '../../src/core/constants.ts';

const EXT = 'testextensionid';
const popup = { id: EXT, url: `chrome-extension://${EXT}/popup.html?tab=4` };
const content = { id: EXT, tab: { id: 4, index: 0 }, frameId: 0, url: 'https://app.example/', documentLifecycle: 'active' };
const send = (message: unknown, sender: object) => onMessage(message, sender as never);
const pauseRules = async () => (await browser.declarativeNetRequest.getSessionRules()).filter((r) => r.id >= PAUSE_RULE_IDS.first && r.id <= PAUSE_RULE_IDS.last);

describe('pause on this site (background)', () => {
  it('is refused from a content script, and granted from the popup as two session rules for the site', async () => {
    await send({ type: 'ui-to-bg/update-settings', patch: { mode: 'block', blockedProviders: ['deepseek'] } }, popup);
    expect(await send({ type: 'ui-to-bg/pause-site', site: 'app.example' }, content)).toEqual({ ok: false, error: 'unknown content message type "ui-to-bg/pause-site"' });
    expect(await pauseRules()).toEqual([]);
    const granted = (await send({ type: 'ui-to-bg/pause-site', site: 'app.example' }, popup)) as { ok: boolean; until: number };
    expect(granted.ok).toBe(true);
    expect(granted.until - Date.now()).toBeGreaterThan(59 * 60_000);
    expect((await pauseRules()).map((r) => [r.action.type, r.condition])).toEqual([
      ['allowAllRequests', { requestDomains: ['app.example'], resourceTypes: ['main_frame'] }],
      ['allow', { initiatorDomains: ['app.example'] }],
    ]);
    expect(await send({ type: 'ui-to-bg/get-pauses' }, popup)).toEqual({ 'app.example': granted.until });
    expect(await send({ type: 'ui-to-bg/resume-site', site: 'app.example' }, popup)).toEqual({ ok: true });
    expect(await pauseRules()).toEqual([]);
    expect(await send({ type: 'ui-to-bg/get-pauses' }, popup)).toEqual({});
  });

  it('ends when its time is over, and is withdrawn when the organization forbids bypassing', async () => {
    await send({ type: 'ui-to-bg/update-settings', patch: { mode: 'block', blockedProviders: ['deepseek'] } }, popup);
    await send({ type: 'ui-to-bg/pause-site', site: 'app.example' }, popup);
    await browser.storage.session.set({ [PAUSES_KEY]: { 'app.example': Date.now() - 1 } });
    await syncPauses();
    expect(await pauseRules()).toEqual([]);
    expect(await browser.storage.session.get(PAUSES_KEY)).toEqual({ [PAUSES_KEY]: {} });

    expect(await send({ type: 'ui-to-bg/pause-site', site: 'app.example' }, popup)).toMatchObject({ ok: true });
    expect(await pauseRules()).toHaveLength(2);
    await browser.storage.managed.set({ allowBypass: false });
    await refreshPolicy();
    await applyRules('policy changed');
    expect(await pauseRules()).toEqual([]);
    expect(await send({ type: 'ui-to-bg/pause-site', site: 'app.example' }, popup)).toEqual({ ok: false, error: 'the organization does not allow bypassing blocks' });
  });
});
