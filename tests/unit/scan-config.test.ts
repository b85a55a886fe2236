/** ai-guard-scan.json (scripts/scan/report/scan-config.ts) and its JSON Schema agree. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseScanConfig } from '../../scripts/scan/report/scan-config.ts';

const root = resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(resolve(root, 'scripts/scan/report/ai-guard-scan.schema.json'), 'utf8'));
const example = readFileSync(resolve(root, 'tests/fixtures/scan/ai-guard-scan.example.json'), 'utf8');
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);
const problemsOf = (value: unknown) => {
  const r = parseScanConfig(typeof value === 'string' ? value : JSON.stringify(value));
  return 'problems' in r ? r.problems : [];
};

describe('parseScanConfig', () => {
  it('reads the example, normalising URLs and --resolve rules like the command line', () => {
    expect(validate(JSON.parse(example))).toBe(true);
    expect(parseScanConfig(example)).toEqual({
      config: {
        urls: ['https://shop.example/', 'https://shop.example/help'],
        crawl: 50,
        resolve: [{ host: 'shop.example', address: '127.0.0.1', port: 8443 }],
        failOn: 'medium',
        format: 'sarif',
        output: 'ai-guard.sarif',
        baseline: 'ai-guard-baseline.json',
        settleMs: 1500,
        timeoutMs: 20000,
        concurrency: 2,
        lang: 'en',
        ignoreRobots: false,
        interact: true,
      },
    });
  });

  it('takes an empty object (everything from the command line)', () => {
    expect(parseScanConfig('{}')).toEqual({ config: {} });
    expect(validate({})).toBe(true);
  });

  it('names the key of every problem', () => {
    expect(problemsOf('{"urls": [')[0]).toMatch(/^not JSON: /);
    expect(problemsOf([])).toEqual(['the file must hold one JSON object, e.g. {"urls": ["https://example.com/"]}']);
    expect(problemsOf({ urls: ['https://a.example/', 'javascript:alert(1)', ''], failon: 'high', failOn: 'severe', timeout: 500, crawl: 1.5, resolve: ['a.example=1.2.3.4:0'], lang: 'fr', interact: 'yes', output: ' ', sitemap: 'ftp://x/' })).toEqual([
      '"failon": unknown key; the keys are urls, sitemap, urlsFile, crawl, resolve, failOn, format, output, baseline, settle, timeout, concurrency, lang, ignoreRobots, interact',
      '"urls[1]": "javascript:alert(1)": only http and https URLs can be scanned',
      '"urls[2]": an empty argument is not a URL',
      '"sitemap": "ftp://x/": only http and https URLs can be scanned',
      '"resolve[0]": --resolve "a.example=1.2.3.4:0": port 0 is out of range; expected host=ip:port, e.g. chat.deepseek.com=127.0.0.1:8443',
      '"crawl": must be a whole number of pages from 0 to 10000, not 1.5',
      '"failOn": must be one of low, unknown, medium, high, not "severe"',
      '"output": must be a non-empty string',
      '"timeout": must be a whole number of milliseconds from 1000 to 600000, not 500',
      '"lang": must be one of en, zh-CN, not "fr"',
      '"interact": must be true or false, not "yes"',
    ]);
    expect(problemsOf({ urls: 'https://a.example/' })).toEqual(['"urls": must be a list of strings']);
    expect(problemsOf({ concurrency: 0, settle: -1, format: 'html' })).toEqual([
      '"format": must be one of text, json, sarif, junit, markdown, not "html"',
      '"settle": must be a whole number of milliseconds from 0 to 120000, not -1',
      '"concurrency": must be a whole number from 1 to 16, not 0',
    ]);
  });

  it('rejects in the schema what the parser rejects', () => {
    const bad = [
      { failon: 'high' },
      { urls: 'https://a.example/' },
      { urls: [''] },
      { crawl: 1.5 },
      { crawl: 10_001 },
      { resolve: ['a.example'] },
      { resolve: ['a.example=1.2.3.4'] },
      { failOn: 'severe' },
      { format: 'html' },
      { output: ' ' },
      { settle: 120_001 },
      { timeout: 999 },
      { timeout: 600_001 },
      { concurrency: 17 },
      { lang: 'fr' },
      { ignoreRobots: 'true' },
      { interact: 1 },
    ];
    for (const config of bad) {
      expect([config, problemsOf(config).length > 0]).toEqual([config, true]);
      expect([config, validate(config)]).toEqual([config, false]);
    }
  });
});
