/// <reference types="chrome" />
/**
 * The block page in real Chromium: what was blocked, why (provider, country, law with articles
 * and a link to its source), by whom, in both themes and accessible; and "Allow once for this
 * site", which only the block page can ask for (not a content script) and which lets the
 * navigation and the host's requests through for the rest of the session.
 * The organization's case (not offered) is a unit test of allowOnceRefusal: a managed policy
 * cannot be installed here without touching other browsers on the machine.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALLOW_ONCE_RULE_IDS, MODEL_BLOCK_RULE_ID, PROJECT_REPOSITORY } from '../../src/core/constants.ts';
import { database } from '../../src/core/database.ts';
import { reviewedDate } from '../../src/core/fact-card/source-words.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { updateSettings } from './harness/settings.ts';
import { checkBothThemes, expectAccessible } from './harness/ui-checks.ts';
import { screenshot } from './harness/extension.ts';
import { bannerText } from './harness/warning-banner.ts';

const HOSTS = ['app.example.com', 'chat.deepseek.com', 'api.deepseek.com'];

async function sessionRules(ext: ExtensionBrowser): Promise<chrome.declarativeNetRequest.Rule[]> {
  // The allow-once grants: the standing session rules (model block, reporting headers) have the IDs from MODEL_BLOCK_RULE_ID up.
  return (await (await ext.extensionPage()).evaluate(() => chrome.declarativeNetRequest.getSessionRules())).filter((r) => r.id < MODEL_BLOCK_RULE_ID);
}

/** Runs `expression` in the extension's content-script (isolated) world of `page`. */
async function inContentScript(ext: ExtensionBrowser, page: Page, expression: string): Promise<unknown> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'AI Jurisdiction Guard');
  if (!isolated) throw new Error(`no content script world among ${contexts.map((c) => c.name).join(', ')}`);
  const { result } = (await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true })) as { result: { value: unknown } };
  await cdp.detach();
  return result.value;
}

