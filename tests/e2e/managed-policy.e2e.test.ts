/// <reference types="chrome" />
/**
 * A real managed policy, the way an admin deploys it on Linux: a JSON file in Chromium's
 * managed-policy folder naming the extension's fixed ID, read by the browser at start-up. The
 * policy's blocks apply, what it locks cannot be changed from the popup (or by any message), and a
 * malformed key is reported while the rest applies.
 *
 * The folder is machine-wide, so the file lives only while this file's browser runs (e2e files
 * run one at a time, vitest.config.ts) and is removed afterwards.
 */
import { MODEL_BLOCK_RULE_ID } from '../../src/core/constants.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, WARNING_DISMISSED_KEY } from '../../src/core/constants.ts';
import { FIRST_RUN_KEY, FIRST_RUN_PAGE } from '../../src/core/first-run/first-run-decision.ts';
import type { SettingsView } from '../../src/core/settings-view.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, openPopup, screenshot, stopServiceWorker, tabIdOf } from './harness/extension.ts';
import { CHROMIUM_POLICY_FILE, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';
import { getSettings, updateSettings, waitForPolicy } from './harness/settings.ts';
import { bannerNodes, bannerText, clickBannerButton, elementShot, inContentScript, windowShot } from './harness/warning-banner.ts';


const POLICY = {
  mode: 'block',
  blockedProviders: ['deepseek'],
  // One good entry, one bad: RU applies, "Mars" is reported.
  blockedCountries: ['RU', 'Mars'],
  // A value the extension does not know: reported, left out.
  blockLevel: 'severe',
  lockedSettings: ['mode', 'blockedProviders'],
  // The organization's own words on the block page (issue 19).
  approvedAlternatives: [
    { name: 'Contoso Copilot', url: 'https://app.example.com/', description: 'Approved for company data.' },
    { name: 'Contoso Translate', url: 'https://app.example.com/translate', providers: ['mistral'] },
  ],
  organizationMessage: { en: 'Company data stays in tools the company runs.\nAsk the service desk for an exception.', '*': 'Other languages' },
  supportUrl: 'mailto:servicedesk@contoso.example',
};

const HOSTS = ['app.example.com', 'api.deepseek.com', 'chat.deepseek.com', 'api.mistral.ai', 'llm.api.cloud.yandex.net', 'ai.corp.example'];

describe('managed policy (Chromium, Linux policy file)', () => {
  let ext: ExtensionBrowser;
  const workerLog: string[] = [];
  beforeAll(async () => {
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: POLICY } } });
    ext = await launchExtension({ hosts: HOSTS });
    ext.context.on('console', (m) => workerLog.push(m.text()));
    serveFakeAi(ext.server, 'api.deepseek.com', 'api.mistral.ai', 'llm.api.cloud.yandex.net', 'ai.corp.example');
    await waitForPolicy(ext, (view) => view.settings.org.blockedProviders.includes('deepseek'));
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
  });

  async function outboundPage() {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/outbound.html');
    return page;
  }
  const tryFetch = (page: Awaited<ReturnType<typeof outboundPage>>, url: string) => page.evaluate((u) => (window as any).tryFetch(u), url);

  it('the block page offers the tools the organization provides for this block, in its own words, with where to get help', async () => {
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    const guidance = page.locator('[data-org-guidance]');
    await expect.poll(() => guidance.count()).toBe(1);
    // Only the tool for every block: the other is for Mistral's.
    expect(await guidance.locator('[data-alternative]').evaluateAll((els) => els.map((e) => e.getAttribute('data-alternative')))).toEqual(['Contoso Copilot']);
    expect(await guidance.innerText()).toContain('Your organization provides Contoso Copilot. Approved for company data.');
    expect(await page.locator('[data-org-message]').innerText()).toBe('Company data stays in tools the company runs.\nAsk the service desk for an exception.');
    expect(await page.locator('[data-support-url]').getAttribute('href')).toBe('mailto:servicedesk@contoso.example');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `artifacts/screenshots/block-page-org-guidance-en-${scheme}.png`, fullPage: true });
    }
    // The button opens the tool in a new tab.
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), guidance.getByRole('link', { name: 'Open Contoso Copilot' }).click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe('https://app.example.com/');
    await opened.close();
    await page.close();
    // The popup of a page whose DeepSeek requests are blocked offers the same.
    const app = await outboundPage();
    expect(await tryFetch(app, 'https://api.deepseek.com/chat/completions')).toBe('failed TypeError: Failed to fetch');
    const popup = await openPopup(ext, await tabIdOf(ext, app));
    const inPopup = popup.locator('[data-org-guidance]');
    await expect.poll(() => inPopup.count(), { timeout: 10_000 }).toBe(1);
    expect(await inPopup.innerText()).toContain('Your organization provides Contoso Copilot.');
    expect(await inPopup.getByRole('link', { name: 'Open Contoso Copilot' }).getAttribute('href')).toBe('https://app.example.com/');
    await popup.screenshot({ path: 'artifacts/screenshots/popup-org-guidance-en-light.png', fullPage: true });
    await popup.close();
    await app.close();
  });

  it('the in-page warning about a blocked service offers the organization’s tool, and its button opens it', async () => {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/reporting.html');
    expect(await page.evaluate(() => (window as any).ask('https://api.deepseek.com/chat/completions', 'deepseek-chat'))).toMatch(/^failed/);
    // Typing is what makes a blocked request of the page worth a line.
    await page.locator('#question').pressSequentially('hello');
    const cdp = await ext.context.newCDPSession(page);
    await expect.poll(async () => (await bannerNodes(cdp))?.buttons[0]?.nodeValue, { timeout: 10_000 }).toBe('Open Contoso Copilot');
    expect((await bannerNodes(cdp))!.buttons.map((b) => b.nodeValue)).toEqual(expect.arrayContaining(['Details', 'Not now', 'Get help or ask for an exception']));
    // The organization's own words, under the line.
    expect((await bannerNodes(cdp))!.org).toBe('Company data stays in tools the company runs.\nAsk the service desk for an exception.');
    await windowShot(page, 'warning-org-guidance-en-light');
    expect((await bannerNodes(cdp))!.kind).toBe('blocked');
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), clickBannerButton(page, cdp, 'Open Contoso Copilot')]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe('https://app.example.com/');
    await opened.close();
    await cdp.detach();
    await page.close();
  });

  it("applies the policy's blocks: the provider and the valid country entry", async () => {
    const page = await outboundPage();
    const before = ext.server.requests.length;
    expect(await tryFetch(page, 'https://api.deepseek.com/chat/completions')).toBe('failed TypeError: Failed to fetch');
    expect(await tryFetch(page, 'https://llm.api.cloud.yandex.net/foundationModels/v1/completion')).toBe('failed TypeError: Failed to fetch');
    expect(ext.server.requests.slice(before).map((r) => r.host).filter((h) => h !== 'app.example.com')).toEqual([]);
    expect(await tryFetch(page, 'https://api.mistral.ai/v1/chat/completions')).toBe('ok 200');
    // A navigation lands on the block page, which names the organization.
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    await expect.poll(() => page.locator('.by').innerText()).toBe('Your organization blocks DeepSeek. Only your organization can change this.');
    expect(await page.locator('.why').innerText()).toContain('Your organization blocks DeepSeek.');
    // The organization's block is not the user's to lift: no "allow once", only "go back".
    expect(await page.getByRole('button', { name: 'Allow once for this site' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Go back|Close this tab/ }).count()).toBe(1);
  });

  it('reports each malformed key with the reason, and applies the rest', async () => {
    const view: SettingsView = await getSettings(ext);
    // Chromium hands over the keys in its own order.
    expect([...view.policyProblems].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'blockedCountries[1]', reason: '"Mars" is not an ISO 3166-1 alpha-2 country code' },
      { key: 'blockLevel', reason: '"severe" is not one of off, high, medium, unknown, low' },
    ]);
    expect(view.settings.org).toMatchObject({ blockedProviders: ['deepseek'], blockedCountries: ['RU'], blockLevel: 'off' });
    expect(view.settings.locked).toEqual(['mode', 'blockedProviders']);
    // On the options page, for the person who reads them.
    const options = await openOptions(ext);
    const problems = options.locator('#policy-problems li');
    await expect.poll(() => problems.count()).toBe(2);
    expect(await options.locator('#policy-problems [data-problem-key="blockedCountries[1]"]').innerText()).toContain('"Mars" is not an ISO 3166-1 alpha-2 country code');
    expect(await options.locator('#policy-problems [data-problem-key="blockLevel"]').innerText()).toContain('"severe"');
    await screenshot(options, 'options-policy-problems');
    // And in the service worker's log, each time it reads the policy.
    await stopServiceWorker(ext);
    await getSettings(ext); // wakes a new worker, which reads the policy again
    await expect.poll(() => workerLog.join('\n'), { timeout: 10_000 }).toContain('managed policy: blockedCountries[1]: "Mars" is not an ISO 3166-1 alpha-2 country code');
    expect(workerLog.join('\n')).toContain('managed policy: blockLevel: "severe" is not one of');
  });

  it('shows locked controls in the popup as set by the organization, and refuses to change them', async () => {
    const page = await outboundPage();
    await tryFetch(page, 'https://api.deepseek.com/chat/completions');
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    const toggle = popup.locator('[data-toggle="blockedProviders:deepseek"]');
    await expect.poll(() => toggle.getAttribute('data-state')).toBe('org');
    expect(await toggle.innerText()).toContain('Blocked · set by your organization');
    expect(await toggle.locator('button').isDisabled()).toBe(true);
    // The country control of the same card is the user's own: not locked.
    expect(await popup.locator('[data-toggle="blockedCountries:CN"] button').isDisabled()).toBe(false);
    await screenshot(popup, 'popup-locked-by-policy');
    // A click on the disabled control does nothing; a message trying the same is refused.
    await toggle.locator('button').click({ force: true });
    expect((await getSettings(ext)).settings.org.blockedProviders).toEqual(['deepseek']);
    expect(await updateSettings(ext, { blockedProviders: [] })).toMatchObject({ ok: false, error: 'set by your organization: blockedProviders' });
    expect(await updateSettings(ext, { mode: 'monitor' })).toMatchObject({ ok: false, error: 'set by your organization: mode' });
    // What is not locked is still the user's to change.
    expect(await updateSettings(ext, { blockedCountries: ['CN'] })).toMatchObject({ ok: true });
    expect(await tryFetch(page, 'https://api.deepseek.com/chat/completions')).toBe('failed TypeError: Failed to fetch');
    expect(await updateSettings(ext, { blockedCountries: [] })).toMatchObject({ ok: true });
  });

  it("applies a changed policy live (Chrome and Edge), and honours the organization's allow of its own AI gateway", async () => {
    const page = await outboundPage();
    expect(await tryFetch(page, 'https://api.mistral.ai/v1/chat/completions')).toBe('ok 200');
    // Everything blocked by level, except the company's own gateway, which the policy adds and allows.
    const gateway = { id: 'corp-ai-gateway', name: 'Example Corp AI Gateway', country: 'DE', hosts: ['ai.corp.example'] };
    const next = { ...POLICY, blockLevel: 'low', extraProviders: [gateway], allowedProviders: ['corp-ai-gateway'] };
    // Chromium watches the policy folder and reloads a changed file after a few seconds.
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: next } } });
    await expect.poll(async () => (await getSettings(ext)).settings.org.blockLevel, { timeout: 45_000, interval: 500 }).toBe('low');
    const before = ext.server.requestsTo('api.mistral.ai').length;
    expect(await tryFetch(page, 'https://api.mistral.ai/v1/chat/completions')).toBe('failed TypeError: Failed to fetch');
    expect(ext.server.requestsTo('api.mistral.ai').length).toBe(before);
    expect(await tryFetch(page, 'https://ai.corp.example/v1/chat/completions')).toBe('ok 200');
    expect(ext.server.requestsTo('ai.corp.example').map((r) => r.method)).toContain('POST');
    // The fixed key is no longer reported; the remaining bad entry still is.
    expect((await getSettings(ext)).policyProblems.map((p) => p.key)).toEqual(['blockedCountries[1]']);
  }, 60_000);
});

