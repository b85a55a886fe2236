/** The scanner's command line (scripts/scan/args.ts): options, URLs, --resolve rules, --fail-on. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, hostResolverRules, parseResolveRule, parseScanArgs, parseScanUrl, reachesFailLevel, type ScanOptions } from '../../scripts/scan/args.ts';

function options(...argv: string[]): ScanOptions {
  const parsed = parseScanArgs(argv);
  if (parsed.kind !== 'scan') throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function problems(...argv: string[]): string[] {
  const parsed = parseScanArgs(argv);
  if (parsed.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.problems;
}

describe('scan arguments', () => {
  it('reads the site, visitor and CI options', () => {
    const o = options('--crawl', '12', '--sitemap', 'https://shop.example/sitemap.xml', '--urls-file', 'urls.txt', '--concurrency=4', '--ignore-robots', '--settle', '0', '--interact', '--format', 'sarif', '--output', 'scan.sarif', '--baseline', 'ai-baseline.json', '--write-baseline', 'new.json', '--config', 'ci.json', '--timing');
    expect(o).toMatchObject({ crawl: 12, sitemap: 'https://shop.example/sitemap.xml', urlsFile: 'urls.txt', concurrency: 4, ignoreRobots: true, settleMs: 0, interact: true, format: 'sarif', json: false, output: 'scan.sarif', baseline: 'ai-baseline.json', writeBaseline: 'new.json', config: 'ci.json', timing: true, urls: [] });
    expect(o.given).toEqual(expect.arrayContaining(['--crawl', '--concurrency', '--format', '--settle', '--interact']));
    expect(options('--format=junit', 'x.example').format).toBe('junit');
    expect(options('--json', 'x.example').format).toBe('json');
  });

  it('refuses bad site, visitor and CI options, each with its reason', () => {
    expect(problems('--crawl', '0', '--concurrency', '99', '--settle', '-5', '--format', 'xml', '--sitemap', 'javascript:x', 'x.example')).toEqual([
      '--crawl: "0" is not a number of pages from 1 to 10000',
      '--concurrency: "99" is not a whole number from 1 to 16',
      '--settle: "-5" is not a number of milliseconds from 0 to 120000',
      '--format: "xml" is not a format; use one of text, json, sarif, junit, markdown',
      '--sitemap: "javascript:x": only http and https URLs can be scanned',
    ]);
    expect(problems('--interact=yes', 'x.example')).toEqual(['--interact takes no value']);
    expect(problems()).toEqual(['no URL to scan']);
  });

  it('takes URLs with defaults: readable output, normal DNS, no fail level, 15 s per URL', () => {
    expect(options('https://chat.deepseek.com')).toEqual({
      json: false,
      format: 'text',
      lang: 'en',
      resolve: [],
      timeoutMs: DEFAULT_TIMEOUT_MS,
      urls: ['https://chat.deepseek.com/'],
      settleMs: 6500,
      interact: false,
      concurrency: 2,
      ignoreRobots: false,
      timing: false,
      given: [],
    });
    expect(DEFAULT_TIMEOUT_MS).toBe(15_000);
  });

  it('reads every option, before, between or after the URLs, with a space or =', () => {
    const o = options('--json', 'https://a.example/', '--resolve', 'chat.deepseek.com=127.0.0.1:8443', 'http://b.example/x?q=1', '--resolve=api.openai.com=[::1]:9000', '--fail-on', 'medium', '--timeout=5000', '--lang', 'zh-CN');
    expect(o).toMatchObject({
      json: true,
      format: 'json',
      lang: 'zh-CN',
      resolve: [
        { host: 'chat.deepseek.com', address: '127.0.0.1', port: 8443 },
        { host: 'api.openai.com', address: '::1', port: 9000 },
      ],
      failOn: 'medium',
      timeoutMs: 5000,
      urls: ['https://a.example/', 'http://b.example/x?q=1'],
    });
    expect(options('--fail-on=high', '--timeout', '20000', 'x.example').failOn).toBe('high');
  });

  it('takes the report language in the browser\'s or the extension\'s spelling, and refuses others', () => {
    for (const lang of ['zh', 'zh-CN', 'zh_CN', 'zh-cn']) expect(options(`--lang=${lang}`, 'x.example').lang).toBe('zh-CN');
    expect(options('--lang', 'en-GB', 'x.example').lang).toBe('en');
    expect(problems('--lang', 'fr', 'x.example')).toEqual(['--lang: "fr" is not a language of the report; use one of en, zh-CN']);
  });

  it('asks for help with --help or -h, whatever else is there', () => {
    expect(parseScanArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseScanArgs(['-h', 'ftp://nope'])).toEqual({ kind: 'help' });
  });

  it('normalises URLs and takes a bare hostname as https', () => {
    expect(parseScanUrl('chat.deepseek.com')).toEqual({ url: 'https://chat.deepseek.com/' });
    expect(parseScanUrl('localhost:8080/app')).toEqual({ url: 'https://localhost:8080/app' });
    expect(parseScanUrl('HTTPS://Chat.DeepSeek.com')).toEqual({ url: 'https://chat.deepseek.com/' });
    expect(parseScanUrl('http://127.0.0.1:3000/')).toEqual({ url: 'http://127.0.0.1:3000/' });
    expect(parseScanUrl('bücher.example')).toEqual({ url: 'https://xn--bcher-kva.example/' });
  });

  it('refuses anything that is not an http(s) URL', () => {
    for (const bad of ['ftp://deepseek.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank', 'chrome://extensions', 'http://', 'chat deepseek com', '']) {
      expect(parseScanUrl(bad), bad).toHaveProperty('problem');
    }
    expect(problems('ftp://deepseek.com/')).toEqual(['"ftp://deepseek.com/": only http and https URLs can be scanned']);
  });

  it('checks --resolve strictly, since it becomes a Chromium switch', () => {
    expect(parseResolveRule('Chat.DeepSeek.com.=127.0.0.1:443')).toEqual({ host: 'chat.deepseek.com', address: '127.0.0.1', port: 443 });
    expect(parseResolveRule('api.example=[2001:DB8::1]:8443')).toEqual({ host: 'api.example', address: '2001:db8::1', port: 8443 });
    for (const bad of [
      'chat.deepseek.com',
      '=127.0.0.1:443',
      'chat.deepseek.com=127.0.0.1',
      'chat.deepseek.com=127.0.0.1:0',
      'chat.deepseek.com=127.0.0.1:65536',
      'chat.deepseek.com=127.0.0.1:port',
      'chat.deepseek.com=300.1.1.1:443',
      'chat.deepseek.com=localhost:443',
      'chat.deepseek.com=::1:443',
      'chat.deepseek.com=[nope]:443',
      'chat.deepseek.com:443=127.0.0.1:8443',
      'chat.deepseek.com/x=127.0.0.1:8443',
      'a,MAP *=127.0.0.1:1',
      'a b=127.0.0.1:1',
      '10.0.0.1=127.0.0.1:1',
    ]) {
      const rule = parseResolveRule(bad);
      expect(rule, bad).toHaveProperty('problem');
      expect((rule as { problem: string }).problem, bad).toMatch(/^--resolve ".*": .*; expected host=ip:port/);
    }
  });

  it('keeps one rule per host: a repeat is fine, a conflicting one is an error', () => {
    expect(options('--resolve', 'a.example=127.0.0.1:1', '--resolve', 'A.example=127.0.0.1:1', 'x.example').resolve).toHaveLength(1);
    expect(problems('--resolve', 'a.example=127.0.0.1:1', '--resolve', 'a.example=127.0.0.1:2', 'x.example')).toEqual(['--resolve: a.example is mapped twice, to different addresses']);
  });

  it('turns rules into host-resolver rules that map every port of the host', () => {
    expect(hostResolverRules([])).toBe('');
    expect(
      hostResolverRules([
        { host: 'chat.deepseek.com', address: '127.0.0.1', port: 8443 },
        { host: 'api.example', address: '::1', port: 9000 },
      ]),
    ).toBe('MAP chat.deepseek.com 127.0.0.1:8443, MAP api.example [::1]:9000');
  });

  it('reports every usage problem at once, one sentence each', () => {
    expect(problems()).toEqual(['no URL to scan']);
    expect(problems('--json')).toEqual(['no URL to scan']);
    expect(problems('--bogus', '--fail-on', 'extreme', '--timeout', '500', 'mailto:x@y.z', '--resolve')).toEqual([
      'unknown option --bogus',
      '--fail-on: "extreme" is not a level; use one of low, unknown, medium, high',
      '--timeout: "500" is not a number of milliseconds from 1000 to 600000',
      '"mailto:x@y.z": only http and https URLs can be scanned',
      '--resolve needs a value (host=ip:port)',
    ]);
    expect(problems('--fail-on', '--json', 'x.example')).toEqual(['--fail-on needs a value']);
    expect(problems('--timeout=1.5e4', 'x.example')).toHaveLength(1);
    expect(problems('--json=yes', 'x.example')).toEqual(['--json takes no value']);
  });

  it('treats everything after -- as a URL', () => {
    expect(problems('--', '--json')).toEqual(['"--json" has no usable hostname']);
    expect(options('--', 'x.example').urls).toEqual(['https://x.example/']);
  });
});

describe('--fail-on', () => {
  it('fails at the given level and above, in the order low < unknown < medium < high', () => {
    const levels = ['none', 'low', 'unknown', 'medium', 'high'] as const;
    const failing = (failOn: 'low' | 'unknown' | 'medium' | 'high') => levels.filter((l) => reachesFailLevel(l, failOn));
    expect(failing('high')).toEqual(['high']);
    expect(failing('medium')).toEqual(['medium', 'high']);
    expect(failing('unknown')).toEqual(['unknown', 'medium', 'high']);
    expect(failing('low')).toEqual(['low', 'unknown', 'medium', 'high']);
  });

  it('never fails a page without AI, nor anything when not asked', () => {
    expect(reachesFailLevel('none', 'low')).toBe(false);
    expect(reachesFailLevel('high', undefined)).toBe(false);
  });
});
