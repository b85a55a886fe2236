/**
 * A real Firefox enterprise policy: policies.json in the browser's `distribution` folder with the
 * add-on's settings under `3rdparty.Extensions`, read at start-up. Unlike Chrome, Firefox passes
 * the values on unchecked, so the extension itself reports unknown keys and wrong types, and
 * applies the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/core/constants.ts';
import type { SettingsView } from '../../src/core/settings-view.ts';
import { answerChat } from './harness/ai-api.ts';
import { type FirefoxExtension, launchFirefox } from './harness/firefox.ts';
import { firefoxPolicyFile, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';

const POLICY = { blockedProviders: ['deepseek'], blockLevel: 'severe', auditRetentionDays: 'ten', blockedProvider: ['openai'] };

describe('Firefox: policies.json', () => {
  let ff: FirefoxExtension;
  let file = '';
  beforeAll(async () => {
    file = firefoxPolicyFile();
    installPolicyFile(file, { policies: { '3rdparty': { Extensions: { [GECKO_ID]: POLICY } } } });
    ff = await launchFirefox();
  }, 60_000);
  afterAll(async () => {
    if (file) restorePolicyFile(file);
    await ff?.close();
  });

  const settings = () => ff.extensionEval<SettingsView>(`browser.runtime.sendMessage({ type: 'ui-to-bg/get-settings' })`);

  it('reports each bad key (unknown, wrong type, bad value) and applies the rest', async () => {
    await expect.poll(async () => (await settings()).settings.org.blockedProviders, { timeout: 15_000 }).toEqual(['deepseek']);
    const view = await settings();
    expect([...view.policyProblems].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'auditRetentionDays', reason: '"ten" is not a whole number of days from 1 to 3650' },
      { key: 'blockedProvider', reason: 'unknown key' },
      { key: 'blockLevel', reason: '"severe" is not one of off, high, medium, unknown, low' },
    ]);
    expect(view.settings.auditRetentionDays).toBe(30);
  });

  it("blocks what the policy blocks", async () => {
    ff.server.route('api.deepseek.com', '*', answerChat);
    const tab = await ff.openTab(ff.urlFor('app.example.com', '/requests.html'));
    const api = ff.urlFor('api.deepseek.com', '/chat/completions');
    const before = ff.server.requestsTo('api.deepseek.com').length;
    expect(await ff.evaluate<string>(tab, `fetch(${JSON.stringify(api)}, { method: 'POST', body: '{}' }).then((r) => 'ok ' + r.status, (e) => 'failed ' + e.name)`)).toBe('failed TypeError');
    expect(ff.server.requestsTo('api.deepseek.com').length).toBe(before);
  });
});
