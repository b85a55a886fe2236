/**
 * Issue 19, what people see where a block meets them:
 * - in Chinese, the organization's message (its Chinese text), support link and approved tool on
 *   the block page, in the real toolbar popup and in the in-page warning, in both themes;
 * - without any policy, a person's own "preferred AI tool", set on the options page, offered on
 *   the block page and in the in-page warning, whose buttons open it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../src/core/constants.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, openToolbarPopup, screenshot } from './harness/extension.ts';
import { CHROMIUM_POLICY_FILE, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';
import { getSettings, updateSettings, waitForPolicy } from './harness/settings.ts';
import { bannerNodes, clickBannerButton, windowShot } from './harness/warning-banner.ts';

const HOSTS = ['app.example.com', 'chat.deepseek.com', 'api.deepseek.com', 'chat.mistral.ai'];

describe('the organization’s guidance in Chinese (policy file, --lang=zh-CN)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    installPolicyFile(CHROMIUM_POLICY_FILE, {
      '3rdparty': {
        extensions: {
          [CHROME_EXTENSION_ID]: {
            blockedProviders: ['deepseek'],
            approvedAlternatives: [{ name: 'Contoso Copilot', url: 'https://app.example.com/', description: '可处理公司数据。' }],
            organizationMessage: { en: 'Company data stays in tools the company runs.', 'zh-CN': '公司数据只能留在公司运营的工具中。\n如需例外，请联系服务台。' },
            supportUrl: 'https://app.example.com/help',
          },
        },
      },
    });
    ext = await launchExtension({ hosts: HOSTS, args: ['--lang=zh-CN'] });
    serveFakeAi(ext.server, 'api.deepseek.com');
    await waitForPolicy(ext, (view) => view.settings.org.blockedProviders.includes('deepseek'));
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
  });

  it('the block page says it in Chinese: the approved tool, the organization’s Chinese text and where to get help', async () => {
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    const guidance = page.locator('[data-org-guidance]');
    await expect.poll(() => guidance.count()).toBe(1);
    expect(await guidance.innerText()).toContain('您的组织提供 Contoso Copilot');
    expect(await page.locator('[data-org-message]').innerText()).toBe('公司数据只能留在公司运营的工具中。\n如需例外，请联系服务台。');
    const help = page.locator('[data-support-url]');
    expect(await help.getAttribute('href')).toBe('https://app.example.com/help');
    expect(await help.innerText()).not.toMatch(/[A-Za-z]{4,}/);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `artifacts/screenshots/block-page-org-guidance-zh-${scheme}.png`, fullPage: true });
    }
    await page.close();
  });

  it('the real toolbar popup on the blocked page shows the same, in Chinese, in both themes', async () => {
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    const popup = await openToolbarPopup(ext, page);
    await expect.poll(() => popup.evaluate<number>('document.querySelectorAll("[data-org-guidance]").length'), { timeout: 10_000 }).toBe(1);
    expect(await popup.evaluate<string>('document.querySelector("[data-org-message]").innerText')).toBe('公司数据只能留在公司运营的工具中。\n如需例外，请联系服务台。');
    expect(await popup.evaluate<string>('document.querySelector("[data-org-guidance]").innerText')).toContain('您的组织提供 Contoso Copilot');
    await popup.screenshot('popup-toolbar-org-guidance-zh-light');
    await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
    await popup.screenshot('popup-toolbar-org-guidance-zh-dark');
    await popup.close();
    await page.close();
  });

  it('the in-page warning carries the Chinese text and the help button in Chinese', async () => {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/reporting.html');
    expect(await page.evaluate(() => (window as any).ask('https://api.deepseek.com/chat/completions', 'deepseek-chat'))).toMatch(/^failed/);
    await page.locator('#question').pressSequentially('你好');
    const cdp = await ext.context.newCDPSession(page);
    await expect.poll(async () => (await bannerNodes(cdp))?.org, { timeout: 10_000 }).toBe('公司数据只能留在公司运营的工具中。\n如需例外，请联系服务台。');
    const labels = (await bannerNodes(cdp))!.buttons.map((b) => b.nodeValue);
    expect(labels[0]).toBe('打开 Contoso Copilot');
    expect(labels.join(' ')).not.toMatch(/Get help|Details|Not now/);
    await windowShot(page, 'warning-org-guidance-zh-light');
    await cdp.detach();
    await page.close();
  });
});

describe('my preferred AI tool (no policy)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'api.deepseek.com');
  });
  afterAll(async () => ext?.close());

  it('is set on the options page and offered on the block page, whose button opens it', async () => {
    const options = await openOptions(ext);
    await options.locator('#preferredTool-name').fill('Le Chat');
    await options.locator('#preferredTool-url').fill('https://chat.mistral.ai/');
    await options.locator('#preferredTool-url').locator('xpath=ancestor::form').getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await getSettings(ext)).settings.preferredTool).toEqual({ name: 'Le Chat', url: 'https://chat.mistral.ai/' });
    // A bad address is refused on the page, and the saved tool stays.
    await options.locator('#preferredTool-url').fill('javascript:alert(1)');
    await options.locator('#preferredTool-url').locator('xpath=ancestor::form').getByRole('button', { name: 'Save' }).click();
    expect(await options.getByRole('alert').first().innerText()).toContain('https://');
    expect((await getSettings(ext)).settings.preferredTool).toEqual({ name: 'Le Chat', url: 'https://chat.mistral.ai/' });
    await options.locator('.preferred-tool').screenshot({ path: 'artifacts/screenshots/options-preferred-tool-en.png' });
    await options.close();

    expect((await updateSettings(ext, { blockedProviders: ['deepseek'] })).ok).toBe(true);
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    const mine = page.locator('[data-preferred-tool="Le Chat"]');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.innerText()).toContain('Your preferred AI tool: Le Chat.');
    await page.screenshot({ path: 'artifacts/screenshots/block-page-preferred-tool-en-light.png', fullPage: true });
    // The real toolbar popup on the blocked page offers it too, in both themes.
    const popup = await openToolbarPopup(ext, page);
    await expect.poll(() => popup.evaluate<string | null>('document.querySelector("[data-preferred-tool]")?.innerText ?? null'), { timeout: 10_000 }).toContain('Your preferred AI tool: Le Chat.');
    expect(await popup.evaluate<string | null>('document.querySelector("[data-preferred-tool] a")?.getAttribute("href") ?? null')).toBe('https://chat.mistral.ai/');
    await popup.screenshot('popup-toolbar-preferred-tool-en-light');
    await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
    await popup.screenshot('popup-toolbar-preferred-tool-en-dark');
    await popup.close();
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), mine.getByRole('link', { name: 'Open Le Chat' }).click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe('https://chat.mistral.ai/');
    await opened.close();
    await page.close();
  });

  it('is offered by the in-page warning, whose button opens it', async () => {
    expect((await updateSettings(ext, { mode: 'warn', blockedProviders: ['deepseek'] })).ok).toBe(true);
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/');
    const cdp = await ext.context.newCDPSession(page);
    await expect.poll(async () => (await bannerNodes(cdp))?.buttons[0]?.nodeValue, { timeout: 10_000 }).toBe('Open Le Chat');
    await windowShot(page, 'warning-preferred-tool-en-light');
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), clickBannerButton(page, cdp, 'Open Le Chat')]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe('https://chat.mistral.ai/');
    await opened.close();
    await cdp.detach();
    await page.close();
  });
});
