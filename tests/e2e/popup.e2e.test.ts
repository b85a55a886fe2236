/// <reference types="chrome" />
/**
 * The risk popup as a person sees it, in real Chromium with findings the extension made itself
 * from fixture pages: the verdict, each provider's card (who, where, the flow through an
 * aggregator, the model, the laws with articles and sources, the evidence), the unknown-endpoint
 * and no-AI states, the 400 px width, both themes with axe, and the Simplified Chinese UI.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_REPOSITORY } from '../../src/core/constants.ts';
import { database } from '../../src/core/database.ts';
import { reviewedDate } from '../../src/core/fact-card/source-words.ts';
import type { Source } from '../../src/core/provider.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openPopup, screenshot, tabIdOf, tabState } from './harness/extension.ts';
import { checkBothThemes, horizontalOverflow } from './harness/ui-checks.ts';

const HOSTS = ['chat.deepseek.com', 'news.example.com', 'app.example.com', 'openrouter.ai', 'llm.gateway.example.net', 'api.openai.com'];
const AI_APIS = ['openrouter.ai', 'llm.gateway.example.net', 'api.openai.com'] as const;
// Sentences name a company without the products the database lists after it (shortName in core/facts.ts).
const BYTEDANCE = 'ByteDance';

async function visit(ext: ExtensionBrowser, url: string, ready: (findings: number) => boolean) {
  const page = await ext.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext, page);
  await expect.poll(async () => ready((await tabState(ext, tabId))?.findings.length ?? -1), { timeout: 10_000 }).toBe(true);
  return tabId;
}

/**
 * A fact's source as a person finds it: not in the first view; the small "source" control (named
 * "Source of <fact>" for screen readers) reveals the site and review date, linking the database's URL.
 */
async function expectSourceOnDemand(row: Locator, label: string, source: Source, language: 'en' | 'zh-CN' = 'en') {
  const shown = row.locator('.fact-source');
  expect(await shown.isVisible()).toBe(false);
  expect(await row.innerText()).not.toContain(source.reviewed);
  const toggle = row.getByRole('button', { name: label, exact: true });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  expect(await shown.isVisible()).toBe(true);
  const host = new URL(source.url).hostname.replace(/^www\./, '');
  const date = reviewedDate(source.reviewed, language);
  expect(await shown.locator('.fact-source-line').innerText()).toMatch(language === 'en' ? `Source: ${host}, reviewed ${date}` : `来源：${host}，核实于${date}`);
  const link = shown.getByRole('link', { name: host, exact: true });
  expect(await link.getAttribute('href')).toBe(source.url);
  expect(await link.getAttribute('target')).toBe('_blank');
}

