/** Baselines of accepted AI services (scripts/scan/report/baseline.ts): what is new, what fails. */
import { describe, expect, it } from 'vitest';
import { baselineOf, compareWithBaseline, failsWith, pageFails, parseBaseline } from '../../scripts/scan/report/baseline.ts';
import { deepseek, finding, mixedScan, openai, openrouter, page, unknownAt } from '../fixtures/scan/results.ts';

const DATE = '2026-12-07';

describe('baselineOf', () => {
  it('lists every service once, sorted by key, with its countries and worst level', () => {
    const b = baselineOf(mixedScan(), DATE);
    expect(b.version).toBe(1);
    expect(b.generated).toBe(DATE);
    expect(b.services.map((e) => e.key)).toEqual([...b.services.map((e) => e.key)].sort());
    expect(b.services.find((e) => e.key === 'openrouter')).toEqual({ key: 'openrouter', name: 'OpenRouter', countries: ['CN', 'US'], level: 'high' });
    expect(b.services.find((e) => e.key === 'unknown/llm.internal.example')).toEqual({ key: 'unknown/llm.internal.example', name: 'llm.internal.example', countries: [], level: 'unknown' });
  });

  it('is the same whatever order the pages came in, and empty for an empty scan', () => {
    expect(baselineOf(mixedScan().reverse(), DATE)).toEqual(baselineOf(mixedScan(), DATE));
    expect(baselineOf([], DATE)).toEqual({ version: 1, generated: DATE, services: [] });
  });

  it('survives being written and read back', () => {
    const b = baselineOf(mixedScan(), DATE);
    expect(parseBaseline(JSON.stringify(b, null, 2))).toEqual({ baseline: b });
  });
});

describe('compareWithBaseline', () => {
  it('accepts a scan against its own baseline', () => {
    const c = compareWithBaseline(mixedScan(), baselineOf(mixedScan(), DATE));
    expect(c).toEqual({ changes: [], accepted: 8, changedKeys: [] });
  });

  it('reports a new service, with all its countries', () => {
    const base = baselineOf([page('https://a.example/', [openai()])], DATE);
    const c = compareWithBaseline([page('https://a.example/', [openai(), deepseek()])], base);
    expect(c.changes).toEqual([{ page: 'https://a.example/', key: 'deepseek', name: 'DeepSeek', level: 'high', changes: ['new-service'], newCountries: ['CN'] }]);
    expect(c.accepted).toBe(1);
    expect(c.changedKeys).toEqual(['deepseek']);
  });

  it('reports a known service reaching a new country', () => {
    const base = baselineOf([page('https://a.example/', [openrouter('US')])], DATE);
    const c = compareWithBaseline([page('https://a.example/', [openrouter('CN')])], base);
    expect(c.changes).toEqual([{ page: 'https://a.example/', key: 'openrouter', name: 'OpenRouter', level: 'high', changes: ['new-country'], newCountries: ['CN'], acceptedLevel: 'high' }]);
  });

  it('reports a raised level, but accepts a lowered one', () => {
    const base = baselineOf([page('https://a.example/', [finding({ level: 'medium' })])], DATE);
    expect(compareWithBaseline([page('https://a.example/', [deepseek()])], base).changes[0]).toMatchObject({ changes: ['raised-level'], level: 'high', acceptedLevel: 'medium' });
    expect(compareWithBaseline([page('https://a.example/', [finding({ level: 'low' })])], base).changes).toEqual([]);
  });

  it('keeps unknown endpoints apart: accepting one host does not accept another', () => {
    const base = baselineOf([page('https://a.example/', [unknownAt('one.example')])], DATE);
    const c = compareWithBaseline([page('https://a.example/', [unknownAt('one.example'), unknownAt('two.example')])], base);
    expect(c.changedKeys).toEqual(['unknown/two.example']);
  });
});

describe('failsWith', () => {
  const scan = mixedScan();

  it('without a baseline: any page at or above fail-on; never without fail-on', () => {
    expect(failsWith(scan, undefined)).toBe(false);
    expect(failsWith(scan, 'high')).toBe(true);
    expect(failsWith([page('https://a.example/', [openai()])], 'high')).toBe(false);
    expect(failsWith([page('https://a.example/', [openai()])], 'medium')).toBe(true);
    // A page that could not load, or without AI, does not reach any level.
    expect(failsWith([page('https://a.example/', [], { error: 'net::ERR_FAILED', finalUrl: null })], 'low')).toBe(false);
    expect(failsWith([], 'low')).toBe(false);
  });

  it('with a baseline: only new or raised services at or above fail-on', () => {
    const accepted = compareWithBaseline(scan, baselineOf(scan, DATE));
    expect(failsWith(scan, 'low', accepted)).toBe(false);
    const withoutRouter = compareWithBaseline(scan, baselineOf(scan.filter((r) => !r.url.includes('blog')), DATE));
    expect(failsWith(scan, 'high', withoutRouter)).toBe(true);
    const onlyUnknownNew = compareWithBaseline(scan, baselineOf(scan.filter((r) => !r.url.includes('llm') && !r.url.includes('help')).concat(page('https://x.example/', [openai()])), DATE));
    expect(onlyUnknownNew.changedKeys).toEqual(['unknown/llm.internal.example']);
    expect(failsWith(scan, 'medium', onlyUnknownNew)).toBe(false);
    expect(failsWith(scan, 'unknown', onlyUnknownNew)).toBe(true);
    expect(pageFails(scan[1]!, 'unknown', onlyUnknownNew)).toBe(true);
    expect(pageFails(scan[0]!, 'unknown', onlyUnknownNew)).toBe(false);
  });
});

describe('parseBaseline', () => {
  const problemsOf = (text: string) => {
    const r = parseBaseline(text);
    return 'problems' in r ? r.problems : [];
  };

  it('says what is wrong with a bad file, naming where', () => {
    expect(problemsOf('{')[0]).toMatch(/^not JSON: /);
    expect(problemsOf('[]')).toEqual(['the baseline must be a JSON object with "version", "generated" and "services"']);
    expect(problemsOf('{"version": 2, "generated": "", "services": {}, "extra": 1}')).toEqual([
      '"extra": unknown key',
      '"version": must be 1, not 2',
      '"generated": must be a date string',
      '"services": must be a list',
    ]);
    const entries = JSON.stringify({
      version: 1,
      generated: DATE,
      services: [
        { key: 'deepseek', name: 'DeepSeek', countries: ['CN'], level: 'high' },
        { key: 'deepseek', name: 'DeepSeek', countries: ['cn'], level: 'severe', sites: [] },
        'openai',
        { name: 'x', countries: [], level: 'low' },
      ],
    });
    expect(problemsOf(entries)).toEqual([
      '"services"[1]."sites": unknown key',
      '"services"[1]."key": "deepseek" is listed twice',
      '"services"[1]."countries": must be a list of two-letter country codes (CN, US, …)',
      '"services"[1]."level": must be one of low, unknown, medium, high',
      '"services"[2]: must be an object',
      '"services"[3]."key": must be a provider id or unknown/<host>',
    ]);
  });

  it('reads a hand-edited file, sorting its countries', () => {
    const r = parseBaseline('{"$schema": "x", "version": 1, "generated": "2026-12-07", "services": [{"key": "openrouter", "name": "OpenRouter", "countries": ["US", "CN"], "level": "high"}]}');
    expect(r).toEqual({ baseline: { version: 1, generated: DATE, services: [{ key: 'openrouter', name: 'OpenRouter', countries: ['CN', 'US'], level: 'high' }] } });
  });
});
