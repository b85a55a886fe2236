/**
 * The options page names many message keys through tables (modes, lists, levels, kinds of audit
 * entries) rather than in t('…') calls; every such key must exist, or a person would read the
 * raw key. Its own keys, and no one else's, start with `opt` or `audit`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, tEn, tZh } from './locale.ts';

const OPTIONS_DIR = resolve(import.meta.dirname, '../../src/options');
const SETTING_KEYS = new Set(['auditRetentionDays']);

function keysNamed(): Set<string> {
  const keys = new Set<string>();
  for (const name of readdirSync(OPTIONS_DIR)) {
    if (!/\.tsx?$/.test(name)) continue;
    for (const m of readFileSync(join(OPTIONS_DIR, name), 'utf8').matchAll(/'((?:opt|audit)[A-Z][A-Za-z0-9]*)'/g)) if (!SETTING_KEYS.has(m[1]!)) keys.add(m[1]!);
  }
  return keys;
}

describe('options page messages', () => {
  it('every key the options page names exists in English and Chinese', () => {
    const keys = [...keysNamed()];
    expect(keys.length).toBeGreaterThan(150);
    expect(keys.filter((k) => !(k in locales.en!))).toEqual([]);
    expect(keys.filter((k) => !(k in locales.zh_CN!))).toEqual([]);
  });

  it('words the audit panel in both languages', () => {
    expect(tEn('auditShowing', [3, 10])).toBe('Showing 3 of 10 entries.');
    expect(tZh('auditShowing', [3, 10])).toBe('显示 3 / 10 条记录。');
    expect(tEn('auditRuleUser', [tEn('auditScopeProvider'), 'DeepSeek'])).toBe('Blocked by you (provider: DeepSeek)');
    expect(tZh('auditRuleOrg', [tZh('auditScopeCountry'), '中国'])).toBe('由您的组织拦截（国家：中国）');
    // Counts sit apart from the words they count, so one entry never reads "1 entries".
    expect(tEn('auditClearConfirm', [1])).toBe('Delete every entry of the audit log (1)? This cannot be undone.');
    expect(tEn('optImported', [1])).toBe('Settings imported from the file: 1.');
  });
});
