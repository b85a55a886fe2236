/**
 * The exported Chrome/Edge URLBlocklist, loaded by Chromium itself: the JSON the export writes
 * becomes a machine policy file (the folder docs/admin.md names), chrome://policy shows it without
 * an error, and Chromium refuses a listed AI host and its subdomains while other sites load. A
 * plain Chromium, without the extension, so that only the policy can block.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { exportEntries } from '../../src/core/export/export-entries.ts';
import { exportFile } from '../../src/core/export/export-formats.ts';
import { policyStateOf } from '../../src/core/policy-state.ts';
import { launchExtension } from './harness/browser.ts';
import { openOptions } from './harness/extension.ts';
import { launchPlainBrowser, type PlainBrowser } from './harness/plain-browser.ts';
import { updateSettings } from './harness/settings.ts';
import { CHROMIUM_POLICY_FILE, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';

describe('export: Chrome URLBlocklist', () => {
  let browser: PlainBrowser;
  let list: string[];
  beforeAll(async () => {
    const state = policyStateOf(database, {}, { blockedProviders: ['deepseek'] });
    const file = exportFile('chrome-urlblocklist', exportEntries(state.db, state.settings, { blockedOnly: true }), { now: Date.now(), selection: 'test', database: 'test' });
    list = (JSON.parse(file.text) as { URLBlocklist: string[] }).URLBlocklist;
    installPolicyFile(CHROMIUM_POLICY_FILE, JSON.parse(file.text));
    browser = await launchPlainBrowser({ hosts: ['chat.deepseek.com', 'status.api.deepseek.com', 'news.example.com'] });
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await browser?.close();
  });

  it('is accepted by Chromium’s own policy page and blocks the listed hosts, subdomains included, and nothing else', async () => {
    expect(list).toContain('chat.deepseek.com');
    // Positive control: a site the list does not name loads.
    const control = await browser.newPage();
    expect(await control.goto('https://news.example.com/', { waitUntil: 'commit' }).then((r) => r?.status())).toBe(200);
    const page = await browser.newPage();
    await page.goto('chrome://policy');
    // The policy page lists each policy with its status (its rows are in shadow roots, which
    // Playwright's CSS locators pierce); an unreadable value shows an error instead of OK.
    const row = page.locator('.policy.row').filter({ hasText: 'URLBlocklist' }).first();
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    const text = await row.innerText();
    expect(text).toMatch(/\bOK\b/);
    expect(text).not.toMatch(/Error|Warning|Ignored/);
    expect(text).toContain('api.deepseek.com');
    const blocked = await page.goto('https://chat.deepseek.com/').then(() => 'loaded', (e: Error) => e.message);
    expect(blocked).toContain('ERR_BLOCKED_BY_ADMINISTRATOR');
    const sub = await page.goto('https://status.api.deepseek.com/').then(() => 'loaded', (e: Error) => e.message);
    expect(sub).toContain('ERR_BLOCKED_BY_ADMINISTRATOR');
    // (The tabs stay open: closing one that shows the browser's error page can hang; the browser is closed after.)
  });
});

describe('export from the options page', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`downloads what the settings block as a zone BIND accepts, and says what it left out (${lang})`, async () => {
      const ext = await launchExtension({ hosts: [], ...(lang === 'zh-CN' ? { args: ['--lang=zh-CN'] } : {}) });
      try {
        await updateSettings(ext, { blockedProviders: ['deepseek', 'amazon'] });
        const options = await openOptions(ext);
        const panel = options.locator('#export');
        await panel.scrollIntoViewIfNeeded();
        await options.locator('[data-export-format]').selectOption('rpz');
        const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-export-download]').click()]);
        expect(download.suggestedFilename()).toMatch(/^ai-guard-rpz-\d{4}-\d{2}-\d{2}\.zone$/);
        const path = await download.path();
        const zone = readFileSync(path, 'utf8');
        expect(zone).toContain('\napi.deepseek.com CNAME .\n');
        expect(zone).not.toContain('api.openai.com');
        const check = spawnSync('/usr/bin/named-checkzone', ['rpz.ai-guard.test', path], { encoding: 'utf8' });
        expect(check.status, check.stdout + check.stderr).toBe(0);
        // Amazon's regional Bedrock patterns have a * inside: RPZ cannot say them, and the page says so.
        const result = options.locator('[data-export-result]');
        expect(await result.innerText()).toContain('bedrock-runtime.*.amazonaws.com');
        for (const scheme of ['light', 'dark'] as const) {
          await options.emulateMedia({ colorScheme: scheme });
          await panel.screenshot({ path: `artifacts/screenshots/options-export-${lang}-${scheme}.png` });
        }
      } finally {
        await ext.close();
      }
    });
  }
});
