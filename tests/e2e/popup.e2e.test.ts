/// <reference types="chrome" />
/**
 * The risk popup as a person sees it, in real Chromium with findings the extension made itself
 * from fixture pages: the verdict, each provider's card (who, where, the flow through an
 * aggregator, the model, the laws with articles and sources, the evidence), the unknown-endpoint
 * and no-AI states, the 400 px width, both themes with axe, and the Simplified Chinese UI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openPopup, screenshot, tabIdOf, tabState } from './harness/extension.ts';
import { checkBothThemes, horizontalOverflow } from './harness/ui-checks.ts';

const HOSTS = ['chat.deepseek.com', 'news.example.com', 'app.example.com', 'openrouter.ai', 'llm.gateway.example.net'];
const AI_APIS = ['openrouter.ai', 'llm.gateway.example.net'] as const;
const BYTEDANCE = database.provider('bytedance')!.name;

async function visit(ext: ExtensionBrowser, url: string, ready: (findings: number) => boolean) {
  const page = await ext.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext, page);
  await expect.poll(async () => ready((await tabState(ext, tabId))?.findings.length ?? -1), { timeout: 10_000 }).toBe(true);
  return tabId;
}

/** Opens every folded section, as a person reading the details would. */
async function openDetails(popup: import('playwright-core').Page) {
  const closed = popup.locator('details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

describe('risk popup', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, ...AI_APIS);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('an AI chat site: the verdict names the company and country and gives the law behind the level', async () => {
    const tabId = await visit(ext, 'https://chat.deepseek.com/', (n) => n >= 1);
    const popup = await openPopup(ext, tabId);
    const verdict = popup.locator('.verdict');
    await expect.poll(() => verdict.locator('h1').innerText()).toBe('This page is DeepSeek Chat, run by DeepSeek (China).');
    expect(await verdict.locator('.level').innerText()).toContain('High risk');
    // The second sentence is the database's own reason for China, not wording of the popup.
    expect(await verdict.locator('.verdict-reason').innerText()).toBe(database.jurisdiction('CN')!.reason);

    const card = popup.locator('article.card[data-provider="deepseek"]');
    expect(await card.locator('h2').innerText()).toBe('DeepSeek');
    expect(await card.locator('[data-fact="operator"]').innerText()).toMatch(/^Run by .+ · 🇨🇳 China$/u);
    // The five-second view: laws and evidence are folded until asked for.
    expect(await card.locator('details').evaluateAll((d) => d.map((x) => (x as HTMLDetailsElement).open))).toEqual([false, false]);
    // Opened from the keyboard like any control.
    await card.locator('.laws-box summary').focus();
    await popup.keyboard.press('Enter');
    expect(await card.locator('.laws-box').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await openDetails(popup);
    const law = card.locator('[data-law="cn-national-intelligence-law"]');
    expect(await law.locator('.law-articles').innerText()).toContain('Art. 7');
    expect(await law.locator('a').getAttribute('href')).toBe(database.law('cn-national-intelligence-law')!.source.url);
    expect(await law.locator('.law-summary').innerText()).toBe(database.law('cn-national-intelligence-law')!.summary);
    const evidence = await card.locator('.evidence').innerText();
    expect(evidence).toContain('This page is served from chat.deepseek.com');
    expect(evidence).toMatch(/on the page · once · via .+ · last at \d/);
    expect(await horizontalOverflow(popup)).toBe(0);
    await checkBothThemes(popup, 'popup-site');
  });

  it('an app calling an aggregator: the flow line, the models, the worst level and the actions per card', async () => {
    const tabId = await visit(ext, 'https://app.example.com/aggregator.html', (n) => n >= 2);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.verdict h1').innerText()).toBe(`This page uses AI from OpenRouter (United States) → ${BYTEDANCE} (China).`);
    expect(await popup.locator('.verdict .level').innerText()).toContain('High risk');
    const card = popup.locator('article.card[data-provider="openrouter"]');
    // Doubao's weights are closed: the data goes on to ByteDance; DeepSeek's open model adds no step.
    expect(await card.locator('[data-fact="flow"]').allInnerTexts()).toEqual([`This page → OpenRouter (United States) → ${BYTEDANCE} (China)`]);
    const doubao = await card.locator('[data-model="bytedance/doubao-1.5-pro-32k"]').innerText();
    expect(doubao).toMatch(/^Model: bytedance\/doubao-1\.5-pro-32k\n?.*by ByteDance.* \(China\), closed weights/);
    expect(await card.locator('[data-model="deepseek/deepseek-chat"]').innerText()).toContain('by DeepSeek (China), open weights');
    expect(await card.locator('[data-fact="data"]').innerText()).toMatch(/^(Data stored in .+|Where data is stored: not stated)$/);
    expect(await card.getByRole('button', { name: 'Block OpenRouter' }).isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: 'Block United States' }).isVisible()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Block AI on app.example.com' }).isVisible()).toBe(true);
    await openDetails(popup);
    // Laws of both countries that count: the United States (operator) and China (Doubao's builder).
    expect(await card.locator('[data-country-laws]').evaluateAll((s) => s.map((x) => x.getAttribute('data-country-laws')))).toEqual(['CN', 'US']);
    expect(await card.locator('[data-law="us-cloud-act"]').isVisible()).toBe(true);
    const evidence = await card.locator('.evidence').innerText();
    expect(evidence).toContain('This page sends requests to openrouter.ai');
    expect(evidence).toContain('naming model bytedance/doubao-1.5-pro-32k');
    expect(evidence).toMatch(/via .*fetch/);
    expect(await horizontalOverflow(popup)).toBe(0);
    await checkBothThemes(popup, 'popup-aggregator');
  });

  it('an AI API the database does not know: says what is known (host, model) and what it means', async () => {
    const tabId = await visit(ext, 'https://app.example.com/gateway.html', (n) => n >= 1);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.verdict').getAttribute('data-state')).toBe('unknown');
    expect(await popup.locator('.verdict h1').innerText()).toBe('This page uses AI from an unknown AI service at llm.gateway.example.net.');
    expect(await popup.locator('.verdict .level').innerText()).toContain('Unknown risk');
    const card = popup.locator('article.card[data-provider="unknown:llm.gateway.example.net"]');
    expect(await card.locator('h2').innerText()).toBe('Unknown AI service');
    expect(await card.innerText()).toContain('llm.gateway.example.net');
    expect(await card.locator('[data-fact="unknown"]').innerText()).toBe('Not in the database: llm.gateway.example.net');
    // What it means, once: the verdict gives the reason, the card what to do.
    expect(await popup.locator('.verdict-reason').innerText()).toContain('a host that is not in the database: who runs it, and where, is not known');
    const model = await card.locator('[data-model="qwen2.5-72b-instruct"]').innerText();
    expect(model).toContain('qwen2.5-72b-instruct');
    // The database knows the model's builder, and says what that does and does not tell.
    expect(model).toMatch(/by Alibaba.*\(China\), open weights: anyone can run it, so it does not tell who runs this server/);
    expect(await card.locator('.hint').innerText()).toContain('block AI on this site');
    expect(await horizontalOverflow(popup)).toBe(0);
    await checkBothThemes(popup, 'popup-unknown');
  });

  it('a page without AI says so', async () => {
    const tabId = await visit(ext, 'https://news.example.com/', (n) => n === 0);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('section[data-state]').getAttribute('data-state')).toBe('no-ai');
    expect(await popup.locator('h1').innerText()).toBe('No AI seen on this page');
    expect(await popup.locator('.site').innerText()).toBe('news.example.com');
    expect(await horizontalOverflow(popup)).toBe(0);
    await checkBothThemes(popup, 'popup-no-ai');
  });

  it('a browser page says the extension cannot run there', async () => {
    const page = await ext.newPage();
    await page.goto('chrome://version/');
    const popup = await openPopup(ext, await tabIdOf(ext, page));
    await expect.poll(() => popup.locator('section[data-state]').getAttribute('data-state')).toBe('unavailable');
    expect(await popup.locator('h1').innerText()).toBe('This page is not checked');
    await checkBothThemes(popup, 'popup-unavailable');
  });
});

