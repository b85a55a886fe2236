/// <reference types="chrome" />
/**
 * Issue 19: justify mode and exceptions that end, with a real managed-policy file.
 *
 * - Justify: the block page asks for a reason, the service opens, the reason is in the audit log
 *   as inert text (a hostile reason stays text on the options page and is in no rule), the site
 *   stays open for the policy's time and closes when it ends, across a service-worker restart.
 * - An allow-list entry with `until`: applies before its end, and stops applying after it while
 *   the worker sleeps; the options page shows when each exception ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, JUSTIFIED_KEY, JUSTIFY_RULE_IDS } from '../../src/core/constants.ts';
import { storedEntries } from './harness/audit-entries.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, screenshot, stopServiceWorker } from './harness/extension.ts';
import { CHROMIUM_POLICY_FILE, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';
import { dynamicRules, waitForPolicy } from './harness/settings.ts';

const HOSTS = ['app.example.com', 'chat.deepseek.com', 'api.deepseek.com', 'api.mistral.ai'];
const HOSTILE = `Vendor call <img src=x onerror="document.title='pwned'"> "'; DROP TABLE audit; -- \u202Eevil`;

async function sessionRules(ext: ExtensionBrowser): Promise<chrome.declarativeNetRequest.Rule[]> {
  const page = await ext.extensionPage();
  return page.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
}

describe('justify mode: continue with a reason (Chromium, policy file)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    installPolicyFile(CHROMIUM_POLICY_FILE, {
      '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { mode: 'justify', justifyMinutes: 15, blockedCountries: ['CN'], lockedSettings: ['mode'], organizationMessage: { en: 'Reasons are reviewed weekly.', 'zh-CN': '理由每周审核。' } } } },
    });
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'api.deepseek.com', 'api.mistral.ai');
    await waitForPolicy(ext, (view) => view.settings.mode === 'justify' && view.settings.org.blockedCountries.includes('CN'));
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
  });

  it('asks for a reason, opens the service for the policy’s time, and keeps the reason as text only', async () => {
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    const form = page.locator('[data-justify]');
    await expect.poll(() => form.count()).toBe(1);
    expect(await form.innerText()).toContain('The service opens for 15 minutes.');
    // No "allow once" in justify mode: the reason is the way through.
    expect(await page.getByRole('button', { name: 'Allow once for this site' }).count()).toBe(0);
    // Too short: refused on the page, nothing opens.
    await form.locator('textarea').fill('no');
    await form.getByRole('button', { name: 'Continue for 15 minutes' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('at least 3 characters');
    await form.locator('textarea').fill(HOSTILE);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `block-page-justify-en-${scheme}`);
    }
    const before = Date.now();
    await form.getByRole('button', { name: 'Continue for 15 minutes' }).click();
    await page.waitForURL('https://chat.deepseek.com/');
    expect(await page.title()).not.toBe('pwned');

    // Open for the policy's 15 minutes, stored where a browser restart does not lose it.
    const opts = await openOptions(ext);
    const stored = (await opts.evaluate((key) => chrome.storage.local.get(key), JUSTIFIED_KEY))[JUSTIFIED_KEY] as Record<string, number>;
    expect(Object.keys(stored)).toEqual(['chat.deepseek.com']);
    expect(stored['chat.deepseek.com']! - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(stored['chat.deepseek.com']! - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    // The audit log has the reason as given (one line, controls out), and no rule carries it.
    await expect.poll(async () => (await storedEntries(opts)).filter((e) => e.type === 'justify').length).toBe(1);
    const [entry] = (await storedEntries(opts)).filter((e) => e.type === 'justify');
    expect(entry).toMatchObject({ type: 'justify', host: 'chat.deepseek.com', providerId: 'deepseek', reason: HOSTILE, rule: 'org country CN' });
    const rules = JSON.stringify([...(await dynamicRules(ext)), ...(await sessionRules(ext))]);
    expect(rules).not.toContain('Vendor call');
    expect(rules).toContain('chat.deepseek.com');

    // The options page shows it as text: no element made of it, the page's title untouched.
    await opts.goto(opts.url().replace(/#.*$/, '') + '#audit');
    const reason = opts.locator('[data-reason]').first();
    await expect.poll(() => reason.count()).toBe(1);
    expect(await reason.innerText()).toBe(`Reason: ${HOSTILE}`);
    expect(await reason.locator('img').count()).toBe(0);
    expect(await opts.title()).not.toBe('pwned');
    await screenshot(opts, 'options-audit-justify-en');
    await opts.close();
    await page.close();
  });

  it('closes the service again when the time ends, even after the worker was stopped', async () => {
    // The grant's end moved to 10 s from now (as if most of the 15 minutes had passed), its rules
    // removed as a browser restart removes session rules, and the worker stopped: the next start
    // rebuilds the rules from what is stored, and the alarm closes the site at its end.
    const justifyRules = async () => (await sessionRules(ext)).filter((r) => r.id >= JUSTIFY_RULE_IDS.first && r.id <= JUSTIFY_RULE_IDS.last);
    const opts = await openOptions(ext);
    const end = Date.now() + 10_000;
    await opts.evaluate(
      async ([key, at, ids]) => {
        await chrome.storage.local.set({ [key]: { 'chat.deepseek.com': at } });
        await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: ids });
      },
      [JUSTIFIED_KEY, end, (await justifyRules()).map((r) => r.id)] as const,
    );
    expect(await justifyRules()).toEqual([]);
    await opts.close();
    await stopServiceWorker(ext);
    const page = await ext.newPage();
    // A page visit wakes the worker, which rebuilds the grant from storage: open until its end.
    await page.goto('https://app.example.com/outbound.html');
    await expect.poll(async () => (await justifyRules()).length, { timeout: 8_000 }).toBeGreaterThan(0);
    expect(Date.now()).toBeLessThan(end);
    await expect.poll(async () => (await justifyRules()).length, { timeout: 30_000 }).toBe(0);
    expect(Date.now()).toBeGreaterThanOrEqual(end);
    const visit = await ext.newPage();
    await visit.goto('https://chat.deepseek.com/').catch(() => undefined);
    await visit.waitForURL(/blocked\.html/);
    await visit.close();
    await page.close();
  });
});

describe('exceptions that end (Chromium, policy file)', () => {
  let ext: ExtensionBrowser;
  let end = 0;
  beforeAll(async () => {
    end = Date.now() + 25_000;
    installPolicyFile(CHROMIUM_POLICY_FILE, {
      '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { mode: 'block', blockedCountries: ['CN'], allowedProviders: [`deepseek until ${new Date(end).toISOString()}`] } } },
    });
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'api.deepseek.com', 'api.mistral.ai');
    await waitForPolicy(ext, (view) => view.settings.org.blockedCountries.includes('CN'));
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
  });

  it('applies until its end, shows the end on the options page, and stops within a minute of it while the worker sleeps', async () => {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/outbound.html');
    const tryFetch = () => page.evaluate(() => (window as any).tryFetch('https://api.deepseek.com/chat/completions'));
    expect(Date.now()).toBeLessThan(end - 5000);
    expect(await tryFetch()).toBe('ok 200');

    const opts = await openOptions(ext);
    await opts.goto(opts.url().replace(/#.*$/, '') + '#lists');
    const entry = opts.locator('[data-entry="deepseek"][data-tier="org"]');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.getAttribute('data-until')).toBe(new Date(end).toISOString());
    expect(await entry.locator('.until').innerText()).toMatch(/^until /);
    // The user's own exception with an end, from the same page.
    await opts.locator('#allowedProviders-add').selectOption('mistral');
    await opts.locator('#allowedProviders-add-until').fill('2099-12-31T18:00');
    await opts.locator('#allowedProviders-add').locator('xpath=ancestor::form').getByRole('button', { name: 'Add' }).click();
    const mine = opts.locator('[data-entry="mistral"][data-tier="user"]');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.getAttribute('data-until')).toBe(new Date(2099, 11, 31, 18, 0).toISOString());
    await screenshot(opts, 'options-lists-until-en');
    await mine.locator('xpath=ancestor::div[@role="group"][1]').screenshot({ path: 'artifacts/screenshots/options-allowed-providers-until-en.png' });
    await opts.close();

    // The worker sleeps through the end; its alarm wakes it and the rules are rebuilt.
    await stopServiceWorker(ext);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, end - Date.now())));
    await expect.poll(tryFetch, { timeout: 60_000, interval: 1000 }).toMatch(/^failed/);
    expect(Date.now() - end).toBeLessThan(60_000);
    await page.close();
  });
});
