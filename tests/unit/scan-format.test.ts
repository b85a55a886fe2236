/** The scanner's report for people (scripts/scan/format.ts): one block per provider, its reason once. */
import { describe, expect, it } from 'vitest';
import { formatResult, groupByProvider, jsonLine } from '../../scripts/scan/format.ts';
import type { ScanResult } from '../../scripts/scan/scanner.ts';
import type { ReportFinding } from '../../src/core/tab-report.ts';

const CHINA_LAW = "China's National Intelligence Law (2017, art. 7) obliges every organisation and citizen to support and cooperate with state intelligence work.";
const US_LAW = 'US law (CLOUD Act, 18 U.S.C. § 2713) requires US providers to disclose data they control wherever it is stored.';
const UNKNOWN = 'An AI API the database cannot place.';

function finding(over: Partial<ReportFinding>): ReportFinding {
  return {
    tab: 7,
    frame: 0,
    pageSite: 'chat.deepseek.com',
    kind: 'request',
    host: 'chat.deepseek.com',
    via: ['network'],
    level: 'high',
    reason: CHINA_LAW,
    laws: [],
    count: 1,
    firstSeen: '2026-01-01T00:00:00.000Z',
    lastSeen: '2026-01-01T00:00:00.000Z',
    ...over,
  } as ReportFinding;
}

const deepseek = { id: 'deepseek', name: 'DeepSeek', country: 'CN' };
const botpress = { id: 'botpress', name: 'Botpress', country: 'US' };
const openrouter = { id: 'openrouter', name: 'OpenRouter', country: 'US' };

