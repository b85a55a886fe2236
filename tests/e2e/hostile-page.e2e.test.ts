/// <reference types="chrome" />
/**
 * A page is attacker-controlled: it may forge the hook's events, post fake extension messages
 * and flood AI-shaped requests. It may create findings about its own traffic, bounded, and
 * nothing else: no forged finding, no settings change, and the extension keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_TAB } from '../../src/core/constants.ts';
import { AUDIT_MAX_PER_MINUTE_PER_TAB } from '../../src/core/audit-throttle.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { storedSession, tabIdOf, tabState, toolbarBadge } from './harness/extension.ts';

describe('a hostile page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: ['hostile.example.com', 'chat.deepseek.com'] });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('cannot forge findings, change settings, or grow the stored state without bound', async () => {
    const probe = await ext.extensionPage();
    // The worker records its first rule update at start-up; wait for it, so that only what the
    // page causes can change storage.local from here on.
    await expect.poll(() => probe.evaluate(() => chrome.storage.local.get('rules:status').then((s) => 'rules:status' in s))).toBe(true);
    const localBefore = await probe.evaluate(() => chrome.storage.local.get(null));
    const page = await ext.newPage();
    await page.goto('https://hostile.example.com/');
    const tabId = await tabIdOf(ext, page);
    // 3,000 requests to 3,000 made-up hosts (they fail to resolve, like any unknown host offline).
    await page.evaluate(() => (window as unknown as { attack(n: number): Promise<number> }).attack(3000));
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.length ?? 0, { timeout: 15_000 }).toBe(MAX_FINDINGS_PER_TAB);
    await page.waitForTimeout(1000);
    const state = (await tabState(ext, tabId))!;
    expect(state.findings.length).toBe(MAX_FINDINGS_PER_TAB);
    expect(state.findings.every((f) => f.kind === 'unknown-endpoint' && f.host.endsWith('.attacker.example'))).toBe(true);
    // The forged events named DeepSeek and a made-up model: neither appears.
    expect(state.findings.some((f) => f.host === 'api.deepseek.com' || f.model === 'forged-model')).toBe(false);
    // The whole session store stays small (one tab's bounded state).
    expect(JSON.stringify(await storedSession(ext)).length).toBeLessThan(200_000);
    // Only the audit log's count of events over its rate is added: of the 200 new findings it logs
    // at most its cap a minute, and says how many it left out (docs/audit-log.md).
    await expect
      .poll(async () => ((await probe.evaluate(() => chrome.storage.local.get('audit:dropped')))['audit:dropped'] as { count: number } | undefined)?.count ?? 0, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(MAX_FINDINGS_PER_TAB - 2 * AUDIT_MAX_PER_MINUTE_PER_TAB);
    const { 'audit:dropped': _dropped, ...localAfter } = await probe.evaluate(() => chrome.storage.local.get(null));
    expect(localAfter).toEqual(localBefore);
    expect((await toolbarBadge(ext, tabId)).text).toBe('?');

    // The extension still works for the next page in the same tab.
    await page.goto('https://chat.deepseek.com/');
    await expect.poll(async () => (await toolbarBadge(ext, tabId)).text).toBe('HIGH');
    expect((await tabState(ext, tabId))?.findings.map((f) => f.kind)).toEqual(['site']);
  });
});
