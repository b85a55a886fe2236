/** `npm run -s lookup` as scripts use it: JSON lines, exit codes, --stats and --pretty. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hostOfInput } from '../../scripts/database/lookup-record.ts';
import { FIXTURE_DIR } from './fixture-database.ts';

function lookup(...args: string[]) {
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/lookup.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, AJG_DATA_DIR: FIXTURE_DIR },
  });
  return { code: run.status, out: run.stdout, err: run.stderr, lines: run.stdout.split('\n').filter(Boolean) };
}

// Each test starts the CLI several times (a Node process with tsx each): seconds apiece on a loaded
// two-core machine, so the default 5 s per test is too tight.
describe('lookup command', { timeout: 30_000 }, () => {
  it('prints one JSON object per input, matched or not, and exits 0', () => {
    const { code, lines, err } = lookup('foo.bar.deepseek.com', 'https://www.ciciai.com/chat?q=1', 'notdeepseek.com', 'deepseek.com.evil.io');
    expect(err).toBe('');
    expect(code).toBe(0);
    const records = lines.map((l) => JSON.parse(l));
    expect(records.map((r) => [r.input, r.matched])).toEqual([
      ['foo.bar.deepseek.com', true],
      ['https://www.ciciai.com/chat?q=1', true],
      ['notdeepseek.com', false],
      ['deepseek.com.evil.io', false],
    ]);
    expect(records[0]).toMatchObject({ provider: 'deepseek', product: 'deepseek-api', role: 'site', operatorCountry: 'CN', parentCountry: null, level: 'high' });
    expect(records[1]).toMatchObject({
      provider: 'bytedance',
      product: 'bytedance-cici',
      operatorCountry: 'SG',
      parentCountry: 'CN',
      level: 'high',
      decidedBy: { kind: 'parent', country: 'CN' },
      laws: [
        { id: 'sg-fixture-law', articles: ['Art. 7'] },
        { id: 'cn-fixture-law', articles: ['Art. 7'] },
      ],
    });
    expect(records[1].sources.map((s: { fact: string }) => s.fact)).toEqual(['host', 'operator', 'parent', 'level of SG', 'law sg-fixture-law', 'level of CN', 'law cn-fixture-law']);
  });

  it('exits 2 with a clear message, and prints nothing, for unusable input', () => {
    for (const args of [[], ['ftp://deepseek.com'], ['chat deepseek com'], ['deepseek.com', ''], ['--bogus', 'deepseek.com']]) {
      const { code, out, err } = lookup(...args);
      expect(code, JSON.stringify(args)).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^lookup: /);
    }
  });

  it('prints the counts with --stats, and tables with --pretty', () => {
    const stats = JSON.parse(lookup('--stats').out);
    expect(stats).toMatchObject({ providers: 7, products: 10, hosts: 13, countries: 5, chinaProducts: 4, chinaProviders: 2, unverifiedProviders: 1, unverifiedProducts: 1 });
    const pretty = lookup('www.ciciai.com', '--pretty').out;
    expect(pretty).toContain('parent            ByteDance Ltd., China (CN)');
    expect(pretty).toContain('level             HIGH (set by the parent country, China (CN))');
  });

  it('says a not-yet-verified provider is recognised, rated unknown, with what is missing and no country', () => {
    const [record] = lookup('api.unsure-draw.example').lines.map((l) => JSON.parse(l));
    expect(record).toMatchObject({
      matched: true,
      provider: 'unsure',
      product: 'unsure-draw',
      role: 'api',
      operator: null,
      operatorCountry: null,
      level: 'unknown',
      decidedBy: null,
      laws: [],
      unverified: { missing: ['operator', 'country'], reviewed: '2026-11-01' },
    });
    expect(record.sources).toEqual([{ fact: 'host', url: 'https://example.org/fixture-list', reviewed: '2026-11-01' }]);
    const pretty = lookup('unsure-draw.example', '--pretty').out;
    expect(pretty).toContain('operator          NOT YET VERIFIED');
    expect(pretty).toContain('not yet verified  operator, country (reviewed 2026-11-01): The fixture site names no company');
    expect(pretty).toContain('level             UNKNOWN\n');
    const table = lookup('--stats', '--pretty').out;
    expect(table).toMatch(/providers +7 \(1 not yet verified\)/);
    expect(table).toMatch(/products +10 \(9 verified, 1 not yet verified\)/);
  });

  it('takes hostnames and URLs in the forms people paste', () => {
    expect(hostOfInput('API.DeepSeek.com.')).toEqual({ host: 'api.deepseek.com' });
    expect(hostOfInput('api.deepseek.com:443/v1/chat')).toEqual({ host: 'api.deepseek.com' });
    expect(hostOfInput('wss://api.deepseek.com/ws')).toEqual({ host: 'api.deepseek.com' });
    expect(hostOfInput('bücher.example')).toEqual({ host: 'xn--bcher-kva.example' });
    expect(hostOfInput('mailto:x@deepseek.com')).toHaveProperty('error');
    expect(hostOfInput('http://')).toHaveProperty('error');
  });
});
