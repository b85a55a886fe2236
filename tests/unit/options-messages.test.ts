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
    expect(tEn('auditRuleUser', [tEn('auditScopeProvider'), 'deepseek'])).toBe('You blocked provider deepseek');
    expect(tZh('auditRuleOrg', [tZh('auditScopeCountry'), 'CN'])).toBe('您的组织拦截了国家 CN');
  });
});
