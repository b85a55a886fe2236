/**
 * Exports for other layers (docs/exports.md), each read back by a tool or parser we did not write
 * where one exists: the RPZ zone by BIND's named-checkzone, the Defender CSV by csv-parse against
 * Microsoft's documented columns. (The URLBlocklist JSON is loaded by Chromium itself in
 * tests/e2e/exports.e2e.test.ts.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { exportEntries, type ExportEntry } from '../../src/core/export/export-entries.ts';
import { DEFENDER_COLUMNS, exportFile, shapeOf } from '../../src/core/export/export-formats.ts';
import { policyStateOf } from '../../src/core/policy-state.ts';

const CTX = { now: Date.UTC(2026, 11, 7, 9), selection: 'test', database: 'test' };
const NAMED_CHECKZONE = '/usr/bin/named-checkzone';
const all = () => policyStateOf(database, {}, {});
const entriesOf = (policy: unknown, filter: Parameters<typeof exportEntries>[2]) => {
  const state = policyStateOf(database, {}, policy);
  return exportEntries(state.db, state.settings, filter);
};

describe('what is exported', () => {
  it('every database host, or only what the settings block, narrowed by country and level', () => {
    const everything = exportEntries(all().db, all().settings, { blockedOnly: false });
    expect(everything.length).toBeGreaterThan(500);
    expect(everything.map((e) => e.host)).toEqual([...everything.map((e) => e.host)].sort());
    // Nothing is blocked without settings.
    expect(entriesOf({}, { blockedOnly: true })).toEqual([]);
    const deepseek = entriesOf({ blockedProviders: ['deepseek'] }, { blockedOnly: true });
    expect(deepseek.length).toBeGreaterThan(0);
    expect(new Set(deepseek.map((e) => e.providerId))).toEqual(new Set(['deepseek']));
    expect(deepseek.map((e) => e.host)).toContain('api.deepseek.com');
    const cn = entriesOf({ blockedCountries: ['CN'] }, { blockedOnly: true });
    // A country block reaches services run from there, and those whose parent or data is there.
    expect(cn.filter((e) => e.country === 'CN').length).toBeGreaterThan(cn.length / 2);
    expect(cn.map((e) => e.host)).not.toContain('api.openai.com');
    expect(cn.map((e) => e.host)).toEqual(expect.arrayContaining(['api.deepseek.com', 'kimi.moonshot.cn']));
    expect(entriesOf({}, { blockedOnly: false, country: 'FR' }).every((e) => e.country === 'FR')).toBe(true);
    expect(entriesOf({}, { blockedOnly: false, level: 'high' }).every((e) => e.level === 'high')).toBe(true);
    // The organization's own services are in the database it exports from.
    const extra = entriesOf({ extraProviders: [{ id: 'corp-gw', name: 'Corp gateway', country: 'US', hosts: ['ai.corp.example'] }], blockedProviders: ['corp-gw'] }, { blockedOnly: true });
    expect(extra.map((e) => e.host)).toEqual(['ai.corp.example']);
  });
});

const SAMPLE: ExportEntry[] = [
  { host: 'api.deepseek.com', providerId: 'deepseek', providerName: 'DeepSeek', productName: 'DeepSeek API', country: 'CN', level: 'high' },
  { host: 'bedrock-runtime.*.amazonaws.com', providerId: 'amazon', providerName: 'Amazon Web Services', productName: 'Amazon Bedrock', country: 'US', level: 'low' },
  { host: '*.openai.azure.com', providerId: 'azure', providerName: 'Microsoft', productName: 'Azure OpenAI', country: 'US', level: 'low' },
  { host: 'chat.example.cn', providerId: 'x', providerName: 'Quote "Co", Ltd', productName: 'Chat, Pro', level: 'unknown' },
];

describe('formats', () => {
  it('the RPZ zone of the whole database passes BIND’s named-checkzone, subdomains included, and says what it left out', () => {
    expect(existsSync(NAMED_CHECKZONE), 'named-checkzone (Debian bind9-utils) is installed by npm test; install it with apt-get install bind9-utils').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'ajg-rpz-'));
    for (const [name, entries] of [['whole', exportEntries(all().db, all().settings, { blockedOnly: false })], ['sample', SAMPLE]] as const) {
      const file = exportFile('rpz', entries, CTX);
      const path = join(dir, `${name}.zone`);
      writeFileSync(path, file.text);
      const check = spawnSync(NAMED_CHECKZONE, ['-i', 'local', 'rpz.ai-guard.test', path], { encoding: 'utf8' });
      expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
      expect(check.stdout).toMatch(/OK/);
    }
    const sample = exportFile('rpz', SAMPLE, CTX);
    expect(sample.text).toContain('\napi.deepseek.com CNAME .\n*.api.deepseek.com CNAME .\n');
    expect(sample.text).toContain('\n*.openai.azure.com CNAME .\n');
    expect(sample.leftOut).toEqual([{ host: 'bedrock-runtime.*.amazonaws.com', why: expect.stringContaining('cannot express') }]);
    expect(sample.text).toContain('; Left out (1):\n;   bedrock-runtime.*.amazonaws.com:');
    // A broken zone fails the same check (its control).
    const broken = join(dir, 'broken.zone');
    writeFileSync(broken, sample.text.replace('api.deepseek.com CNAME .', 'api..deepseek.com CNAME .'));
    expect(spawnSync(NAMED_CHECKZONE, ['rpz.ai-guard.test', broken], { encoding: 'utf8' }).status).not.toBe(0);
  });

  it('the Defender CSV has Microsoft’s documented columns and reads back, quotes and commas included, with an independent parser', () => {
    const file = exportFile('defender-csv', SAMPLE, CTX);
    const rows = parse(file.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...DEFENDER_COLUMNS]);
    expect(rows.map((r) => [r.indicatorType, r.indicatorValue, r.action, r.severity])).toEqual([
      ['DomainName', 'api.deepseek.com', 'Block', 'High'],
      ['DomainName', 'chat.example.cn', 'Block', 'Informational'],
    ]);
    expect(rows[1]!.title).toBe('AI service: Quote "Co", Ltd');
    expect(rows[0]!.title).toBe('AI service: DeepSeek (operated from CN)');
    expect(file.leftOut.map((l) => l.host)).toEqual(['bedrock-runtime.*.amazonaws.com', '*.openai.azure.com']);
  });

  it('hosts, adblock, URLBlocklist and plain domains: each in its own syntax, wildcards where the format has them', () => {
    const hosts = exportFile('hosts', SAMPLE, CTX);
    expect(hosts.text.split('\n').filter((l) => !l.startsWith('#') && l)).toEqual(['0.0.0.0 api.deepseek.com', '0.0.0.0 chat.example.cn']);
    expect(hosts.text).toMatch(/^# .*\n# Generated by AI Jurisdiction Guard/);
    const adblock = exportFile('adblock', SAMPLE, CTX);
    expect(adblock.text.split('\n').filter((l) => l && !l.startsWith('!'))).toEqual(['||api.deepseek.com^', '||bedrock-runtime.*.amazonaws.com^', '||*.openai.azure.com^', '||chat.example.cn^']);
    const list = JSON.parse(exportFile('chrome-urlblocklist', SAMPLE, CTX).text) as { URLBlocklist: string[] };
    expect(list).toEqual({ URLBlocklist: ['api.deepseek.com', 'chat.example.cn'] });
    expect(exportFile('domains', SAMPLE, CTX).text).toBe('api.deepseek.com\nchat.example.cn\n');
    expect(['plain', 'inner', 'leading'].map((s) => SAMPLE.filter((e) => shapeOf(e.host) === s).length)).toEqual([2, 1, 1]);
  });

  it('the CLI writes the file and reports what it left out; bad input exits 2', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/export.ts', '--format', 'domains', '--all', '--country', 'cn', '--level', 'high'], { encoding: 'utf8' });
    expect(out.split('\n').filter(Boolean)).toContain('api.deepseek.com');
    const bad = spawnSync('npx', ['tsx', 'scripts/export.ts', '--format', 'pdf'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of hosts, adblock, rpz/);
    const dir = mkdtempSync(join(tmpdir(), 'ajg-export-'));
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ blockedProviders: ['deepseek'], blockedCountries: ['Mars'] }));
    const blocked = spawnSync('npx', ['tsx', 'scripts/export.ts', '--format', 'hosts', '--policy', join(dir, 'policy.json')], { encoding: 'utf8' });
    expect(blocked.status).toBe(0);
    expect(blocked.stdout).toContain('0.0.0.0 api.deepseek.com');
    expect(blocked.stdout).not.toContain('api.openai.com');
    expect(blocked.stderr).toContain('left out of the settings: blockedCountries[0]');
  }, 60_000);
});
