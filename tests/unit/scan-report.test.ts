/**
 * The scanner's reports for CI (scripts/scan/report/): the site summary, SARIF (validated against
 * the official OASIS schema), JUnit XML (parsed back by an independent parser) and the Markdown
 * pull-request comment, each fed the same mixed scan with a hostile page in it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { baselineOf, compareWithBaseline } from '../../scripts/scan/report/baseline.ts';
import { junitXml } from '../../scripts/scan/report/junit.ts';
import { markdownSummary, mdText } from '../../scripts/scan/report/markdown.ts';
import { FINGERPRINT_KEY, fingerprintOf, PAGE_ERROR_RULE, PAGE_TIMEOUT_RULE, sarifLevelOf, sarifLog, sarifUri } from '../../scripts/scan/report/sarif.ts';
import { PAGES_LISTED, siteSummary } from '../../scripts/scan/report/site-summary.ts';
import { xmlAttr, xmlText } from '../../scripts/scan/report/xml-escape.ts';
import { deepseek, finding, HOSTILE, mixedScan, openai, openrouter, page, unknownAt } from '../fixtures/scan/results.ts';

const fixtures = resolve(import.meta.dirname, '../fixtures/scan');

describe('siteSummary', () => {
  it('is empty for an empty scan', () => {
    expect(siteSummary([])).toEqual({ pages: { scanned: 0, withAi: 0, failed: 0, timedOut: 0 }, level: 'none', services: [] });
  });

  it('counts pages and lists each service once, worst level first', () => {
    const s = siteSummary(mixedScan());
    expect(s.pages).toEqual({ scanned: 7, withAi: 5, failed: 1, timedOut: 1 });
    expect(s.level).toBe('high');
    expect(s.services.map((x) => [x.key, x.level])).toEqual([
      ['deepseek', 'high'],
      ['openrouter', 'high'],
      ['openai', 'medium'],
      [`unknown/evil${HOSTILE}`, 'unknown'],
      ['unknown/gpt.proxy.example', 'unknown'],
      ['unknown/llm.internal.example', 'unknown'],
    ]);
    const ds = s.services[0]!;
    expect(ds).toMatchObject({ name: 'DeepSeek', country: 'CN', countries: ['CN'], unverified: false, pageCount: 2, hosts: ['api.deepseek.com', 'chat.deepseek.com'] });
    expect(ds.pages).toEqual(['https://shop.example/', expect.stringMatching(/^https:\/\/evil\.example\//)]);
    // A router passing requests on to a builder elsewhere reaches both countries.
    expect(s.services[1]!.countries).toEqual(['CN', 'US']);
    // Two unknown endpoints stay two services, and have no country.
    expect(s.services[4]).toMatchObject({ name: 'gpt.proxy.example', countries: [], pages: ['https://blog.example/ai'] });
    expect(s.services[4]!.country).toBeUndefined();
  });

  it(`lists the first ${PAGES_LISTED} pages and counts the rest, each URL once`, () => {
    const urls = Array.from({ length: 8 }, (_, i) => `https://shop.example/p${i}`);
    const s = siteSummary([...urls, urls[0]!].map((u) => page(u, [deepseek()])));
    expect(s.services[0]!.pages).toEqual(urls.slice(0, PAGES_LISTED));
    expect(s.services[0]!.pageCount).toBe(8);
  });

  it('orders services the same whatever order the pages were scanned in', () => {
    const forward = siteSummary(mixedScan()).services.map((x) => x.key);
    expect(siteSummary(mixedScan().reverse()).services.map((x) => x.key)).toEqual(forward);
  });

  it('marks a provider whose operator is not verified', () => {
    const s = siteSummary([page('https://a.example/', [finding({ provider: { id: 'newco', name: 'NewCo', unverified: true }, level: 'unknown' })])]);
    expect(s.services[0]).toMatchObject({ key: 'newco', unverified: true, countries: [] });
  });
});

describe('sarifLog', () => {
  const schema = JSON.parse(readFileSync(resolve(fixtures, 'sarif-schema-2.1.0.json'), 'utf8'));
  // The schema's language pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) has a stray `]` that a
  // Unicode-mode RegExp rejects; plain mode reads it as a literal, as the schema's authors' tools did.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const isValid = (log: unknown) => {
    const ok = validate(log);
    return ok ? true : ajv.errorsText(validate.errors);
  };
  const log = () => sarifLog(mixedScan(), { version: '0.1.0', informationUri: 'https://github.com/ai-jurisdiction-guard/ai-jurisdiction-guard#readme' });

  it('is valid SARIF 2.1.0 by the official schema, hostile page included', () => {
    expect(schema.$id).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(isValid(log())).toBe(true);
    // Through JSON as it is written to disk.
    expect(isValid(JSON.parse(JSON.stringify(log())))).toBe(true);
  });

  it('is valid for an empty scan and without informationUri', () => {
    const empty = sarifLog([], { version: '0.1.0' });
    expect(isValid(empty)).toBe(true);
    expect(empty.runs[0]!.results).toEqual([]);
    expect(empty.runs[0]!.tool.driver).toEqual({ name: 'AI Jurisdiction Guard scanner', version: '0.1.0', rules: [] });
  });

  it('fails validation when broken (so the validation test can fail)', () => {
    const bad = log() as unknown as { version: string; runs: Array<{ results: Array<Record<string, unknown>> }> };
    bad.runs[0]!.results[0]!.level = 'fatal';
    expect(isValid(bad)).toMatch(/level/);
    const noMessage = log() as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    delete noMessage.runs[0]!.results[0]!.message;
    expect(isValid(noMessage)).toMatch(/message/);
    const badUri = log() as unknown as { runs: Array<{ tool: { driver: Record<string, unknown> } }> };
    badUri.runs[0]!.tool.driver.informationUri = 'not a uri';
    expect(isValid(badUri)).not.toBe(true);
    expect(isValid({ ...log(), version: '2.0.0' })).not.toBe(true);
  });

  it('has one rule per service, sorted, with the level mapped from risk, and the scan rules after', () => {
    const rules = log().runs[0]!.tool.driver.rules;
    expect(rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['ai-service/deepseek', 'error'],
      ['ai-service/openai', 'warning'],
      ['ai-service/openrouter', 'error'],
      ['ai-service/unknown/evil' + HOSTILE, 'note'],
      ['ai-service/unknown/gpt.proxy.example', 'note'],
      ['ai-service/unknown/llm.internal.example', 'note'],
      [PAGE_ERROR_RULE, 'error'],
      [PAGE_TIMEOUT_RULE, 'warning'],
    ]);
    expect(rules[0]!.shortDescription.text).toBe('Page uses DeepSeek');
    expect(rules[0]!.fullDescription.text).toContain('DeepSeek, based in China (CN)');
    expect(rules[0]!.help.text).toContain("National Intelligence Law");
    expect(rules[0]!.properties.tags).toEqual(['ai-service', 'risk/high', 'country/CN']);
    expect(rules[2]!.properties.tags).toEqual(['ai-service', 'risk/high', 'country/CN', 'country/US']);
    expect(rules[4]!.properties.tags).toContain('unknown-provider');
    expect([sarifLevelOf('high'), sarifLevelOf('medium'), sarifLevelOf('unknown'), sarifLevelOf('low')]).toEqual(['error', 'warning', 'note', 'note']);
  });

  it('has one result per page and service, pointing at the page and its rule', () => {
    const run = log().runs[0]!;
    const pairs = run.results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri.slice(0, 40), r.ruleId.slice(0, 40), r.level]);
    expect(pairs.slice(0, 7)).toEqual([
      ['https://shop.example/', 'ai-service/deepseek', 'error'],
      ['https://shop.example/help', 'ai-service/openai', 'warning'],
      ['https://shop.example/help', 'ai-service/unknown/llm.internal.example', 'note'],
      ['https://shop.example/broken', PAGE_ERROR_RULE, 'error'],
      ['https://shop.example/slow', PAGE_TIMEOUT_RULE, 'warning'],
      ['https://shop.example/slow', 'ai-service/openai', 'warning'],
      ['https://blog.example/ai', 'ai-service/openrouter', 'error'],
    ]);
    expect(run.results).toHaveLength(10);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    const first = run.results[0]!;
    expect(first.message.text).toBe(
      "https://shop.example/ uses DeepSeek, based in China (CN). High risk: China's National Intelligence Law (2017, art. 7) obliges every organisation to support state intelligence work. Laws: cn-national-intelligence-law. Seen as: request api.deepseek.com (1×); embed chat.deepseek.com (3×).",
    );
    expect(first.properties).toMatchObject({ riskLevel: 'high', countries: ['CN'], hosts: ['api.deepseek.com', 'chat.deepseek.com'] });
    expect(run.results[3]!.message.text).toContain('net::ERR_NAME_NOT_RESOLVED');
  });

  it('writes page URLs as strict URIs, without credentials', () => {
    expect(sarifUri('https://user:pw@a.example:8443/x|y`z?q=[1]{2}#f#g')).toBe('https://a.example:8443/x%7Cy%60z?q=%5B1%5D%7B2%7D#f%23g');
    expect(sarifUri('https://a.example/caf%C3%A9?x=%zz')).toBe('https://a.example/caf%C3%A9?x=%25zz');
    expect(sarifUri('http://[::1]:8080/')).toBe('http://[::1]:8080/');
    expect(sarifUri('not a url')).toBe('not%20a%20url');
    const uri = ajv.compile({ type: 'string', format: 'uri' });
    for (const u of [sarifUri('https://user:pw@a.example/x|y`z?q=[1]{2}#f#g'), sarifUri(mixedScan()[6]!.url), sarifUri('http://[::1]:8080/a b')]) expect([u, uri(u)]).toEqual([u, true]);
  });

  it('fingerprints results the same on every run and in any page order, and differently per page and service', () => {
    const byKey = (l: ReturnType<typeof log>) => new Map(l.runs[0]!.results.map((r) => [`${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.ruleId}`, r.partialFingerprints[FINGERPRINT_KEY]]));
    const a = byKey(log());
    const b = byKey(sarifLog(mixedScan().reverse(), { version: '9.9.9' }));
    expect(b).toEqual(a);
    expect(new Set(a.values()).size).toBe(a.size);
    expect(fingerprintOf('https://a.example/', 'ai-service/x')).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintOf('https://a.example/', 'ai-service/x')).not.toBe(fingerprintOf('https://a.example/', 'ai-service/y'));
  });
});

describe('xml escaping', () => {
  it('escapes markup, quotes and characters XML cannot carry', () => {
    expect(xmlText('a<b>&]]>')).toBe('a&lt;b&gt;&amp;]]&gt;');
    expect(xmlAttr('"\'\t\n\r')).toBe('&quot;&apos;&#9;&#10;&#13;');
    expect(xmlText('\u0000\u0007\uD800\uFFFF')).toBe('\\u0000\\u0007\\uD800\\uFFFF');
    // A surrogate pair (an emoji) is a real character and stays.
    expect(xmlText('🤖\u00e9')).toBe('🤖\u00e9');
  });
});

describe('junitXml', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name), parseAttributeValue: false, processEntities: true, htmlEntities: true, trimValues: false });
  const parse = (xml: string) => {
    expect(XMLValidator.validate(xml)).toBe(true);
    return parser.parse(xml).testsuites;
  };

  it('is well-formed with a hostile page, and the page URL comes back as it was', () => {
    const xml = junitXml(mixedScan(), { failOn: 'medium' });
    const doc = parse(xml);
    const evil = doc.testsuite.find((s: { name: string }) => s.name === 'evil.example');
    const url = mixedScan()[6]!.url;
    // The characters XML cannot carry are spelt out; everything else is unchanged.
    expect(evil.testcase[0].name).toBe(url.replace('\u0007', '\\u0007').replace('\u0000', '\\u0000').replace('\uD800', '\\uD800'));
    expect(evil.testcase[0]['system-out']).toContain('model x</system-out><y a="1">&amp; ]]>');
    expect(xml).not.toContain('<script>');
  });

  it('has one suite per site and one case per page, with the counts', () => {
    const doc = parse(junitXml(mixedScan(), { failOn: 'medium', durationsMs: new Map([['https://shop.example/', 1500]]) }));
    expect(doc).toMatchObject({ name: 'AI Jurisdiction Guard scan', tests: '7', failures: '5', errors: '1', time: '1.500' });
    expect(doc.testsuite.map((s: { name: string; tests: string; failures: string; errors: string }) => [s.name, s.tests, s.failures, s.errors])).toEqual([
      ['shop.example', '5', '3', '1'],
      ['blog.example', '1', '1', '0'],
      ['evil.example', '1', '1', '0'],
    ]);
    const shop = doc.testsuite[0].testcase;
    expect(shop.map((c: { classname: string; name: string }) => c.name)).toEqual(['https://shop.example/', 'https://shop.example/help', 'https://shop.example/about', 'https://shop.example/broken', 'https://shop.example/slow']);
    expect(shop[0]).toMatchObject({ classname: 'shop.example', time: '1.500' });
    expect(shop[0].failure.type).toBe('fail-on-medium');
    expect(shop[0].failure.message).toBe('fail-on medium reached: DeepSeek (high)');
    expect(shop[1].failure.message).toBe('fail-on medium reached: OpenAI (medium)');
    expect(shop[0].failure['#text']).toContain('DeepSeek, based in China (CN) — high risk [CN]');
    expect(shop[2].failure).toBeUndefined();
    expect(shop[2]['system-out']).toBe('https://shop.example/about: no AI seen');
    expect(shop[3]['system-out']).toBe('https://shop.example/broken: could not be loaded');
    expect(shop[3].error).toMatchObject({ type: 'page-error', message: 'could not load the page: net::ERR_NAME_NOT_RESOLVED' });
    expect(shop[4]['system-out']).toContain('timed out');
  });

  it('never fails without a fail-on level, and fails only at or above it', () => {
    expect(parse(junitXml(mixedScan())).failures).toBe('0');
    expect(parse(junitXml(mixedScan(), { failOn: 'high' })).failures).toBe('3');
    expect(parse(junitXml(mixedScan(), { failOn: 'low' })).failures).toBe('5');
  });

  it('with a baseline, fails only pages with new or raised services', () => {
    const accepted = baselineOf(mixedScan().slice(0, 5), '2026-12-07');
    const comparison = compareWithBaseline(mixedScan(), accepted);
    const doc = parse(junitXml(mixedScan(), { failOn: 'medium', comparison }));
    // Only the blog's new OpenRouter (high) fails; the hostile page's new endpoint is only `unknown`.
    expect(doc.failures).toBe('1');
    expect(doc.testsuite.map((s: { failures: string }) => s.failures)).toEqual(['0', '1', '0']);
    expect(doc.testsuite[1].testcase[0].failure.message).toBe('fail-on medium reached: OpenRouter (high, new-service)');
  });

  it('is a valid empty report for an empty scan', () => {
    const doc = parse(junitXml([]));
    expect(doc).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(doc.testsuite).toBeUndefined();
  });
});

describe('markdownSummary', () => {
  it('headlines the counts, the worst level and the verdict', () => {
    const md = markdownSummary(mixedScan(), { failOn: 'medium' });
    expect(md.split('\n')[0]).toBe('### AI Jurisdiction Guard scan: ❌ failed (fail-on medium)');
    expect(md).toContain('**7** pages scanned · **5** with AI · **6** AI services · worst level **🔴 high** · **1** could not be loaded · **1** timed out');
    expect(markdownSummary(mixedScan(), { failOn: 'high' }).split('\n')[0]).toContain('❌ failed');
    expect(markdownSummary([page('https://a.example/', [openai()])], { failOn: 'high' }).split('\n')[0]).toContain('✅ passed (fail-on high)');
    expect(markdownSummary(mixedScan()).split('\n')[0]).toContain('report only');
  });

  it('has a table row per service whose cells a hostile page cannot break', () => {
    const md = markdownSummary(mixedScan());
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(2 + 6);
    for (const row of rows) expect(row.split('|')).toHaveLength(6);
    expect(rows[2]).toBe('| DeepSeek | China (CN) | 🔴 high | 2 |');
    expect(rows[3]).toBe('| OpenRouter | China (CN), United States (US) | 🔴 high | 1 |');
    expect(rows[7]).toBe('| llm.internal.example | — | ⚪ unknown | 1 |');
  });

  it('escapes everything from pages: no raw HTML, backticks, links or line breaks get through', () => {
    const md = markdownSummary(mixedScan());
    expect(md).not.toMatch(/<script|<y |<\/system-out|`|\u0007|\u0000|\]\(/);
    expect(md).not.toContain('@team');
    expect(mdText(HOSTILE)).not.toMatch(/[\n<>|`[\]]/);
    // Exactly the folds we opened: a page cannot close or open one.
    expect(md.split('<details>').length - 1).toBe(7);
    expect(md.split('</details>').length - 1).toBe(7);
    expect(md.split('<summary>').length - 1).toBe(7);
  });

  it('folds each page with its services, error or time-out', () => {
    const md = markdownSummary(mixedScan(), { failOn: 'medium' });
    expect(md).toContain('<summary>❌ https://shop.example/ — 🔴 high</summary>\n\n- DeepSeek · China (CN) · 🔴 high · api.deepseek.com, chat.deepseek.com\n\n</details>');
    expect(md).toContain('<summary>https://shop.example/about — none</summary>\n\n- no AI seen');
    expect(md).toContain('<summary>https://shop.example/broken — ⚠️ could not be loaded</summary>\n\n- error: net::ERR&#95;NAME&#95;NOT&#95;RESOLVED');
    expect(md).toContain('<summary>❌ https://shop.example/slow — 🟠 medium — timed out</summary>');
  });

  it('says what is new against a baseline, marks it, and passes when nothing new reaches fail-on', () => {
    const comparison = compareWithBaseline(mixedScan(), baselineOf(mixedScan().slice(0, 5), '2026-12-07'));
    const md = markdownSummary(mixedScan(), { failOn: 'medium', comparison });
    expect(md).toContain('Against the baseline: **3** new or changed services on 2 pages; 5 accepted (a service on a page).');
    expect(md).toContain('| OpenRouter **new** |');
    expect(md).toContain('- OpenRouter · United States (US) · 🔴 high · openrouter.ai · **new-service**');
    const accepted = compareWithBaseline(mixedScan(), baselineOf(mixedScan(), '2026-12-07'));
    expect(markdownSummary(mixedScan(), { failOn: 'low', comparison: accepted }).split('\n')[0]).toContain('✅ passed');
  });

  it('keeps @-mentions and #-references from pages inert', () => {
    expect(mdText('@org/team #12 a_b')).toBe('&#64;&#8203;org/team &#35;&#8203;12 a&#95;b');
  });

  it('folds at most maxPageDetails pages, failing ones first, and counts the rest', () => {
    const scan = [page('https://a.example/1', []), page('https://a.example/2', [openai()]), page('https://a.example/3', [deepseek()]), page('https://a.example/4', [])];
    const md = markdownSummary(scan, { failOn: 'high', maxPageDetails: 2 });
    expect([...md.matchAll(/<summary>(?:❌ )?(\S+)/g)].map((m) => m[1])).toEqual(['https://a.example/2', 'https://a.example/3']);
    expect(md).toContain('…and 2 more pages not shown.');
    expect(markdownSummary(scan)).not.toContain('more page');
  });

  it('reports an empty scan without a table', () => {
    const md = markdownSummary([]);
    expect(md).toContain('**0** pages scanned');
    expect(md).not.toContain('| Service');
    expect(md).not.toContain('<details>');
  });

  it('renders the same whatever unrelated order unknown endpoints come in', () => {
    const a = markdownSummary([page('https://a.example/', [unknownAt('b.example'), unknownAt('a.example'), openrouter()])]);
    const b = markdownSummary([page('https://a.example/', [openrouter(), unknownAt('a.example'), unknownAt('b.example')])]);
    const table = (md: string) => md.split('\n').filter((l) => l.startsWith('| '));
    expect(table(a)).toEqual(table(b));
  });
});