describe('docs/admin.md scenario (c), warn-only rollout: the organization locks the warning on', () => {
  // The example file as admins get it.
  const SCENARIO = JSON.parse(readFileSync(new URL('../../docs/examples/scenario-warn-rollout.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const LINE = 'DeepSeek (China): under the National Intelligence Law (Art. 7, Art. 14), the state can require the company to hand over what you type.';
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: SCENARIO } } });
    ext = await launchExtension({ hosts: ['chat.deepseek.com'] });
    await waitForPolicy(ext, (view) => view.settings.locked.includes('showWarning'));
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
  });

  it('warns on a site the user turned the warning off on, offers no way to turn it off there, refuses the message that would, and says so in options', async () => {
    const view = await getSettings(ext);
    expect(view.settings).toMatchObject({ mode: 'warn', showWarning: true });
    expect(view.settings.locked).toEqual(['mode', 'showWarning']);
    // Turned off on this site before the organization's lock (as the banner's button records it).
    await (await ext.extensionPage()).evaluate((key) => chrome.storage.local.set({ [key]: ['chat.deepseek.com'] }), WARNING_DISMISSED_KEY);
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/chat.html');
    const cdp = await ext.context.newCDPSession(page);
    await expect.poll(() => bannerText(cdp)).toBe(LINE);
    expect((await bannerNodes(cdp))!.buttons.map((b) => b.nodeValue)).toEqual(['Details', 'Not now']);
    await windowShot(page, 'warning-locked-by-policy');
    // What the button would send, sent from the page's own content script: refused, nothing stored.
    const answer = await inContentScript(cdp, `chrome.runtime.sendMessage({ type: 'content-to-bg/dismiss-warning', doc: '${'0'.repeat(32)}' })`);
    expect(answer).toEqual({ ok: false });
    expect(await (await ext.extensionPage()).evaluate((key) => chrome.storage.local.get(key), WARNING_DISMISSED_KEY)).toEqual({ [WARNING_DISMISSED_KEY]: ['chat.deepseek.com'] });
    // Nor can the popup or options page turn the warning off.
    expect(await updateSettings(ext, { showWarning: false })).toMatchObject({ ok: false, error: 'set by your organization: showWarning' });
    // The options page lists the site as overruled.
    const options = await openOptions(ext);
    const list = options.locator('[data-warning-sites]');
    await expect.poll(() => list.getAttribute('data-warning-sites')).toBe('overruled');
    expect(await list.locator('[data-note="overruled"]').innerText()).toContain('Your organization keeps the warning on, so it shows on these sites too.');
    expect(await list.locator('[data-warning-site="chat.deepseek.com"]').innerText()).toContain('shown anyway');
    expect(await options.locator('[data-setting="showWarning"] input[type="checkbox"]').isDisabled()).toBe(true);
    await elementShot(options.locator('[data-setting="showWarning"]'), 'options-warning-sites-overruled');
    // "Not now" is still the user's: gone for this visit, back on the next.
    await clickBannerButton(page, cdp, 'Not now');
    await expect.poll(() => bannerText(cdp)).toBeNull();
    await page.reload();
    await expect.poll(() => bannerText(cdp)).toBe(LINE);
    // The organization lifts the lock while the banner shows: the user's own choice for this site
    // counts again, and the banner goes at once (pushed on the policy change, no reload).
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { ...SCENARIO, lockedSettings: ['mode'] } } } });
    await expect.poll(async () => (await getSettings(ext)).settings.locked, { timeout: 45_000, interval: 500 }).toEqual(['mode']);
    await expect.poll(() => bannerText(cdp), { timeout: 5000 }).toBeNull();
    await expect.poll(() => options.locator('[data-warning-sites]').getAttribute('data-warning-sites')).toBe('off');
  }, 90_000);
});

