/**
 * The scanner as people and CI run it: the real command line (scripts/scan.ts, spawned with tsx)
 * against the demo server, whose real hostnames are mapped to it with --resolve. Needs the Chrome
 * build (`npm run -s build:chrome`) and Debian's Chromium, like every e2e test.
 */
import { database } from '../../src/core/database.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES, type DemoServer, startDemoServer } from '../../scripts/scan/demo-server.ts';
import { type Run, type ScanLine, scan, scanWith } from './harness/scan-cli.ts';

const [DEEPSEEK, SHOP, NOTES, NEWS] = DEMO_PAGES;

describe('scanner command line', () => {
  let demo: DemoServer;
  let all: Run;
  beforeAll(async () => {
    demo = await startDemoServer();
    all = await scan('--json', ...demo.resolveArgs(), ...DEMO_PAGES);
  });
  afterAll(async () => {
    await demo?.close();
  });

  const resultFor = (url: string) => all.results.find((r) => r.url === url);

  it('prints one JSON object per URL, in order, and exits 0 without --fail-on', () => {
    expect(all.err).toBe('');
    expect(all.code).toBe(0);
    expect(all.out.split('\n').filter(Boolean)).toHaveLength(4);
    expect(all.results.map((r) => r.url)).toEqual([...DEMO_PAGES]);
    for (const r of all.results) {
      expect(Object.keys(r)).toEqual(['url', 'finalUrl', 'level', 'findings', 'timedOut']);
      expect(r.finalUrl).toBe(r.url);
      expect(r.timedOut, r.url).toBe(false);
    }
  });

  it('reports the DeepSeek chat as high risk: the page itself is DeepSeek, run from China', () => {
    const r = resultFor(DEEPSEEK)!;
    expect(r.level).toBe('high');
    const site = r.findings.find((f) => f.kind === 'site');
    expect(site).toMatchObject({ kind: 'site', host: 'chat.deepseek.com', provider: { id: 'deepseek', country: 'CN' }, level: 'high' });
    expect(site!.reason).toMatch(/\S/);
    expect(site!.count).toBeGreaterThanOrEqual(1);
    expect(new Date(site!.firstSeen).toISOString()).toBe(site!.firstSeen);
  });

  it('reports nothing on the news page, which uses no AI', () => {
    expect(resultFor(NEWS)).toMatchObject({ level: 'none', findings: [], timedOut: false });
  });

  it('reports the Botpress chat widget embedded in the shop page', () => {
    const r = resultFor(SHOP)!;
    const widget = r.findings.find((f) => f.host === 'cdn.botpress.cloud');
    expect(widget).toBeDefined();
    expect(widget!.kind).toBe('embed');
    expect(r.findings.find((f) => f.marker === 'global:botpress')).toMatchObject({ kind: 'embed', host: 'shop.example.com', provider: { id: 'botpress' } });
    expect(widget).toMatchObject({ provider: { id: 'botpress', country: 'US' }, level: 'medium' });
    expect(r.level).toBe('medium');
  });

  it('reports OpenRouter on the notes page, with DeepSeek (China) as the upstream of the model asked for', () => {
    const r = resultFor(NOTES)!;
    const call = r.findings.find((f) => f.host === 'openrouter.ai');
    expect(call).toMatchObject({ kind: 'request', provider: { id: 'openrouter', country: 'US' }, upstream: { id: 'deepseek', country: 'CN', openWeights: true, counted: true, mayReach: true }, model: 'deepseek/deepseek-chat' });
    // Open weights, but OpenRouter may route them to DeepSeek's own service (builderRouting): DeepSeek's country counts.
    expect(call!.level).toBe('high');
  });

  it('exits 3 with --fail-on high on the DeepSeek page, and prints a report people read', async () => {
    const run = await scan(...demo.resolveArgs(), '--fail-on', 'high', DEEPSEEK);
    expect(run.err).toBe('');
    expect(run.code).toBe(3);
    const [head, provider, reason, laws, ...rows] = run.out.trim().split('\n');
    expect(head).toMatch(/^https:\/\/chat\.deepseek\.com\/ — HIGH risk, \d+ findings?$/);
    // One block for DeepSeek: who and the level, the law sentence and the laws once, then where it was seen.
    expect(provider).toBe('  DeepSeek (China) — high risk');
    expect(reason).toMatch(/^ {4}China's National Intelligence Law .*\S$/);
    expect(laws).toMatch(/^ {4}laws: National Intelligence Law \(Art\. 7, Art\. 14\); Data Security Law \(Art\. 2, Art\. 35, Art\. 36\); /);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/^ {6}(site|request|embed)\s+chat\.deepseek\.com\s+\d+×$/);
    expect(rows.find((l) => /^\s+site\s+chat\.deepseek\.com\s/.test(l))).toBeDefined();
    expect(run.out.split('National Intelligence Law').length - 1).toBe(2);
  });

  it('words the report in Chinese with --lang zh-CN: the reason and the laws as the database writes them in Chinese', async () => {
    const run = await scan(...demo.resolveArgs(), '--lang', 'zh-CN', DEEPSEEK);
    expect(run.code).toBe(0);
    const [head, provider, reason, laws] = run.out.trim().split('\n');
    expect(head).toMatch(/^https:\/\/chat\.deepseek\.com\/ — 高风险，\d+ 项发现$/);
    expect(provider).toBe('  DeepSeek（中国） — 高风险');
    expect(reason).toBe(`    ${database.jurisdiction('CN')!.reasons!.zh_CN!}`);
    expect(laws).toMatch(/^ {4}法律：《中华人民共和国国家情报法》（第七条、第十四条）；《中华人民共和国数据安全法》（第二条、第三十五条、第三十六条）；/);
    expect(run.out).not.toContain('National Intelligence Law');
    // The JSON keys and levels stay the same in every language; the reason follows --lang.
    const json = await scan('--json', '--lang=zh', ...demo.resolveArgs(), DEEPSEEK);
    const line = JSON.parse(json.out.trim()) as ScanLine;
    expect(line.level).toBe('high');
    expect(line.findings[0]!.reason).toBe(database.jurisdiction('CN')!.reasons!.zh_CN!);
  });

  it('exits 0 with --fail-on high on the page without AI', async () => {
    const run = await scan('--json', ...demo.resolveArgs(), '--fail-on', 'high', NEWS);
    expect(run.code).toBe(0);
    expect(run.results).toMatchObject([{ url: NEWS, level: 'none', findings: [] }]);
  });

  it('exits 2 on bad usage, saying why, before starting a browser', async () => {
    // With no Chromium to start, a run that got as far as launching would exit 1 instead.
    const noBrowser = { CHROMIUM_PATH: '/nonexistent/chromium' };
    const runs = await Promise.all(
      [
        [],
        ['ftp://chat.deepseek.com/'],
        ['javascript:alert(1)'],
        ['--resolve', 'chat.deepseek.com', DEEPSEEK],
        ['--resolve', 'chat.deepseek.com=127.0.0.1', DEEPSEEK],
        ['--fail-on', 'extreme', DEEPSEEK],
        ['--timeout', 'soon', DEEPSEEK],
        ['--bogus', DEEPSEEK],
      ].map((args) => scanWith(noBrowser, ...args).then((run) => ({ args, run }))),
    );
    for (const { args, run } of runs) {
      expect(run.code, JSON.stringify(args)).toBe(2);
      expect(run.out, JSON.stringify(args)).toBe('');
      expect(run.err, JSON.stringify(args)).toMatch(/^scan: \S/);
    }
    expect(runs[1]!.run.err).toContain('only http and https URLs can be scanned');
    expect(runs[3]!.run.err).toContain('expected host=ip:port');
    // …whereas good arguments get as far as looking for the browser.
    const missing = await scanWith(noBrowser, DEEPSEEK);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^scan: Chromium not found at \/nonexistent\/chromium/);
  });

  it('prints its usage with --help', async () => {
    const run = await scan('--help');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^usage: npm run -s scan -- \[options\] \[<url> \.\.\.\]/);
  });

  describe('pages it cannot finish', () => {
    let slow: Server;
    let closedPort: number;
    beforeAll(async () => {
      // A page on an AI host whose script starts a request that is never answered.
      slow = createServer((req, res) => {
        if (req.url === '/hang') return; // never answered
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>busy</title><link rel="icon" href="data:,"><script>fetch("/hang")</script>');
      });
      await new Promise<void>((ok) => slow.listen(0, '127.0.0.1', ok));
      const probe = createServer();
      await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
      closedPort = (probe.address() as AddressInfo).port;
      await new Promise((ok) => probe.close(ok));
    });
    afterAll(async () => {
      slow?.closeAllConnections();
      await new Promise((ok) => slow?.close(ok));
    });

    it('stops at --timeout and reports what was seen; an unreachable page gets its error and exit 1', async () => {
      const slowPort = (slow.address() as AddressInfo).port;
      const run = await scan('--json', '--timeout', '3000', '--resolve', `chat.mistral.ai=127.0.0.1:${slowPort}`, '--resolve', `down.example.com=127.0.0.1:${closedPort}`, 'http://chat.mistral.ai/', 'https://down.example.com/');
      expect(run.code).toBe(1);
      const [busy, down] = run.results;
      expect(busy).toMatchObject({ url: 'http://chat.mistral.ai/', finalUrl: 'http://chat.mistral.ai/', timedOut: true, level: 'low' });
      expect(busy!.findings.find((f) => f.kind === 'site')).toMatchObject({ host: 'chat.mistral.ai', provider: { id: 'mistral', country: 'FR' } });
      expect(down).toEqual({ url: 'https://down.example.com/', finalUrl: null, level: 'none', findings: [], timedOut: false, error: 'net::ERR_CONNECTION_REFUSED' });
      // 3 s for the busy page, the unreachable one fails at once; plus the browser's start, which
      // takes up to ~10 s on a loaded two-core machine. Without --timeout the page never ends.
      expect(run.ms).toBeLessThan(30_000);
    });
  });
});