describe('block page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'api.deepseek.com');
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    expect(await updateSettings(ext, { mode: 'block', blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const probe = await ext.extensionPage();
    await probe.evaluate(async () => {
      const ids = (await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.id);
      await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: ids });
    });
  });

  /** The block page opened at its own address (as after a redirect), for messages from it. */
  async function blockedPageWithoutNavigation(): Promise<Page> {
    const page = await ext.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/blocked.html#https://chat.deepseek.com/`);
    return page;
  }

  async function blockedPage(url = 'https://chat.deepseek.com/?q=hello'): Promise<Page> {
    const page = await ext.newPage();
    await page.goto(url).catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    await expect.poll(() => page.locator('h1').innerText()).toBe('DeepSeek is blocked');
    return page;
  }

  it('says what was blocked, why, under which law, and by whom, in both themes', async () => {
    const page = await blockedPage();
    const card = page.getByRole('region', { name: 'What was blocked and why' });
    const text = await card.innerText();
    expect(text).toContain('DeepSeek Chat');
    expect(text).toMatch(/Run by\s+Hangzhou DeepSeek/);
    expect(text).toContain('China');
    // What, why and by whom, said once: the rule's sentence names who decided; no second "Blocked by you".
    expect(await card.locator('.why').innerText()).toMatch(/^Blocked because\s+You blocked DeepSeek\.$/);
    expect(await card.locator('.by').getAttribute('data-by')).toBe('user');
    expect(text.split('You blocked DeepSeek').length).toBe(2);
    expect(text).not.toContain('Decided by');
    expect(text).not.toContain('Blocked by you');
    // The laws are folded, so that the choices stay in view.
    const laws = card.locator('.laws-box');
    expect(await laws.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await laws.locator('> summary').click();
    expect(await laws.locator('> summary').innerText()).toMatch(/^\d+ laws, and why each country counts$/);
    const law = card.getByRole('link', { name: 'National Intelligence Law (2017)' });
    expect(await law.getAttribute('href')).toBe('https://www.chinalawtranslate.com/en/national-intelligence-law-of-the-p-r-c-2017/');
    expect(await page.locator('.url').innerText()).toContain('https://chat.deepseek.com/?q=hello');
    expect(await page.title()).toBe('Blocked: AI Jurisdiction Guard');
    await expect.poll(() => page.getByRole('button', { name: 'Allow once for this site' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Go back' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('“Once” lasts until you close the browser; then the block applies again.');
    await checkBothThemes(page, 'blocked');
    await page.setViewportSize({ width: 420, height: 800 });
    await checkBothThemes(page, 'blocked-narrow');
  });

  it('shows each fact with its source on demand, why each country counts, the laws in order, and a report link', async () => {
    const page = await blockedPage();
    const card = page.getByRole('region', { name: 'What was blocked and why' });
    const deepseek = database.provider('deepseek')!;
    // Training: what the database says, shown at once; its source only on demand.
    const training = card.locator('[data-fact="training"]');
    expect(await training.innerText()).toMatch(/^Trains on what you send\s+Yes, unless you opt out\s*source$/);
    expect(await card.locator('.fact-source:visible').count()).toBe(0);
    for (const [fact, label, source] of [
      ['operator', 'Run by', deepseek.operator!.source],
      ['data', 'Data stored in', deepseek.dataLocations!.source],
      ['training', 'Trains on what you send', deepseek.trainsOnInputs!.source],
    ] as const) {
      const row = card.locator(`[data-fact="${fact}"]`);
      const toggle = row.getByRole('button', { name: `Source of ${label}`, exact: true });
      expect(await row.locator('.fact-source').isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const host = new URL(source.url).hostname.replace(/^www\./, '');
      expect(await row.locator('.fact-source-line').innerText()).toMatch(`Source: ${host}, reviewed ${reviewedDate(source.reviewed, 'en')}`);
      expect(await row.getByRole('link', { name: host, exact: true }).getAttribute('href')).toBe(source.url);
    }
    // Why China counts, from the facts behind it: the operator and the data stored there.
    await card.locator('.laws-box > summary').click();
    const china = card.locator('[data-country-laws="CN"]');
    expect(await china.locator('.law-why').allInnerTexts()).toEqual([`DeepSeek's operator (${deepseek.operator!.name}) is based here.`, 'DeepSeek stores data here.']);
    // Laws that let the government obtain data first, under their own heading; privacy laws after.
    expect(await china.locator('.law-kind').allInnerTexts()).toEqual(['GOVERNMENT ACCESS TO DATA', 'OTHER GOVERNMENT POWERS', 'PRIVACY AND DATA PROTECTION']);
    expect(await china.locator('[data-law-kind="data-protection"] [data-law]').evaluateAll((l) => l.map((x) => x.getAttribute('data-law')))).toEqual(['cn-personal-information-protection-law']);
    expect(await china.locator('[data-law="cn-counter-espionage-law"] .law-name').innerText()).toBe('Counter-Espionage Law (revised 2023)');
    // An article opens to its gist.
    const article = china.locator('[data-law="cn-data-security-law"] [data-article="Art. 35"]');
    expect(await article.locator('.law-gist').isVisible()).toBe(false);
    await article.getByText('Art. 35', { exact: true }).click();
    expect(await article.locator('.law-gist').innerText()).toBe(database.law('cn-data-security-law')!.articles.find((a) => a.ref === 'Art. 35')!.gist);
    // "Report a wrong fact": the provider, the facts and their sources; nothing of the blocked address.
    const href = await card.getByRole('link', { name: 'Report a wrong fact' }).getAttribute('href');
    expect(href?.startsWith(`${PROJECT_REPOSITORY}/issues/new?`)).toBe(true);
    const params = new URL(href!).searchParams;
    expect([...params.keys()]).toEqual(['title', 'body']);
    expect(params.get('title')).toBe('Wrong fact: DeepSeek');
    const body = params.get('body')!;
    expect(body).toContain(`Fact: Run by\nShown: ${deepseek.operator!.name} (China)\nSource: ${deepseek.operator!.source.url}`);
    expect(body).toContain('Fact: Trains on what you send\nShown: Yes, unless the user opts out');
    expect(body).not.toMatch(/q=hello|chat\.deepseek\.com|blocked\.html/);
    await checkBothThemes(page, 'blocked-sources-open');
  });

  it('shows nothing inside a frame (it is only ever a tab\'s top page), so its buttons cannot be overlaid', async () => {
    const page = await blockedPageWithoutNavigation();
    await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0);
    // The same page, framed (an extension page may frame it; a site cannot learn its dynamic address).
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
      return new Promise((ok) => frame.addEventListener('load', ok));
    }, `chrome-extension://${ext.extensionId}/blocked.html#https://chat.deepseek.com/`);
    const framed = page.frames().find((f) => f !== page.mainFrame())!;
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await framed.locator('#app').innerHTML()).toBe('');
    expect(await framed.getByRole('button').count()).toBe(0);
  });

  it('in a tab with no page before it, offers to close the tab instead of going back', async () => {
    const opened = ext.context.waitForEvent('page');
    await (await ext.extensionPage()).evaluate(() => chrome.tabs.create({ url: 'https://chat.deepseek.com/' }));
    const page = await opened;
    await page.waitForURL(/blocked\.html/);
    const close = page.getByRole('button', { name: 'Close this tab' });
    await expect.poll(() => close.count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Go back' }).count()).toBe(0);
    const closed = page.waitForEvent('close');
    await close.click();
    await closed;
  });

  it('a content script cannot ask to allow once; the block page can, and the site then loads', async () => {
    // The content script world of an ordinary page sends what the block page would.
    const app = await ext.newPage();
    await app.goto('https://app.example.com/outbound.html');
    const refused = await inContentScript(ext, app, `chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' })`);
    expect(refused).toMatchObject({ ok: false, error: 'unknown content message type "ui-to-bg/allow-once"' });
    expect(await sessionRules(ext)).toEqual([]);

    const page = await blockedPage();
    expect(ext.server.requestsTo('chat.deepseek.com')).toEqual([]);
    await page.getByRole('button', { name: 'Allow once for this site' }).click();
    await page.waitForURL('https://chat.deepseek.com/?q=hello');
    expect(ext.server.requestsTo('chat.deepseek.com').map((r) => r.path)).toContain('/?q=hello');
    const rules = await sessionRules(ext);
    expect(rules.map((r) => r.condition.requestDomains)).toEqual([['chat.deepseek.com'], ['chat.deepseek.com']]);
    for (const rule of rules) expect(rule.id).toBeGreaterThanOrEqual(ALLOW_ONCE_RULE_IDS.first);
    // Sub-requests to that host go through, from its own pages and from others.
    const fetchFrom = (p: Page, url: string) => p.evaluate((u) => fetch(u, { mode: 'no-cors' }).then((r) => `ok ${r.status}`, (e) => `failed ${e}`), url);
    expect(await fetchFrom(page, '/widget.html')).toBe('ok 200');
    // From another site: an opaque (no-cors) answer, but an answer.
    expect(await fetchFrom(app, 'https://chat.deepseek.com/widget.html')).toBe('ok 0');
    // DeepSeek's other hosts (its developer API, another product) stay blocked: only the site was allowed.
    expect(await fetchFrom(page, 'https://api.deepseek.com/chat/completions')).toMatch(/^failed/);
    // A new navigation to the site goes through for the rest of the session.
    const again = await ext.newPage();
    await again.goto('https://chat.deepseek.com/');
    expect(again.url()).toBe('https://chat.deepseek.com/');
    // Allowing again (from a block page still open) replaces the site's rules instead of adding more.
    const stale = await blockedPageWithoutNavigation();
    expect(await stale.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' }))).toEqual({ ok: true });
    expect((await sessionRules(ext)).length).toBe(2);
  });

  it('is not offered for a page nobody blocks any more, and the background refuses it then', async () => {
    const page = await blockedPage();
    await expectAccessible(page);
    await updateSettings(ext, { blockedProviders: [] });
    const result = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' }));
    expect(result).toEqual({ ok: false, error: 'no decision blocks this host' });
    // The popup and options pages are extension pages too, but only the block page may ask.
    await updateSettings(ext, { blockedProviders: ['deepseek'] });
    const fromProbe = await (await ext.extensionPage()).evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' }));
    expect(fromProbe).toEqual({ ok: false, error: 'only the block page may allow once' });
    expect(await sessionRules(ext)).toEqual([]);
  });
});

describe('block page and in-page warning in Chinese (--lang=zh-CN)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS, args: ['--lang=zh-CN'] });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('words the block page in the browser language, the reason and laws in Chinese', async () => {
    await updateSettings(ext, { mode: 'block', blockedProviders: ['deepseek'] });
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/').catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    await expect.poll(() => page.locator('h1').innerText()).toBe('DeepSeek 已被拦截');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.locator('.laws-box > summary').click();
    const text = await page.locator('main').innerText();
    expect(await page.locator('.why').innerText()).toMatch(/^拦截原因\s+您拦截了 ?DeepSeek。$/);
    // A Chinese law by its official Chinese name, its articles as the law writes them (第七条).
    expect(text).toContain('中华人民共和国国家情报法（2017）');
    expect(text).not.toContain('National Intelligence Law (2017)');
    const nil = page.locator('[data-law="cn-national-intelligence-law"]');
    expect(await nil.locator('[data-article="Art. 7"] summary').innerText()).toBe('第七条');
    // What the law says and why China counts, in Chinese: written from the official text.
    const nilLaw = database.law('cn-national-intelligence-law')!;
    expect(await nil.locator('.law-summary').innerText()).toBe(nilLaw.summaries!.zh_CN!);
    await nil.locator('[data-article="Art. 7"] summary').click();
    expect(await nil.locator('[data-article="Art. 7"] .law-gist').innerText()).toContain('任何组织和公民都应当依法支持、协助和配合国家情报工作');
    expect(await nil.locator('.law-name a').getAttribute('href')).toBe(nilLaw.officialText!.url);
    expect(await page.locator('.risk').innerText()).toContain(database.jurisdiction('CN')!.reasons!.zh_CN!);
    expect(text).not.toContain(database.jurisdiction('CN')!.reason);
    expect(await page.locator('[data-fact="training"]').innerText()).toMatch(/^用于训练模型\s+是，除非您选择退出\s*来源$/);
    expect(await page.locator('[data-country-laws="CN"] .law-why').first().innerText()).toBe(`DeepSeek 的运营方（${database.provider('deepseek')!.operator!.name}）位于这里。`);
    expect(await page.locator('[data-country-laws="CN"] .law-kind').first().innerText()).toBe('政府获取数据');
    await page.getByRole('button', { name: '运营方的来源' }).click();
    expect(await page.locator('[data-fact="operator"] .fact-source-line').innerText()).toMatch(/^来源：.+，核实于\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain('本次允许此网站');
    await checkBothThemes(page, 'blocked-zh-CN');
  });

  it('words the in-page warning in the browser language', async () => {
    await updateSettings(ext, { mode: 'warn', blockedProviders: [] });
    const page = await ext.newPage();
    await page.goto('https://chat.deepseek.com/');
    const cdp = await ext.context.newCDPSession(page);
    await expect.poll(() => bannerText(cdp)).toBe('DeepSeek（中国）：根据《中华人民共和国国家情报法》（第七条、第十四条），国家可以要求该公司交出您输入的内容。');
    await screenshot(page, 'warning-banner-zh-CN');
  });
});