function page(findings: ReportFinding[], over: Partial<ScanResult> = {}): ScanResult {
  const levels = ['high', 'medium', 'unknown', 'low'] as const;
  const level = levels.find((l) => findings.some((f) => f.level === l)) ?? 'none';
  return { url: 'https://mixed.example/', finalUrl: 'https://mixed.example/', level, findings, timedOut: false, ...over };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('scanner report', () => {
  const findings = [
    finding({ kind: 'embed', host: 'cdn.botpress.cloud', provider: botpress, level: 'medium', reason: US_LAW, count: 2 }),
    finding({ kind: 'site', host: 'chat.deepseek.com', provider: deepseek }),
    finding({ kind: 'embed', host: 'mixed.example', provider: botpress, level: 'medium', reason: US_LAW, marker: 'global:botpress' }),
    finding({ kind: 'request', host: 'chat.deepseek.com', provider: deepseek, count: 12 }),
    finding({ kind: 'request', host: 'openrouter.ai', provider: openrouter, level: 'medium', reason: US_LAW, upstream: { id: 'deepseek', name: 'DeepSeek', country: 'CN', family: 'DeepSeek', openWeights: true, counted: false }, model: 'deepseek/deepseek-chat' }),
    finding({ kind: 'unknown-endpoint', host: 'llm.mixed.example', level: 'unknown', reason: UNKNOWN, api: 'openai-chat' }),
  ];

  it('prints each provider once, worst first, with its reason once and every place it was seen under it', () => {
    const text = formatResult(page(findings), 15_000);
    expect(text).toBe(
      [
        'https://mixed.example/ — HIGH risk, 6 findings',
        '  DeepSeek (China) — high risk',
        `    ${CHINA_LAW}`,
        '      site              chat.deepseek.com    1×',
        '      request           chat.deepseek.com   12×',
        '  Botpress (United States) — medium risk',
        `    ${US_LAW}`,
        '      embed             cdn.botpress.cloud   2×',
        '      embed             mixed.example        1×  page marker global:botpress',
        '  OpenRouter (United States) — medium risk',
        `    ${US_LAW}`,
        '      request           openrouter.ai        1×  → DeepSeek (China), open weights, model deepseek/deepseek-chat',
        '  unknown provider — unknown risk',
        `    ${UNKNOWN}`,
        '      unknown-endpoint  llm.mixed.example    1×  openai-chat API',
      ].join('\n'),
    );
    // The law sentence once per provider, not once per finding.
    expect(count(text, CHINA_LAW)).toBe(1);
    expect(count(text, US_LAW)).toBe(2);
  });

  it('names a parent company with the provider, and marks the level of each reason when a provider has several', () => {
    const cici = { id: 'cici', name: 'Cici', country: 'SG' };
    const parent = { name: 'ByteDance Ltd.', country: 'CN' };
    const groups = groupByProvider([
      finding({ kind: 'site', host: 'www.ciciai.com', provider: cici, parent, level: 'medium', reason: 'Singapore entity.' }),
      finding({ kind: 'request', host: 'api.ciciai.com', provider: cici, parent, level: 'high', reason: 'Parent in China.' }),
      finding({ kind: 'request', host: 'api2.ciciai.com', provider: cici, parent, level: 'high', reason: 'Parent in China.' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ who: 'Cici (Singapore), parent ByteDance Ltd. (China)', level: 'high' });
    expect(groups[0]!.reasons.map((r) => [r.level, r.reason, r.findings.map((f) => f.host)])).toEqual([
      ['high', 'Parent in China.', ['api.ciciai.com', 'api2.ciciai.com']],
      ['medium', 'Singapore entity.', ['www.ciciai.com']],
    ]);
    const text = formatResult(page(groups[0]!.reasons.flatMap((r) => r.findings)), 15_000);
    expect(text).toContain('\n  Cici (Singapore), parent ByteDance Ltd. (China) — high risk\n    high: Parent in China.\n      request');
    expect(text).toContain('\n    medium: Singapore entity.\n      site ');
  });

  it('says when the page could not be loaded, ended elsewhere or timed out, and when no AI was seen', () => {
    expect(formatResult(page([], { error: 'net::ERR_CONNECTION_REFUSED', finalUrl: null }), 15_000)).toBe('https://mixed.example/ — no AI seen\n  could not load the page: net::ERR_CONNECTION_REFUSED');
    const moved = formatResult(page([findings[1]!], { finalUrl: 'https://mixed.example/home', timedOut: true }), 3_000);
    expect(moved.split('\n').slice(0, 3)).toEqual([
      'https://mixed.example/ — HIGH risk, 1 finding',
      '  ended at https://mixed.example/home',
      '  timed out after 3 s with the page still busy; this is what was seen until then',
    ]);
  });

  it('keeps --json as documented: the fields of each finding, ungrouped, in the order seen', () => {
    const result = page(findings);
    const parsed = JSON.parse(jsonLine(result));
    expect(Object.keys(parsed)).toEqual(['url', 'finalUrl', 'level', 'findings', 'timedOut']);
    expect(parsed.findings).toEqual(findings);
  });
});

describe('the report in Chinese (--lang zh-CN)', () => {
  it('words levels, countries, parents and law names in Chinese, with the articles as the law writes them', async () => {
    const { database } = await import('../../src/core/database.ts');
    const zhReason = '中国《国家情报法》（2017年）第七条要求一切组织和公民支持、协助和配合国家情报工作。';
    const text = formatResult(
      page([finding({ provider: deepseek, reason: zhReason, laws: ['cn-national-intelligence-law'] }), finding({ provider: { id: 'x', name: 'X' }, level: 'unknown', reason: UNKNOWN, host: 'x.example' })]),
      15_000,
      'zh-CN',
      database,
    );
    expect(text).toContain('https://mixed.example/ — 高风险，2 项发现');
    expect(text).toContain('DeepSeek（中国） — 高风险');
    expect(text).toContain(zhReason);
    expect(text).toContain('法律：《中华人民共和国国家情报法》（第七条、第十四条）');
    expect(text).toContain('X（运营方尚未核实）');
    // The English report is unchanged by the option's existence.
    expect(formatResult(page([finding({ provider: deepseek, laws: ['cn-national-intelligence-law'] })]), 15_000, 'en', database)).toContain('laws: National Intelligence Law (Art. 7, Art. 14)');
  });
});
