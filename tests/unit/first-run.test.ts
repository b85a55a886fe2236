/**
 * The first-run page: opened once on a fresh install, never on an update, never when the
 * organization's policy sets `mode` (decided on the policy as read at install, or its cache
 * when the read fails), and what its mode line says.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { openFirstRun } from '../../src/background/first-run.ts';
import { POLICY_CACHE_KEY } from '../../src/core/constants.ts';
import { FIRST_RUN_KEY, firstRunDecision, policySetsMode } from '../../src/core/first-run/first-run-decision.ts';
import { modeSummary } from '../../src/core/first-run/mode-summary.ts';
import { effectiveSettings } from '../../src/core/policy-merge.ts';
import type { FakeBrowser } from '../mocks/webextension-polyfill.ts';

const fake = browser as unknown as FakeBrowser & { tabs: { create?: (p: { url: string }) => Promise<unknown> } };
const noPolicy = { ok: true as const, raw: {} };

describe('firstRunDecision', () => {
  it('opens on a fresh install without a policy, or with one that leaves the mode to the user', () => {
    expect(firstRunDecision({ reason: 'install', alreadyDecided: false, policy: noPolicy })).toBe('open');
    expect(firstRunDecision({ reason: 'install', alreadyDecided: false, policy: { ok: true, raw: { blockedCountries: ['CN'] } } })).toBe('open');
  });

  it('does not open on an update, a browser update or a shared-module update', () => {
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update']) {
      expect(firstRunDecision({ reason, alreadyDecided: false, policy: noPolicy })).toBe('not-install');
    }
  });

  it('does not open twice', () => {
    expect(firstRunDecision({ reason: 'install', alreadyDecided: true, policy: noPolicy })).toBe('already-shown');
  });

  it('does not open when the policy sets mode (any value: the admin manages it), nor when the policy cannot be read', () => {
    for (const mode of ['monitor', 'warn', 'block', 'severe']) {
      expect(firstRunDecision({ reason: 'install', alreadyDecided: false, policy: { ok: true, raw: { mode } } })).toBe('policy-sets-mode');
    }
    expect(firstRunDecision({ reason: 'install', alreadyDecided: false, policy: { ok: false } })).toBe('policy-unreadable');
    expect(policySetsMode(null)).toBe(false);
    expect(policySetsMode(['mode'])).toBe(false);
    expect(policySetsMode(Object.create({ mode: 'block' }))).toBe(false);
  });
});

describe('openFirstRun (background, fake browser)', () => {
  let created: string[];
  beforeEach(() => {
    created = [];
    fake.tabs.create = vi.fn(async ({ url }: { url: string }) => void created.push(url));
  });

  it('opens welcome.html once on install and stores the decision', async () => {
    await openFirstRun('install');
    expect(created).toEqual([browser.runtime.getURL('welcome.html')]);
    expect((await browser.storage.local.get(FIRST_RUN_KEY))[FIRST_RUN_KEY]).toMatchObject({ decision: 'open' });
    await openFirstRun('install'); // a second install event (or a replay) opens nothing
    expect(created).toHaveLength(1);
  });

  it('opens nothing on update', async () => {
    await openFirstRun('update');
    expect(created).toEqual([]);
    expect((await browser.storage.local.get(FIRST_RUN_KEY))[FIRST_RUN_KEY]).toBeUndefined();
  });

  it("opens nothing when the managed policy sets mode, and records why", async () => {
    await fake.storage.managed.set({ mode: 'monitor' });
    await openFirstRun('install');
    expect(created).toEqual([]);
    expect((await browser.storage.local.get(FIRST_RUN_KEY))[FIRST_RUN_KEY]).toMatchObject({ decision: 'policy-sets-mode' });
  });

  it('waits for a slow policy read before deciding', async () => {
    let answer!: (v: Record<string, unknown>) => void;
    fake.storage.managed.get = () => new Promise((ok) => (answer = ok));
    const done = openFirstRun('install');
    await new Promise((ok) => setTimeout(ok, 20));
    expect(created).toEqual([]);
    answer({ mode: 'warn' });
    await done;
    expect(created).toEqual([]);
  });

  it("takes Firefox's 'no policy' rejection as no policy; another failed read falls back to the cached policy", async () => {
    fake.storage.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    await openFirstRun('install');
    expect(created).toHaveLength(1);
    await browser.storage.local.remove(FIRST_RUN_KEY);
    fake.storage.managed.get = () => Promise.reject(new Error('policy service unavailable'));
    await browser.storage.local.set({ [POLICY_CACHE_KEY]: { raw: { mode: 'block' }, readAt: 1 } });
    await openFirstRun('install');
    expect(created).toHaveLength(1);
    await browser.storage.local.remove([FIRST_RUN_KEY, POLICY_CACHE_KEY]);
    await openFirstRun('install');
    expect(created).toHaveLength(1); // unreadable and nothing cached: no page rather than a wrong one
    expect((await browser.storage.local.get(FIRST_RUN_KEY))[FIRST_RUN_KEY]).toMatchObject({ decision: 'policy-unreadable' });
  });
});

describe('modeSummary', () => {
  it('says Block with nothing listed blocks nothing', () => {
    expect(modeSummary(effectiveSettings({}, {}))).toBe('block-nothing');
    expect(modeSummary(effectiveSettings({ allowedProviders: ['openai'] }, {}))).toBe('block-nothing');
    expect(modeSummary(effectiveSettings({ blockedProviders: ['deepseek'] }, {}))).toBe('block');
    expect(modeSummary(effectiveSettings({}, { blockedCountries: ['CN'] }))).toBe('block');
    expect(modeSummary(effectiveSettings({ blockLevel: 'high' }, {}))).toBe('block');
    expect(modeSummary(effectiveSettings({ mode: 'warn', blockedProviders: ['deepseek'] }, {}))).toBe('warn');
    expect(modeSummary(effectiveSettings({}, { mode: 'monitor' }))).toBe('monitor');
  });
});
