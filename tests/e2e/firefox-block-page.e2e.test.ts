/**
 * The block page in Firefox (firefox-esr, dist/firefox), as tests/e2e/block-page.e2e.test.ts
 * checks it in Chromium: a navigation to a blocked provider never reaches it and lands on the
 * block page, which says what was blocked, why (provider, country, law) and by whom; the audit log
 * records the blocked navigation. Allow once is tested in firefox.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/audit/audit-entry.ts';
import { type FirefoxExtension, firefoxScreenshot, launchFirefox } from './harness/firefox.ts';

describe('Firefox: the block page', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launchFirefox();
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
  });

  const update = (patch: object) => ff.extensionEval<{ ok: boolean }>(`browser.runtime.sendMessage({ type: 'ui-to-bg/update-settings', patch: ${JSON.stringify(patch)} })`);
  const auditEntries = () =>
    ff.extensionEval<AuditEntry[]>(
      `new Promise((resolve, reject) => { const open = indexedDB.open('audit-log'); open.onerror = () => reject(open.error); open.onsuccess = () => { const req = open.result.transaction('entries').objectStore('entries').getAll(); req.onsuccess = () => { resolve(req.result); open.result.close(); }; }; })`,
    );
  const text = (tab: string, selector: string) => ff.evaluate<string | null>(tab, `document.querySelector(${JSON.stringify(selector)})?.innerText ?? null`);

  it('says what was blocked, why, under which law and by whom; the site receives nothing; the audit log records it', async () => {
    // Positive control: before the block, the same address reaches the site.
    const visit = ff.urlFor('chat.deepseek.com', '/?q=before');
    await ff.openTab(visit);
    expect(ff.server.requestsTo('chat.deepseek.com').map((r) => r.path)).toContain('/?q=before');

    expect(await update({ mode: 'block', blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const blocked = ff.urlFor('chat.deepseek.com', '/?q=hello');
    const tab = await ff.openTab(blocked);
    await expect.poll(() => ff.evaluate<string>(tab, 'location.href'), { timeout: 10_000 }).toBe(`${ff.extensionOrigin}blocked.html#${blocked}`);
    expect(ff.server.requestsTo('chat.deepseek.com').map((r) => r.path)).not.toContain('/?q=hello');

    await expect.poll(() => text(tab, 'h1'), { timeout: 10_000 }).toBe('DeepSeek is blocked');
    expect(await ff.evaluate<string>(tab, 'document.title')).toBe('Blocked: AI Jurisdiction Guard');
    expect(await text(tab, '.url')).toContain(blocked);
    await expect.poll(() => text(tab, 'section.card .why'), { timeout: 10_000 }).toMatch(/^Blocked because\s+You blocked DeepSeek\.$/);
    expect(await ff.evaluate<string | null>(tab, `document.querySelector('section.card .by')?.dataset.by ?? null`)).toBe('user');
    expect(await ff.evaluate<string | null>(tab, `document.querySelector('section.card')?.getAttribute('aria-label') ?? null`)).toBe('What was blocked and why');
    const card = (await text(tab, 'section.card'))!;
    expect(card).toContain('DeepSeek Chat');
    expect(card).toMatch(/Run by\s+Hangzhou DeepSeek/);
    expect(card).toContain('China');
    // The laws are folded; the law's link is there with its source.
    const law = await ff.evaluate<string | null>(tab, `[...document.querySelectorAll('section.card a')].find((a) => a.textContent.trim() === 'National Intelligence Law (2017)')?.getAttribute('href') ?? null`);
    expect(law).toBe('https://www.chinalawtranslate.com/en/national-intelligence-law-of-the-p-r-c-2017/');
    const buttons = await ff.evaluate<string[]>(tab, `[...document.querySelectorAll('button')].map((b) => b.textContent.trim()).filter((t) => !t.startsWith('source'))`);
    expect(buttons).toContain('Allow once for this site');
    expect(buttons.some((b) => b === 'Go back' || b === 'Close this tab')).toBe(true);
    await firefoxScreenshot(ff, tab, 'firefox-blocked-page');

    // The audit log has the navigation, as a block by the user's rule.
    await expect
      .poll(async () => (await auditEntries()).filter((e) => e.type === 'block' && e.kind === 'navigation' && e.host === 'chat.deepseek.com').map((e) => ({ provider: e.providerId, country: e.country, rule: e.rule })), { timeout: 10_000 })
      .toEqual([{ provider: 'deepseek', country: 'CN', rule: 'user provider deepseek' }]);
    expect(await update({ blockedProviders: [] })).toMatchObject({ ok: true });
  });

  it('Go back returns to the page the user came from', async () => {
    expect(await update({ mode: 'block', blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const start = ff.urlFor('news.example.com', '/');
    const tab = await ff.openTab(start);
    await ff.navigate(tab, ff.urlFor('chat.deepseek.com', '/'));
    await expect.poll(() => text(tab, 'h1'), { timeout: 10_000 }).toBe('DeepSeek is blocked');
    const back = `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Go back')`;
    await expect.poll(() => ff.evaluate<boolean>(tab, `Boolean(${back})`), { timeout: 10_000 }).toBe(true);
    await ff.evaluate(tab, `(${back}).click(), true`);
    await expect.poll(() => ff.evaluate<string>(tab, 'location.href'), { timeout: 10_000 }).toBe(start);
    expect(await update({ blockedProviders: [] })).toMatchObject({ ok: true });
  });
});