/** The title and body of a "Report a wrong fact" link, decoded. */
function reportOf(href: string | null): { title: string; body: string; keys: string[] } {
  expect(href?.startsWith(`${PROJECT_REPOSITORY}/issues/new?`)).toBe(true);
  const params = new URL(href!).searchParams;
  return { title: params.get('title') ?? '', body: params.get('body') ?? '', keys: [...params.keys()] };
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
    expect(await card.locator('[data-fact="operator"]').innerText()).toMatch(/^Run by .+ · 🇨🇳 China\s*source$/u);
    // What the user sends trains DeepSeek's models unless they opt out, as its cited policy says.
    const deepseek = database.provider('deepseek')!;
    const training = card.locator('[data-fact="training"]');
    expect(await training.innerText()).toMatch(/^Trains on what you send Yes, unless you opt out\s*source$/);
    // The five-second view: laws and evidence are folded until asked for, sources too.
    expect(await card.locator('details').evaluateAll((d) => d.every((x) => !(x as HTMLDetailsElement).open))).toBe(true);
    expect(await card.locator('.laws-box, .evidence-box').count()).toBe(2);
    expect(await card.locator('.fact-source:visible').count()).toBe(0);
    await screenshot(popup, 'popup-site-first-view');
    await expectSourceOnDemand(card.locator('[data-fact="operator"]'), 'Source of Run by', deepseek.operator!.source);
    await expectSourceOnDemand(card.locator('[data-fact="data"]'), 'Source of Data stored in', deepseek.dataLocations!.source);
    await expectSourceOnDemand(training, 'Source of Trains on what you send', deepseek.trainsOnInputs!.source);
    expect(await training.locator('.fact-source-note').innerText()).toBe(deepseek.trainsOnInputs!.note);
    // One fact reported from its source line: that fact alone.
    const one = reportOf(await training.getByRole('link', { name: 'Report this fact as wrong' }).getAttribute('href'));
    expect(one.title).toBe('Wrong fact: DeepSeek, Trains on what you send');
    expect(one.body).toContain(`Source: ${deepseek.trainsOnInputs!.source.url}`);
    await screenshot(popup, 'popup-site-sources-open');
    // Opened from the keyboard like any control.
    await card.locator('.laws-box > summary').focus();
    await popup.keyboard.press('Enter');
    expect(await card.locator('.laws-box').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // Why China counts, from the facts behind it: the operator, and the data stored there.
    const china = card.locator('[data-country-laws="CN"]');
    expect(await china.locator('.law-why').allInnerTexts()).toEqual([`DeepSeek's operator (${deepseek.operator!.name}) is based here.`, 'DeepSeek stores data here.']);
    // Laws that let the government obtain data first, then the others, each under its heading.
    expect(await china.locator('[data-law-kind]').evaluateAll((g) => g.map((x) => x.getAttribute('data-law-kind')))).toEqual(['state-access', 'state-rules', 'data-protection']);
    expect(await china.locator('.law-kind').allInnerTexts()).toEqual(['GOVERNMENT ACCESS TO DATA', 'OTHER GOVERNMENT POWERS', 'PRIVACY AND DATA PROTECTION']);
    expect(await china.locator('[data-law-kind="state-access"] [data-law]').evaluateAll((l) => l.map((x) => x.getAttribute('data-law')))).toContain('cn-national-intelligence-law');
    expect(await china.locator('[data-law-kind="data-protection"] [data-law]').evaluateAll((l) => l.map((x) => x.getAttribute('data-law')))).toEqual(['cn-personal-information-protection-law']);
    // A law whose name has its year is not given it twice.
    expect(await china.locator('[data-law="cn-counter-espionage-law"] .law-name').innerText()).toBe('Counter-Espionage Law (revised 2023)');
    const law = card.locator('[data-law="cn-national-intelligence-law"]');
    // Each article opens to its one-line gist.
    const article = law.locator('[data-article="Art. 7"]');
    const gist = database.law('cn-national-intelligence-law')!.articles.find((a) => a.ref === 'Art. 7')!.gist;
    expect(await article.locator('.law-gist').isVisible()).toBe(false);
    await article.getByText('Art. 7', { exact: true }).click();
    expect(await article.locator('.law-gist').isVisible()).toBe(true);
    expect(await article.locator('.law-gist').innerText()).toBe(gist);
    await openDetails(popup);
    expect(await law.locator('.law-articles').innerText()).toContain('Art. 14');
    expect(await law.locator('.law-name a').getAttribute('href')).toBe(database.law('cn-national-intelligence-law')!.source.url);
    expect(await law.locator('.law-summary').innerText()).toBe(database.law('cn-national-intelligence-law')!.summary);
    // "Report a wrong fact": a prefilled issue with the provider, each fact and its source, nothing of the page.
    const report = reportOf(await card.getByRole('link', { name: 'Report a wrong fact' }).getAttribute('href'));
    expect(report.keys).toEqual(['title', 'body']);
    expect(report.title).toBe('Wrong fact: DeepSeek');
    expect(report.body).toContain(`Provider: DeepSeek (deepseek)\nProduct: DeepSeek Chat`);
    expect(report.body).toContain(`Fact: Run by\nShown: ${deepseek.operator!.name} (China)\nSource: ${deepseek.operator!.source.url} (reviewed ${deepseek.operator!.source.reviewed})`);
    expect(report.body).toContain('Fact: Data stored in\nShown: China');
    expect(report.body).not.toMatch(/chat\.deepseek\.com|tab=|popup\.html/);
    const evidence = await card.locator('.evidence').innerText();
    expect(evidence).toContain('This page is served from chat.deepseek.com');
    expect(evidence).toMatch(/on the page · once · via .+ · last at \d/);
    expect(await horizontalOverflow(popup)).toBe(0);
    await checkBothThemes(popup, 'popup-site');
  });

  it('an app calling an aggregator: the flow line, the models, the worst level and the actions per card', async () => {
    const tabId = await visit(ext, 'https://app.example.com/aggregator.html', (n) => n >= 2);
    const popup = await openPopup(ext, tabId);
    // DeepSeek's open model counts at OpenRouter, which may route it to DeepSeek's own service (builderRouting).
    await expect.poll(() => popup.locator('.verdict h1').innerText()).toBe('This page uses AI from OpenRouter (United States) → DeepSeek (China).');
    expect(await popup.locator('.verdict .level').innerText()).toContain('High risk');
    const card = popup.locator('article.card[data-provider="openrouter"]');
    // Doubao's weights are closed: the data goes on to ByteDance; DeepSeek's open model "may reach" DeepSeek.
    expect(await card.locator('[data-fact="flow"]').allInnerTexts()).toEqual(['This page → OpenRouter (United States) → may reach DeepSeek (China)', `This page → OpenRouter (United States) → ${BYTEDANCE} (China)`]);
    const doubao = await card.locator('[data-model="bytedance/doubao-1.5-pro-32k"]').innerText();
    expect(doubao).toMatch(/^Model: bytedance\/doubao-1\.5-pro-32k\n?.*by ByteDance.* \(China\), closed weights/);
    // A model named like its builder is named once: "DeepSeek (China)", not "DeepSeek by DeepSeek (China)".
    const deepseekModel = card.locator('[data-model="deepseek/deepseek-chat"]');
    expect(await deepseekModel.innerText()).toContain("DeepSeek (China), open weights, but OpenRouter may send what you send to the builder's own service.");
    expect(await deepseekModel.innerText()).not.toContain('by DeepSeek');
    await expectSourceOnDemand(deepseekModel, 'Source of Model', database.lookupModel('deepseek-chat')!.family.source);
    // The card's report names the models' builders from the database, never the model names the page sent or the page.
    const report = reportOf(await card.getByRole('link', { name: 'Report a wrong fact' }).getAttribute('href'));
    expect(report.body).toContain("Fact: Model's builder\nShown: DeepSeek: ");
    expect(report.body).toContain(`Source: ${database.lookupModel('deepseek-chat')!.family.source.url}`);
    expect(report.body).not.toMatch(/doubao-1\.5-pro-32k|deepseek\/deepseek-chat|app\.example\.com|aggregator\.html/);
    // OpenRouter does not train on what it is sent by default.
    expect(await card.locator('[data-fact="training"]').innerText()).toMatch(/^Trains on what you send No\s*source$/);
    // Where OpenRouter's privacy policy says data goes (its servers in the US), with the source.
    expect(await card.locator('[data-fact="data"]').innerText()).toMatch(/^Data stored in\s+\S*\s*United States\s*source$/u);
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
    expect(await popup.locator('.verdict-reason').innerText()).toContain('a server that is not in the database: who runs it, and where, is not known');
    const model = await card.locator('[data-model="qwen2.5-72b-instruct"]').innerText();
    expect(model).toContain('qwen2.5-72b-instruct');
    // The database knows the model's builder, and says what that does and does not tell.
    expect(model).toMatch(/by Alibaba.*\(China\), open weights: anyone can run it, so it does not tell who runs this server/);
    expect(await card.locator('.hint').innerText()).toContain('block AI on this site');
    expect(await horizontalOverflow(popup)).toBe(0);
    await checkBothThemes(popup, 'popup-unknown');
  });

  it("a regional entity: says why its country counts, whom it serves", async () => {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/outbound.html');
    expect(await page.evaluate(() => (window as any).tryFetch('https://api.openai.com/v1/chat/completions'))).toBe('ok 200');
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.some((f) => f.providerId === 'openai'), { timeout: 10_000 }).toBe(true);
    const popup = await openPopup(ext, tabId);
    const card = popup.locator('article.card[data-provider="openai"]');
    await card.locator('.laws-box > summary').click();
    const openai = database.provider('openai')!;
    const entity = openai.regionalEntities!.find((e) => e.country === 'IE')!;
    expect(await card.locator('[data-country-laws="IE"] .law-why').allInnerTexts()).toEqual([`OpenAI's entity here (${entity.name}) serves ${entity.serves}.`]);
    expect(await card.locator('[data-country-laws="US"] .law-why').first().innerText()).toBe(`OpenAI's operator (${openai.operator!.name}) is based here.`);
    // Ireland's laws are EU data-protection law: under their own heading, after the US laws that let the state obtain data.
    expect(await card.locator('[data-country-laws]').evaluateAll((s) => s.map((x) => x.getAttribute('data-country-laws')))).toEqual(['US', 'IE']);
    expect(await card.locator('[data-country-laws="IE"] [data-law-kind]').evaluateAll((g) => g.map((x) => x.getAttribute('data-law-kind')))).toEqual(['data-protection']);
    expect(await card.locator('[data-country-laws="US"] [data-law-kind]').first().getAttribute('data-law-kind')).toBe('state-access');
    await screenshot(popup, 'popup-regional-entity');
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

  it('shows the verdict, facts, reasons and laws in Chinese', async () => {
    const probe = await ext.extensionPage();
    // Chromium on Linux keeps getUILanguage() and @@ui_locale at the system's en-US; the messages follow --lang.
    expect(await probe.evaluate(() => chrome.i18n.getMessage('wIntlLocale'))).toBe('zh-CN');
    const tabId = await visit(ext, 'https://app.example.com/aggregator.html', (n) => n >= 2);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.locator('.verdict h1').innerText()).toBe('本页面使用的 AI 来自：OpenRouter（美国） → DeepSeek（中国）。');
    expect(await popup.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await popup.locator('.verdict .level').innerText()).toContain('高风险');
    const card = popup.locator('article.card[data-provider="openrouter"]');
    expect(await card.locator('[data-fact="flow"]').allInnerTexts()).toEqual(['本页面 → OpenRouter（美国） → 可能到达 DeepSeek（中国）', `本页面 → OpenRouter（美国） → ${BYTEDANCE}（中国）`]);
    expect(await card.getByRole('button', { name: '拦截 OpenRouter' }).isVisible()).toBe(true);
    expect(await card.locator('summary').first().innerText()).toMatch(/^适用的法律（\d+）$/);
    // The model named once, without "的 DeepSeek"; sources and law headings in Chinese.
    const deepseekModel = card.locator('[data-model="deepseek/deepseek-chat"]');
    expect(await deepseekModel.innerText()).toContain('DeepSeek（中国），开放权重');
    expect(await deepseekModel.innerText()).not.toContain('的 DeepSeek');
    // No space after a full-width colon: "运营方：OpenRouter", not "运营方： OpenRouter".
    expect(await card.locator('[data-fact="training"]').innerText()).toMatch(/^用于训练模型：否\s*来源$/);
    expect(await card.locator('[data-fact="operator"]').innerText()).toMatch(/^运营方：\S/u);
    await expectSourceOnDemand(card.locator('[data-fact="operator"]'), '运营方的来源', database.provider('openrouter')!.operator!.source, 'zh-CN');
    await card.locator('.laws-box > summary').click();
    expect(await card.locator('[data-country-laws="CN"] .law-kind').first().innerText()).toBe('政府获取数据');
    expect(await card.locator('[data-country-laws="CN"] .law-why').allInnerTexts()).toContain(`模型开发方（${database.provider('bytedance')!.operator!.name}）位于这里。`);
    // China's laws by their official Chinese names, articles in Chinese form (第七条).
    const nil = card.locator('[data-country-laws="CN"] [data-law="cn-national-intelligence-law"]');
    expect(await nil.locator('.law-name').innerText()).toBe('中华人民共和国国家情报法（2017）');
    expect(await nil.locator('[data-article="Art. 7"] summary').innerText()).toBe('第七条');
    // …and what the law says, in Chinese written from its official text, not the English gist.
    const nilLaw = database.law('cn-national-intelligence-law')!;
    await nil.locator('[data-article="Art. 7"] summary').click();
    expect(await nil.locator('[data-article="Art. 7"] .law-gist').innerText()).toBe(nilLaw.articles.find((a) => a.ref === 'Art. 7')!.gists!.zh_CN!);
    expect(await nil.locator('.law-gist').first().innerText()).toContain('支持、协助和配合国家情报工作');
    expect(await nil.locator('.law-summary').innerText()).toBe(nilLaw.summaries!.zh_CN!);
    expect(await card.getByRole('link', { name: '报告错误信息' }).count()).toBe(1);
    // The country's reason in Chinese, from the database's Chinese text.
    expect(await popup.locator('.verdict-reason').innerText()).toBe(database.jurisdiction('CN')!.reasons!.zh_CN!);
    expect(await popup.locator('.verdict-reason').innerText()).toContain('第七条');
    expect(await horizontalOverflow(popup)).toBe(0);
    await screenshot(popup, 'popup-zh-CN');
    await checkBothThemes(popup, 'popup-aggregator-zh-CN');
  });
});
