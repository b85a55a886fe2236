/**
 * The background's settings and policy store and the rule updates it drives, against the fake
 * browser: a slow or failing managed-storage read, locked keys, stale rule IDs, and a rule the
 * browser refuses.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { applyRules } from '../../src/background/apply-rules.ts';
import { currentState, invalidateState, refreshPolicy, updateUserSettings } from '../../src/background/settings-store.ts';
import { settingsView } from '../../src/background/settings-view.ts';
import { POLICY_CACHE_KEY, RULES_STATUS_KEY, USER_SETTINGS_KEY } from '../../src/core/constants.ts';
import type { RulesStatus } from '../../src/core/settings-view.ts';
import type { FakeBrowser } from '../mocks/webextension-polyfill.ts';
import { expectConsole } from './quiet-console.ts';

const fake = browser as unknown as FakeBrowser;
const domainsOf = (rules: ReadonlyArray<object>) => rules.flatMap((r) => (r as { condition?: { requestDomains?: string[] } }).condition?.requestDomains ?? []);

beforeEach(() => {
  invalidateState();
});

describe('managed policy cache', () => {
  it('protects from the cached policy while storage.managed has not answered', async () => {
    await fake.storage.local.set({ [POLICY_CACHE_KEY]: { raw: { blockedProviders: ['deepseek'] }, readAt: 1 } });
    fake.storage.managed.get = () => new Promise(() => {}); // Chrome can take seconds
    await applyRules('test');
    expect(domainsOf(fake._test.dnr.rules)).toContain('deepseek.com');
  });

  it("treats Firefox's 'no policy' rejection as no policy, and applies a policy that arrives", async () => {
    await fake.storage.local.set({ [POLICY_CACHE_KEY]: { raw: { blockedProviders: ['deepseek'] }, readAt: 1 } });
    fake.storage.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    expect(await refreshPolicy()).toBe(true);
    expect((await currentState()).settings.org.blockedProviders).toEqual([]);
    await fake.storage.managed.set({ blockedCountries: ['CN'] });
    fake.storage.managed.get = Object.getPrototypeOf(fake.storage.managed).get.bind(fake.storage.managed);
    expect(await refreshPolicy()).toBe(true);
    expect((await currentState()).settings.org.blockedCountries).toEqual(['CN']);
    expect(await refreshPolicy()).toBe(false); // unchanged
  });

  it('keeps the last good policy when a read fails, and says why', async () => {
    const warn = expectConsole('warn');
    await fake.storage.local.set({ [POLICY_CACHE_KEY]: { raw: { blockedProviders: ['deepseek'] }, readAt: 1 } });
    fake.storage.managed.get = () => Promise.reject(new Error('policy service unavailable'));
    expect(await refreshPolicy()).toBe(false);
    const view = await settingsView();
    expect(view.settings.org.blockedProviders).toEqual(['deepseek']);
    expect(view.policyError).toBe('policy service unavailable');
    expect(warn).toHaveBeenCalledWith('managed policy could not be read, the last one read applies:', 'policy service unavailable');
  });

  it('reports bad keys and applies the rest', async () => {
    const warn = expectConsole('warn');
    await fake.storage.managed.set({ blockedCountries: ['RU', 'Mars'], blockLevel: 'severe', mode: 'warn' });
    await refreshPolicy();
    const view = await settingsView();
    expect(view.policyProblems.map((p) => p.key)).toEqual(['blockedCountries[1]', 'blockLevel']);
    expect(view.settings.org.blockedCountries).toEqual(['RU']);
    expect(view.settings.mode).toBe('warn');
    expect(warn.mock.calls.map(([line]) => String(line).split(':')[1])).toEqual([' blockedCountries[1]', ' blockLevel']);
  });
});

describe('user settings', () => {
  it('refuses a locked key whole and writes nothing', async () => {
    await fake.storage.managed.set({ blockedProviders: ['deepseek'], lockedSettings: ['blockedProviders'] });
    await refreshPolicy();
    expect(await updateUserSettings({ blockedProviders: [], blockedCountries: ['CN'] })).toEqual({ ok: false, error: 'set by your organization: blockedProviders' });
    expect((await fake.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY]).toBeUndefined();
  });

  it('keeps stored keys it does not change, even ones it cannot use', async () => {
    await fake.storage.local.set({ [USER_SETTINGS_KEY]: { futureKey: 1, blockedProviders: ['qwen-not-a-provider'] } });
    expect(await updateUserSettings({ blockedCountries: ['cn'] })).toEqual({ ok: true });
    expect((await fake.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY]).toEqual({ futureKey: 1, blockedProviders: ['qwen-not-a-provider'], blockedCountries: ['CN'] });
    expect((await settingsView()).userProblems.map((p) => p.key)).toEqual(['futureKey', 'blockedProviders[0]']);
  });

  it('refuses a bad value with the key and the reason', async () => {
    expect(await updateUserSettings({ mode: 'off' })).toMatchObject({ ok: false, error: 'mode: "off" is not one of monitor, warn, justify, block' });
  });
});

describe('rule updates', () => {
  it('replaces every rule, stale IDs included, in one update, and skips an update that changes nothing', async () => {
    fake._test.dnr.rules = [{ id: 99_999 }, { id: 5001 }];
    await updateUserSettings({ blockedProviders: ['deepseek'] });
    await applyRules('test');
    const ids = fake._test.dnr.rules.map((r) => r.id);
    expect(ids).not.toContain(99_999);
    expect(ids.every((id) => id >= 5001 && id <= 6000)).toBe(true);
    const updates = fake._test.dnr.updates;
    await applyRules('again');
    expect(fake._test.dnr.updates).toBe(updates);
  });

  it('leaves out a rule the browser refuses, keeps the others and reports it', async () => {
    const error = expectConsole('error');
    fake._test.dnr.refuse.add(5003);
    await updateUserSettings({ blockedProviders: ['amazon', 'deepseek'] });
    await applyRules('test');
    const ids = fake._test.dnr.rules.map((r) => r.id);
    expect(ids).toContain(5001);
    expect(ids).not.toContain(5003);
    const status = (await fake.storage.local.get(RULES_STATUS_KEY))[RULES_STATUS_KEY] as RulesStatus;
    expect(status.error).toContain('Rule with id 5003 was skipped');
    expect(status.rules).toBe(ids.length);
    expect(error).toHaveBeenCalledWith('block rules not applied (test):', expect.stringContaining('Rule with id 5003 was skipped'));
  });

  it('compiles nothing in warn and monitor modes', async () => {
    await updateUserSettings({ blockedProviders: ['deepseek'], mode: 'warn' });
    await applyRules('test');
    expect(fake._test.dnr.rules).toEqual([]);
  });
});
