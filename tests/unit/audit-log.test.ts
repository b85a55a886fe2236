import { describe, expect, it } from 'vitest';
import { type AuditEntry, retentionCutoff } from '../../src/core/audit/audit-entry.ts';
import { auditToCsv, auditToJson, csvCell, parseAuditCsv, parseAuditJson, parseCsvRows } from '../../src/core/audit/audit-export.ts';
import { filterChoices, filterEntries } from '../../src/core/audit/audit-filter.ts';
import { AUDIT_COALESCE_MS, AUDIT_MAX_PER_MINUTE_PER_TAB, AuditThrottle } from '../../src/core/audit/audit-throttle.ts';

const T0 = Date.UTC(2026, 11, 1, 9, 30);

const ENTRIES: AuditEntry[] = [
  { id: 1, time: T0, type: 'finding', site: 'news.example.com', host: 'api.deepseek.com', providerId: 'deepseek', providerName: 'DeepSeek', product: 'DeepSeek API', kind: 'request', model: 'deepseek-chat', level: 'high', country: 'CN', count: 1 },
  { id: 2, time: T0 + 60_000, type: 'block', site: 'app.example.com', host: 'cdn.deepseek.com', providerId: 'deepseek', providerName: 'DeepSeek', product: 'DeepSeek Chat', kind: 'script', level: 'high', country: 'CN', rule: 'user provider deepseek', count: 37 },
  { id: 3, time: T0 + 120_000, type: 'finding', site: 'shop.example.com', host: 'api.mistral.ai', providerId: 'mistral', providerName: 'Mistral AI', product: 'La Plateforme', kind: 'request', level: 'low', country: 'FR', count: 1 },
  // Page-controlled text: formula starts, quotes, commas, line breaks, Chinese.
  { id: 4, time: T0 + 180_000, type: 'finding', site: 'app.example.com', host: 'gw.example.com', kind: 'unknown-endpoint', model: '=HYPERLINK("http://evil","点击, 这里")\r\n+1', level: 'unknown', count: 2 },
  { id: 5, time: T0 + 240_000, type: 'block', site: '', host: 'chat.deepseek.com', providerId: 'deepseek', providerName: 'DeepSeek', kind: 'navigation', model: "'quoted", rule: 'org country CN', count: 1 },
];

describe('audit filter', () => {
  it('lists newest first and narrows by site (with subdomains), provider, level, type and date range', () => {
    expect(filterEntries(ENTRIES, {}).map((e) => e.id)).toEqual([5, 4, 3, 2, 1]);
    expect(filterEntries(ENTRIES, { site: 'example.com' }).map((e) => e.id)).toEqual([4, 3, 2, 1]);
    expect(filterEntries(ENTRIES, { site: 'app.example.com' }).map((e) => e.id)).toEqual([4, 2]);
    expect(filterEntries(ENTRIES, { providerId: 'deepseek' }).map((e) => e.id)).toEqual([5, 2, 1]);
    expect(filterEntries(ENTRIES, { level: 'high' }).map((e) => e.id)).toEqual([2, 1]);
    expect(filterEntries(ENTRIES, { type: 'block' }).map((e) => e.id)).toEqual([5, 2]);
    expect(filterEntries(ENTRIES, { from: T0 + 60_000, to: T0 + 180_000 }).map((e) => e.id)).toEqual([3, 2]);
  });

  it('free text needs every word, in any field, ignoring case', () => {
    expect(filterEntries(ENTRIES, { text: 'MISTRAL' }).map((e) => e.id)).toEqual([3]);
    expect(filterEntries(ENTRIES, { text: 'deepseek script' }).map((e) => e.id)).toEqual([2]);
    expect(filterEntries(ENTRIES, { text: '点击' }).map((e) => e.id)).toEqual([4]);
    expect(filterEntries(ENTRIES, { text: 'deepseek mistral' })).toEqual([]);
  });

  it('offers the sites and providers the log holds', () => {
    expect(filterChoices(ENTRIES)).toEqual({
      sites: ['app.example.com', 'news.example.com', 'shop.example.com'],
      providers: [
        { id: 'deepseek', name: 'DeepSeek' },
        { id: 'mistral', name: 'Mistral AI' },
      ],
    });
  });
});

describe('audit retention', () => {
  it('cuts off entries older than the retention days', () => {
    const now = T0 + 30 * 86_400_000;
    expect(retentionCutoff(now, 30)).toBe(T0);
    expect(ENTRIES.filter((e) => e.time >= retentionCutoff(now + 60_001, 30)).map((e) => e.id)).toEqual([3, 4, 5]);
  });
});

