/// <reference types="chrome" />
/**
 * The audit log in real Chromium with the built extension: a page's AI use is recorded once per
 * finding, a blocked request and a blocked navigation are recorded as blocks (a flood of blocked
 * requests as one entry with a count), and the options page lists, filters, searches, exports
 * (CSV and JSON downloads that parse back to the stored entries) and clears the log, which
 * survives a browser restart.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/audit/audit-entry.ts';
import { parseAuditCsv, parseAuditJson } from '../../src/core/audit/audit-export.ts';
import { AUDIT_MAX_PER_MINUTE_PER_TAB } from '../../src/core/audit/audit-throttle.ts';
import { AUDIT_MAX_ENTRIES } from '../../src/core/constants.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { storedEntries } from './harness/audit-entries.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { ARTIFACTS_DIR, openOptions, screenshot, stopServiceWorker, tabIdOf, tabState } from './harness/extension.ts';
import { getSettings, updateSettings } from './harness/settings.ts';
import { checkBothThemes, expectAccessible } from './harness/ui-checks.ts';

const HOSTS = ['app.example.com', 'chat.deepseek.com', 'api.deepseek.com', 'api.mistral.ai'];
const FLOOD = 40;

const rows = (page: Page) => page.locator('#audit tbody tr');
const shownCount = (page: Page) => page.locator('.audit-count').getAttribute('data-shown').then(Number);

describe('audit log', () => {
  let ext: ExtensionBrowser;
  let profileDir: string;
  const launch = async () => {
    ext = await launchExtension({ hosts: HOSTS, profileDir });
    serveFakeAi(ext.server, 'api.deepseek.com', 'api.mistral.ai');
  };
  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'ajg-audit-profile-'));
    await launch();
  });
  afterAll(async () => {
    await ext?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('records findings once and blocks (a flood as one entry with a count)', async () => {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/outbound.html');
    for (let i = 0; i < 3; i++) expect(await page.evaluate(() => (window as any).tryFetch('https://api.mistral.ai/v1/chat/completions'))).toBe('ok 200');
    expect(await page.evaluate(() => (window as any).tryFetch('https://api.deepseek.com/chat/completions'))).toBe('ok 200');

    expect(await updateSettings(ext, { mode: 'block', blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const results = await page.evaluate((n) => Promise.all(Array.from({ length: n }, () => (window as any).tryFetch('https://api.deepseek.com/chat/completions'))), FLOOD);
    expect(new Set(results)).toEqual(new Set(['failed TypeError: Failed to fetch']));
    expect(await page.evaluate(() => (window as any).tryWebSocket('wss://api.deepseek.com/ws'))).toBe('failed websocket error');
    // The page visit's findings, before the navigation starts the tab's state over. Reports arrive
    // in batches (every 250 ms, later on a loaded machine): wait until two reads a second apart agree.
    const tabId = await tabIdOf(ext, page);
    const visitFindings = async () => (await tabState(ext, tabId))!.findings.map((f) => `finding ${f.host} ${f.kind} ${f.model ?? ''}`).sort();
    let findings = await visitFindings();
    for (let previous: string[] = []; JSON.stringify(previous) !== JSON.stringify(findings); ) {
      previous = findings;
      await page.waitForTimeout(1000);
      findings = await visitFindings();
    }
    expect(findings.length).toBeGreaterThanOrEqual(2);
    await page.click('#to-deepseek');
    await page.waitForURL(/blocked\.html/);

    const probe = await ext.extensionPage();
    // One entry per finding of the visit (three fetches to Mistral are one finding), and the blocks.
    await expect.poll(async () => (await storedEntries(probe)).filter((e) => e.type === 'finding').map((e) => `finding ${e.host} ${e.kind} ${e.model ?? ''}`).sort(), { timeout: 10_000 }).toEqual(findings);
    expect([...new Set(findings.map((f) => f.split(' ').slice(0, 3).join(' ')))]).toEqual(['finding api.deepseek.com request', 'finding api.mistral.ai request']);
    await expect.poll(async () => (await storedEntries(probe)).filter((e) => e.type === 'block').map((e) => `${e.host} ${e.kind}`).sort(), { timeout: 10_000 }).toEqual([
      'api.deepseek.com websocket',
      'api.deepseek.com xmlhttprequest',
      'chat.deepseek.com navigation',
    ]);
    // Repeats of a finding are not new entries; the flood of blocks is one entry counting each.
    await expect.poll(async () => (await storedEntries(probe)).find((e) => e.type === 'block' && e.kind === 'xmlhttprequest')?.count, { timeout: 5_000 }).toBe(FLOOD);
    const entries = await storedEntries(probe);
    expect(entries.find((e) => e.host === 'api.mistral.ai')).toMatchObject({ type: 'finding', site: 'app.example.com', providerId: 'mistral', count: 1 });
    expect(entries.find((e) => e.kind === 'navigation')).toMatchObject({ site: 'app.example.com', providerId: 'deepseek', providerName: 'DeepSeek', level: 'high', country: 'CN', rule: 'user provider deepseek' });
    expect(entries.find((e) => e.type === 'finding' && e.host === 'api.deepseek.com')).toMatchObject({ model: 'deepseek-chat', level: 'high' });
  });

  it('the options page lists, filters, searches and exports the log', async () => {
    const options = await openOptions(ext);
    const stored = await storedEntries(options);
    const all = stored.length;
    await expect.poll(() => rows(options).count()).toBe(all);
    // Newest first.
    expect(await rows(options).evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-audit-entry'))))).toEqual(stored.map((e) => e.id).reverse());
    const navigation = options.locator('#audit tbody tr[data-host="chat.deepseek.com"]');
    expect(await navigation.innerText()).toContain('Blocked');
    expect(await navigation.innerText()).toContain('Blocked by you (provider: DeepSeek)');
    const flood = stored.find((e) => e.kind === 'xmlhttprequest')!;
    expect(await options.locator(`#audit tbody tr[data-audit-entry="${flood.id}"] td.num`).innerText()).toBe(String(FLOOD));

    await options.selectOption('#audit-provider', 'mistral');
    await expect.poll(() => shownCount(options)).toBe(stored.filter((e) => e.providerId === 'mistral').length);
    expect(new Set(await rows(options).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-host'))))).toEqual(new Set(['api.mistral.ai']));
    await options.selectOption('#audit-provider', '');
    await options.selectOption('#audit-type', 'block');
    await expect.poll(() => shownCount(options)).toBe(3);
    await options.selectOption('#audit-level', 'high');
    await expect.poll(() => shownCount(options)).toBe(3);
    await options.selectOption('#audit-level', 'low');
    await expect.poll(() => shownCount(options)).toBe(0);
    expect(await options.locator('[data-audit-empty]').innerText()).toBe('No entry matches the filters.');
    await options.click('text=Reset filters');
    await expect.poll(() => shownCount(options)).toBe(all);
    await options.fill('#audit-search', 'chat.deepseek');
    await expect.poll(() => shownCount(options)).toBe(1);
    // Every word must match (the page named model deepseek-chat in its requests to both services).
    await options.fill('#audit-search', 'deepseek-chat');
    await expect.poll(() => shownCount(options)).toBe(stored.filter((e) => e.model === 'deepseek-chat').length);
    await options.fill('#audit-search', 'Mistral deepseek-chat');
    await expect.poll(() => shownCount(options)).toBe(stored.filter((e) => e.model === 'deepseek-chat' && e.providerId === 'mistral').length);
    expect(await rows(options).first().getAttribute('data-host')).toBe('api.mistral.ai');
    // Dates: today holds everything, a range ending yesterday nothing.
    await options.fill('#audit-search', '');
    const today = await options.evaluate(() => new Date().toLocaleDateString('sv'));
    await options.fill('#audit-from', today);
    await expect.poll(() => shownCount(options)).toBe(all);
    await options.fill('#audit-from', '2020-01-01');
    await options.fill('#audit-to', '2020-01-02');
    await expect.poll(() => shownCount(options)).toBe(0);
    await options.click('text=Reset filters');
    await expect.poll(() => shownCount(options)).toBe(all);

    await checkBothThemes(options, 'options-audit');
    await expectAccessible(options);
    // Close-ups to look at: the audit panel, and the database with both browsers open and filtered.
    await options.locator('#audit').screenshot({ path: join(ARTIFACTS_DIR, 'screenshots/options-audit-panel.png') });
    await options.click('#db-providers summary');
    await options.fill('#db-provider-filter', 'deep');
    await options.click('#db-laws summary');
    await options.fill('#db-law-filter', 'intelligence');
    await expect.poll(() => options.locator('[data-db-provider="deepseek"]').count()).toBe(1);
    await expectAccessible(options);
    await options.locator('#database').screenshot({ path: join(ARTIFACTS_DIR, 'screenshots/options-database.png') });

    for (const [button, parse] of [
      ['Export CSV', parseAuditCsv],
      ['Export JSON', parseAuditJson],
    ] as const) {
      const [download] = await Promise.all([options.waitForEvent('download'), options.click(`button:has-text("${button}")`)]);
      expect(download.suggestedFilename()).toMatch(/^ai-guard-audit-\d{4}-\d{2}-\d{2}\.(csv|json)$/);
      const text = await readFile((await download.path())!, 'utf8');
      // Kept for a person to open in a spreadsheet (artifacts/ is git-ignored).
      await download.saveAs(join(ARTIFACTS_DIR, 'exports', download.suggestedFilename()));
      if (button === 'Export CSV') {
        expect(text.startsWith('\uFEFFid,time,type,')).toBe(true);
        expect(text).toContain('\r\n');
      }
      // Exported newest first, as listed.
      expect(parse(text)).toEqual([...stored].reverse());
    }
  });

  it('deletes entries older than the retention when the worker starts', async () => {
    const options = await openOptions(ext);
    const day = 86_400_000;
    const old = { time: Date.now() - 31 * day, type: 'finding', site: 'old.example.com', host: 'api.mistral.ai', kind: 'request', count: 1 };
    const recent = { ...old, time: Date.now() - 29 * day, site: 'recent.example.com' };
    await options.evaluate(
      (add) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('audit-log');
          open.onsuccess = () => {
            const tx = open.result.transaction('entries', 'readwrite');
            for (const entry of add) tx.objectStore('entries').add(entry);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      [old, recent],
    );
    expect((await storedEntries(options)).map((e) => e.site)).toContain('old.example.com');
    await stopServiceWorker(ext);
    // Any event starts the worker again; it deletes what is older than 30 days (the default).
    expect(await updateSettings(ext, { auditRetentionDays: 30 })).toMatchObject({ ok: true });
    await expect.poll(async () => (await storedEntries(options)).map((e) => e.site), { timeout: 10_000 }).not.toContain('old.example.com');
    expect((await storedEntries(options)).map((e) => e.site)).toContain('recent.example.com');
  });

  it('keeps at most AUDIT_MAX_ENTRIES, deleting the oldest, and says how many went', async () => {
    const options = await openOptions(ext);
    const existing = await storedEntries(options);
    const extra = 5;
    // Fill the log to the limit plus five, all within the retention, the bulk older than what was there.
    const bulk = AUDIT_MAX_ENTRIES - existing.length + extra;
    const start = Math.min(Date.now(), ...existing.map((e) => e.time)) - bulk - 1000;
    // Worked on in the page: 50,000 entries are too many to hand to the test.
    type Op = { op: 'fill'; n: number; start: number } | { op: 'count' } | { op: 'get'; id: number } | { op: 'delete'; from: number; to: number };
    const inLog = (op: Op) =>
      options.evaluate(
        (op) =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('audit-log');
            open.onsuccess = () => {
              const tx = open.result.transaction('entries', 'readwrite');
              const store = tx.objectStore('entries');
              let req: IDBRequest | undefined;
              if (op.op === 'count') req = store.count();
              if (op.op === 'get') req = store.get(op.id);
              if (op.op === 'delete') store.delete(IDBKeyRange.bound(op.from, op.to));
              if (op.op === 'fill') {
                for (let i = 0; i < op.n; i++) {
                  const added = store.add({ time: op.start + i, type: 'finding', site: `bulk-${i}.example.com`, host: 'api.mistral.ai', kind: 'request', count: 1 });
                  req ??= added;
                }
              }
              tx.oncomplete = () => (open.result.close(), resolve(req?.result));
              tx.onerror = () => reject(tx.error);
            };
          }),
        op,
      );
    const firstId = Number(await inLog({ op: 'fill', n: bulk, start }));
    const count = () => inLog({ op: 'count' });
    const siteOf = (id: number) => inLog({ op: 'get', id }).then((e) => (e as AuditEntry | undefined)?.site);
    expect(await count()).toBe(AUDIT_MAX_ENTRIES + extra);
    await stopServiceWorker(ext);
    expect(await updateSettings(ext, { auditRetentionDays: 30 })).toMatchObject({ ok: true });
    await expect.poll(count, { timeout: 20_000 }).toBe(AUDIT_MAX_ENTRIES);
    // The five oldest went; the next and the newest bulk entries, and everything recorded before, stayed.
    for (let i = 0; i < extra; i++) expect(await siteOf(firstId + i)).toBeUndefined();
    expect(await siteOf(firstId + extra)).toBe(`bulk-${extra}.example.com`);
    expect(await siteOf(firstId + bulk - 1)).toBe(`bulk-${bulk - 1}.example.com`);
    for (const e of existing) expect(await siteOf(e.id!)).toBe(e.site);
    const note = options.locator('[data-audit-trimmed]');
    await expect.poll(() => note.getAttribute('data-audit-trimmed'), { timeout: 10_000 }).toBe(String(extra));
    expect(await note.innerText()).toContain(`The log reached its limit of ${AUDIT_MAX_ENTRIES.toLocaleString('en-US')} entries, so the oldest were deleted (5, the last at`);
    await note.locator('button', { hasText: 'Dismiss' }).click();
    await expect.poll(() => note.count()).toBe(0);
    // Leave the log as the other tests expect it.
    await inLog({ op: 'delete', from: firstId, to: firstId + bulk - 1 });
    expect(await count()).toBe(existing.length);
  }, 120_000);

  it('shows a storage error, such as a full disk, until it is dismissed', async () => {
    const options = await openOptions(ext);
    await options.evaluate(() =>
      chrome.storage.local.set({ 'audit:last-error': { name: 'QuotaExceededError', message: 'The quota has been exceeded.', at: Date.now(), during: 'write' } }),
    );
    const alert = options.locator('[data-audit-error="QuotaExceededError"]');
    // The page learns of the error through storage.onChanged: give a loaded machine time (the
    // default second failed once while other work ran on both cores).
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    const text = await alert.innerText();
    expect(text).toContain('The audit log has a storage problem.');
    expect(text).toContain('saving an entry failed: The quota has been exceeded.');
    expect(text).toContain('storage for extensions is full');
    await expectAccessible(options);
    await alert.locator('button', { hasText: 'Dismiss' }).click();
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(0);
    expect(await options.evaluate(() => chrome.storage.local.get('audit:last-error'))).toEqual({});
  });

  it('a country rating set on the options page changes the levels shown', async () => {
    const options = await openOptions(ext);
    await options.click('#db-providers summary');
    const mistralLevel = options.locator('[data-db-provider="mistral"] [data-level]');
    expect(await mistralLevel.getAttribute('data-level')).toBe('low');
    await options.selectOption('#countryLevels-add', 'FR');
    await options.selectOption('#countryLevels-add-level', 'high');
    await options.click('[data-setting="countryLevels"] button[type="submit"]');
    await expect.poll(() => options.locator('#country-levels [data-country-level="FR"]').getAttribute('data-level')).toBe('high');
    expect((await getSettings(ext)).user.countryLevels).toEqual({ FR: 'high' });
    await expect.poll(() => mistralLevel.getAttribute('data-level')).toBe('high');
    await options.selectOption('#country-level-FR', 'medium');
    await expect.poll(async () => (await getSettings(ext)).user.countryLevels).toEqual({ FR: 'medium' });
    await options.click('#country-levels button:has-text("Remove")');
    await expect.poll(async () => (await getSettings(ext)).user.countryLevels).toEqual({});
    await expect.poll(() => mistralLevel.getAttribute('data-level')).toBe('low');
  });

  it('country ratings locked by the organization are shown as set by it, and cannot be changed', async () => {
    // The policy as the worker caches it after a read (settings-store.ts): no policy file is
    // installed, and the next real read puts back what the machine has (nothing).
    const probe = await ext.extensionPage();
    await probe.evaluate(() => chrome.storage.local.set({ 'policy:last-read': { raw: { countryLevels: { FR: 'high' }, lockedSettings: ['countryLevels'] }, readAt: Date.now() } }));
    try {
      const options = await openOptions(ext);
      const field = options.locator('[data-setting="countryLevels"]');
      await expect.poll(() => field.getAttribute('data-locked')).toBe('countryLevels');
      expect(await field.locator('[data-country-level="FR"] select').isDisabled()).toBe(true);
      expect(await field.locator('form, button').count()).toBe(0);
      expect(await field.innerText()).toContain('Set by your organization');
      expect(await options.locator('#policy [data-policy="applies"]').innerText()).toContain('You cannot change: Country ratings.');
      await expectAccessible(options);
    } finally {
      await probe.evaluate(() => chrome.storage.local.remove('policy:last-read'));
    }
  });

  it('keeps the log across a browser restart, and clears it after a confirmation', async () => {
    const before = await storedEntries(await ext.extensionPage());
    await ext.close();
    await launch();
    const options = await openOptions(ext);
    await expect.poll(() => rows(options).count()).toBe(before.length);
    expect(await storedEntries(options)).toEqual(before);

    await options.click('button:has-text("Clear log…")');
    const confirm = options.locator('#audit-confirm');
    expect(await confirm.innerText()).toContain(`Delete every entry of the audit log (${before.length})?`);
    await options.click('#audit-confirm button:has-text("Cancel")');
    expect(await rows(options).count()).toBe(before.length);
    // By keyboard: the question takes focus, Escape cancels and gives focus back.
    await options.focus('button:has-text("Clear log…")');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Delete all entries');
    await options.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Clear log…');
    await options.click('button:has-text("Clear log…")');
    await options.click('#audit-confirm button:has-text("Delete all entries")');
    await expect.poll(() => rows(options).count()).toBe(0);
    expect(await options.locator('[data-audit-empty]').innerText()).toContain('No entries yet.');
    expect(await storedEntries(options)).toEqual([]);
  });

  it('a page that floods new findings adds a bounded number of entries, and the rest are counted and shown', async () => {
    const FINDINGS = 150;
    // Opened before: the page shows new entries as they are written, without a reload.
    const options = await openOptions(ext);
    await expect.poll(() => options.locator('[data-audit-empty]').count()).toBe(1);
    const page = await ext.newPage();
    await page.goto('https://app.example.com/outbound.html');
    await page.evaluate(
      (n) =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            fetch('https://api.mistral.ai/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: `flood-${i}`, messages: [] }) }),
          ),
        ),
      FINDINGS,
    );
    const probe = await ext.extensionPage();
    const dropped = () => probe.evaluate(() => chrome.storage.local.get('audit:dropped').then((r) => (r['audit:dropped'] as { count: number } | undefined)?.count ?? 0));
    const logged = async () => (await storedEntries(probe)).filter((e) => e.model?.startsWith('flood-')).length;
    // Every new finding is either an entry or counted as left out: none disappears unnoticed.
    await expect.poll(async () => (await logged()) + (await dropped()), { timeout: 15_000 }).toBe(FINDINGS);
    // At most the cap per minute (twice if the flood straddled a minute boundary).
    expect(await logged()).toBeLessThanOrEqual(2 * AUDIT_MAX_PER_MINUTE_PER_TAB);
    expect(await dropped()).toBeGreaterThanOrEqual(FINDINGS - 2 * AUDIT_MAX_PER_MINUTE_PER_TAB);
    await expect.poll(() => shownCount(options)).toBe(await logged());
    const note = options.locator('[data-audit-dropped]');
    await expect.poll(() => note.getAttribute('data-audit-dropped')).toBe(String(await dropped()));
    expect(await note.innerText()).toContain('Events not logged because a page sent too many');
    await note.locator('button', { hasText: 'Dismiss' }).click();
    await expect.poll(() => note.count()).toBe(0);
  });
});

describe('options page in Simplified Chinese', () => {
  it('words the page from the zh_CN messages', async () => {
    const ext = await launchExtension({ hosts: [], args: ['--lang=zh-CN'] });
    try {
      const options = await openOptions(ext);
      await expect.poll(() => options.locator('#audit-title').innerText()).toBe('审计日志');
      expect(await options.title()).toBe('AI 管辖权守卫：设置');
      expect(await options.locator('#protection-title').innerText()).toBe('防护');
      expect(await options.locator('[data-audit-empty]').innerText()).toContain('暂无记录');
      expect(await options.locator('label[for="audit-search"]').innerText()).toBe('搜索');
      await expectAccessible(options);
      await screenshot(options, 'options-zh');
    } finally {
      await ext.close();
    }
  });
});