describe('risk popup in Simplified Chinese', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS, args: ['--lang=zh-CN'] });
    serveFakeAi(ext.server, ...AI_APIS);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the verdict, facts and actions in Chinese, with database text as written', async () => {
    const probe = await ext.extensionPage();
    // Chromium on Linux keeps getUILanguage() and @@ui_locale at the system's en-US; the messages follow --lang.
    expect(await probe.evaluate(() => chrome.i18n.getMessage('wIntlLocale'))).toBe('zh-CN');
    const tabId = await visit(ext, 'https://app.example.com/aggregator.html', (n) => n >= 2);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.verdict h1').innerText()).toBe(`本页面使用的 AI 来自：OpenRouter（美国） → ${BYTEDANCE}（中国）。`);
    expect(await popup.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await popup.locator('.verdict .level').innerText()).toContain('高风险');
    const card = popup.locator('article.card[data-provider="openrouter"]');
    expect(await card.locator('[data-fact="flow"]').innerText()).toBe(`本页面 → OpenRouter（美国） → ${BYTEDANCE}（中国）`);
    expect(await card.getByRole('button', { name: '拦截OpenRouter' }).isVisible()).toBe(true);
    expect(await card.locator('summary').first().innerText()).toMatch(/^适用的法律（\d+）$/);
    // The reason comes from the database, which is English.
    expect(await popup.locator('.verdict-reason').innerText()).toBe(database.jurisdiction('CN')!.reason);
    expect(await horizontalOverflow(popup)).toBe(0);
    await screenshot(popup, 'popup-zh-CN');
    await checkBothThemes(popup, 'popup-aggregator-zh-CN');
  });
});
