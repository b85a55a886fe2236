/// <reference types="chrome" />
/**
 * A recognised AI service whose operator is not yet verified (docs/data.md), as a person meets it
 * in real Chromium: the badge counts it, the popup names it "who runs it is not yet verified" with
 * what is still to confirm and offers to block it (but no country to block), and once blocked the
 * block page says the same. English and Simplified Chinese, both themes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openPopup, screenshot, tabIdOf, tabState, toolbarBadge } from './harness/extension.ts';
import { dynamicRules, getSettings, updateSettings } from './harness/settings.ts';
import { checkBothThemes } from './harness/ui-checks.ts';
import { serveUnverifiedHost, UNVERIFIED_HOST as HOST, UNVERIFIED_PROVIDER as provider } from './harness/unverified-host.ts';

const NOTHING_BLOCKED = { blockedProviders: [], blockedCountries: [], blockedSites: [], allowedProviders: [], allowedCountries: [], allowedSites: [], blockLevel: 'off', mode: 'block' };

describe.each([
  { lang: 'en', args: [] as string[] },
  { lang: 'zh-CN', args: ['--lang=zh-CN'] },
])('a not-yet-verified AI service ($lang)', ({ lang, args }) => {
  const en = lang === 'en';
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: [HOST], args });
    serveUnverifiedHost(ext.server);
    expect(await updateSettings(ext, NOTHING_BLOCKED)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function visit(): Promise<{ page: Page; tabId: number }> {
    const page = await ext.newPage();
    await page.goto(`https://${HOST}/`);
    const tabId = await tabIdOf(ext, page);
    await expect.poll(async () => (await tabState(ext, tabId))?.findings.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    return { page, tabId };
  }

  it('is recognised, counted and rated unknown, named with what is not yet verified, and can be blocked', async () => {
    expect(provider, 'the database has a not-yet-verified provider with a chat host').toBeDefined();
    const { page, tabId } = await visit();
    expect((await tabState(ext, tabId))?.findings[0]).toMatchObject({ providerId: provider!.id });
    expect((await toolbarBadge(ext, tabId)).text).toBe('?');

    const popup = await openPopup(ext, tabId);
    const verdict = popup.locator('.verdict');
    // Named once, with what is not known: never "run by X (who runs it is not yet verified)".
    const product = provider!.products.find((x) => x.hosts.some((h) => h.host === HOST))!;
    await expect.poll(() => verdict.locator('h1').innerText()).toBe(en ? `This page is ${product.name} (who runs it is not yet verified).` : `本页面是 ${product.name}（运营方尚未核实）。`);
    expect(await verdict.locator('.level').innerText()).toContain(en ? 'Unknown risk' : '未知');
    expect(await verdict.locator('.verdict-reason').innerText()).toContain(en ? 'is not yet confirmed' : '尚未核实');
    const card = popup.locator(`article.card[data-provider="${provider!.id}"]`);
    expect(await card.locator('h2').innerText()).toBe(provider!.name);
    expect(await card.locator('[data-fact="operator"]').innerText()).toBe(en ? 'Run by not yet verified' : '运营方：尚未核实');
    const still = await card.locator('[data-fact="still-to-confirm"]').innerText();
    expect(still).toMatch(en ? /^AI service; who runs it is not yet verified\. Still to confirm: who runs it/ : /^AI 服务；运营方尚未核实。待核实：运营方/);
    // A fact the database does not state is said to be not stated, never guessed (following the data).
    const stated = product.dataLocations ?? provider!.dataLocations;
    if (!stated) expect(await card.locator('[data-fact="data"]').innerText()).toBe(en ? 'Data stored in: not stated' : '数据存储位置：未说明');
    // No guessed country anywhere on the card, and no "Block <country>" for it.
    expect(await card.locator('.flag, [data-country]').count()).toBe(0);
    expect(await card.locator('[data-toggle^="blockedCountries:"]').count()).toBe(0);
    await screenshot(popup, `unverified-popup-${lang}`);
    await checkBothThemes(popup, `unverified-popup-${lang}`);

    // Block it from the popup: the next visit shows the block page, which says the same.
    const block = popup.locator(`[data-toggle="blockedProviders:${provider!.id}"] button`).first();
    await block.click();
    await expect.poll(async () => (await getSettings(ext)).user.blockedProviders ?? []).toContain(provider!.id);
    // The browser's rules follow the setting a moment later: navigate once they cover the host.
    const covers = (d: string) => HOST === d || HOST.endsWith(`.${d}`);
    await expect.poll(async () => (await dynamicRules(ext)).some((r) => r.action.type === 'redirect' && (r.condition.requestDomains ?? []).some(covers)), { timeout: 10_000 }).toBe(true);
    const served = ext.server.requestsTo(HOST).length;
    await page.goto(`https://${HOST}/again`).catch(() => undefined);
    await page.waitForURL(/blocked\.html/);
    expect(ext.server.requestsTo(HOST)).toHaveLength(served);
    const operator = page.locator('[data-fact="operator"]');
    await expect.poll(() => operator.locator('[data-unverified]').innerText()).toBe(en ? 'not yet verified' : '尚未核实');
    expect(await operator.locator('[data-fact="still-to-confirm"]').innerText()).toMatch(en ? /Still to confirm: who runs it/ : /待核实：运营方/);
    expect(await page.locator('h1').innerText()).toContain(provider!.name);
    await checkBothThemes(page, `unverified-block-page-${lang}`);
    expect(await updateSettings(ext, NOTHING_BLOCKED)).toMatchObject({ ok: true });
  });

  it("is listed in the options' database browser as not yet verified, with no country", async () => {
    const options = await ext.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html#database`);
    await options.locator('#db-providers > summary').click();
    await options.fill('#db-provider-filter', HOST);
    const row = options.locator(`[data-db-provider="${provider!.id}"]`);
    await expect.poll(() => row.locator('[data-unverified]').innerText()).toBe(en ? 'not yet verified' : '尚未核实');
    expect(await row.locator('[data-country]').count()).toBe(0);
  });
});