describe('an organization that sets the mode and forbids bypassing', () => {
  // The user's own block of DeepSeek stays theirs; the organization only sets the mode and says
  // no block may be bypassed.
  const POLICY_NO_BYPASS = { mode: 'block', allowBypass: false };
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: POLICY_NO_BYPASS } } });
    // A fresh install, with the first-run page left for the test to look for.
    ext = await launchExtension({ hosts: ['app.example.com', 'api.deepseek.com'], keepFirstRun: true });
    serveFakeAi(ext.server, 'api.deepseek.com');
    await waitForPolicy(ext, (view) => view.settings.allowBypass === false && view.settings.mode === 'block');
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
  });

  it('opens no first-run page on install: the organization has set the mode', async () => {
    const probe = await ext.extensionPage();
    await expect.poll(async () => ((await probe.evaluate((key) => chrome.storage.local.get(key), FIRST_RUN_KEY)) as Record<string, { decision?: string }>)[FIRST_RUN_KEY]?.decision, { timeout: 15_000 }).toBeDefined();
    const record = ((await probe.evaluate((key) => chrome.storage.local.get(key), FIRST_RUN_KEY)) as Record<string, { decision: string }>)[FIRST_RUN_KEY]!;
    expect(record.decision).not.toBe('open');
    expect(ext.context.pages().map((p) => p.url()).filter((u) => u.endsWith(`/${FIRST_RUN_PAGE}`))).toEqual([]);
  });

  it('offers no pause on a site the user blocks AI on, and refuses a pause asked for all the same', async () => {
    expect((await updateSettings(ext, { blockedProviders: ['deepseek'] })).ok).toBe(true);
    const page = await ext.newPage();
    await page.goto('https://app.example.com/outbound.html');
    const tabId = await tabIdOf(ext, page);
    expect(await page.evaluate((u) => (window as any).tryFetch(u), 'https://api.deepseek.com/chat/completions')).toMatch(/^failed/);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('article.card[data-provider="deepseek"] .block-status').count(), { timeout: 15_000 }).toBe(1);
    expect(await popup.locator('.pause').count()).toBe(0);
    const answer = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/pause-site', site: 'app.example.com' }));
    expect(answer).toMatchObject({ ok: false });
    expect((await popup.evaluate(() => chrome.declarativeNetRequest.getSessionRules())).filter((r) => r.id < MODEL_BLOCK_RULE_ID)).toEqual([]);
    expect(await page.evaluate((u) => (window as any).tryFetch(u), 'https://api.deepseek.com/chat/completions')).toMatch(/^failed/);
  });
});