describe('audit export', () => {
  it('CSV: BOM, header, CRLF rows, RFC 4180 quoting, and formula cells prefixed with a quote', () => {
    const csv = auditToCsv(ENTRIES);
    expect(csv.startsWith('\uFEFFid,time,type,site,host,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('1,2026-12-01T09:30:00.000Z,finding,news.example.com,api.deepseek.com,deepseek,DeepSeek,DeepSeek API,request,deepseek-chat,high,CN,,1,');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""点击, 这里"")\r\n+1"`);
    expect(csv).toContain(`,''quoted,`);
    // No cell a spreadsheet would run: every cell starts with a safe character.
    for (const row of parseCsvRows(csv)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('csvCell neutralises every formula start', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('CSV and JSON round-trip to the same entries', () => {
    expect(parseAuditCsv(auditToCsv(ENTRIES))).toEqual(ENTRIES);
    expect(parseAuditJson(auditToJson(ENTRIES))).toEqual(ENTRIES);
    expect(parseAuditCsv(auditToCsv([]))).toEqual([]);
  });

  it('refuses a CSV that is not an audit export', () => {
    expect(() => parseAuditCsv('a,b\r\n1,2\r\n')).toThrow(/header/);
  });
});

describe('audit throttle', () => {
  const event = (host: string, time = T0) => ({ time, type: 'block' as const, site: 'hostile.example.com', host, kind: 'xmlhttprequest' });

  it('coalesces identical events within the window into one entry with a count', () => {
    const throttle = new AuditThrottle();
    expect(throttle.offer(7, event('api.deepseek.com'), T0)).toBe('add');
    throttle.stored(7, event('api.deepseek.com'), 41);
    for (let i = 1; i < 1000; i++) expect(throttle.offer(7, event('api.deepseek.com', T0 + i), T0 + i)).toBe('coalesced');
    expect(throttle.takeCounts()).toEqual([{ id: 41, count: 1000 }]);
    expect(throttle.takeCounts()).toEqual([]);
    // After the window, a new entry.
    expect(throttle.offer(7, event('api.deepseek.com'), T0 + AUDIT_COALESCE_MS)).toBe('add');
  });

  it('holds counts until the entry has its ID', () => {
    const throttle = new AuditThrottle();
    throttle.offer(1, event('a.example'), T0);
    throttle.offer(1, event('a.example'), T0 + 1);
    expect(throttle.takeCounts()).toEqual([]);
    expect(throttle.pending).toBe(true);
    throttle.stored(1, event('a.example'), 3);
    expect(throttle.takeCounts()).toEqual([{ id: 3, count: 2 }]);
    expect(throttle.pending).toBe(false);
  });

  it('caps new entries per tab per minute; other tabs and the next minute are not affected', () => {
    const throttle = new AuditThrottle();
    const verdicts = Array.from({ length: 5000 }, (_, i) => throttle.offer(9, event(`h${i}.deepseek.com`), T0 + i));
    expect(verdicts.filter((v) => v === 'add')).toHaveLength(AUDIT_MAX_PER_MINUTE_PER_TAB);
    expect(throttle.dropped).toBe(5000 - AUDIT_MAX_PER_MINUTE_PER_TAB);
    expect(throttle.offer(10, event('h1.deepseek.com'), T0 + 5000)).toBe('add');
    expect(throttle.offer(9, event('next.deepseek.com'), T0 + 60_000 + 1)).toBe('add');
  });

  it('a restarted worker keeps the minute’s counts it was given, so a flood across a restart stays at the cap', () => {
    const first = new AuditThrottle();
    for (let i = 0; i < 40; i++) first.offer(9, event(`h${i}.deepseek.com`), T0 + i);
    first.offer(3, event('one.deepseek.com'), T0);
    const stored = JSON.parse(JSON.stringify(first.rates(T0 + 100)));
    expect(stored).toEqual({ minute: Math.floor(T0 / 60_000), 9: 40, 3: 1 });
    const next = new AuditThrottle();
    next.restoreRates(stored, T0 + 200);
    const verdicts = Array.from({ length: 100 }, (_, i) => next.offer(9, event(`k${i}.deepseek.com`), T0 + 200 + i));
    expect(verdicts.filter((v) => v === 'add')).toHaveLength(AUDIT_MAX_PER_MINUTE_PER_TAB - 40);
    // The counts of an earlier minute bound nothing; malformed ones are ignored.
    const later = new AuditThrottle();
    later.restoreRates(stored, T0 + 60_000);
    expect(later.offer(9, event('a.deepseek.com'), T0 + 60_000)).toBe('add');
    for (const bad of [null, 'x', [], { minute: 'x', 9: 60 }, { minute: stored.minute, 9: -1, x: 5, 7: 1.5, 8: '60' }]) {
      const t = new AuditThrottle();
      t.restoreRates(bad, T0);
      expect(t.offer(9, event('a.deepseek.com'), T0)).toBe('add');
      expect(t.offer(8, event('a.deepseek.com'), T0)).toBe('add');
    }
    // A count above the cap is read as the cap.
    const capped = new AuditThrottle();
    capped.restoreRates({ minute: stored.minute, 9: 1e9 }, T0);
    expect(capped.offer(9, event('a.deepseek.com'), T0)).toBe('drop');
    expect(capped.rates(T0)).toEqual({ minute: stored.minute, 9: AUDIT_MAX_PER_MINUTE_PER_TAB });
  });
});
