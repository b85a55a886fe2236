/**
 * What to scan and how, from the command line and a config file (ai-guard-scan.json): the file is
 * read when --config names it, or when one lies in the working folder; every option the command
 * line sets wins over the file's; paths in the file are taken from the file's folder. A urls file
 * adds one URL per line. Problems are collected, each naming where it comes from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseScanUrl, type ScanOptions } from './args.ts';
import { parseScanConfig } from './report/scan-config.ts';

export const DEFAULT_CONFIG = 'ai-guard-scan.json';
/** Lines a urls file may hold. */
const MAX_URL_LINES = 100_000;

export function resolveInputs(cli: ScanOptions, cwd = process.cwd()): { options: ScanOptions } | { problems: string[] } {
  const options: ScanOptions = { ...cli, urls: [...cli.urls], resolve: [...cli.resolve] };
  const problems: string[] = [];
  const configPath = cli.config ? resolve(cwd, cli.config) : existsSync(resolve(cwd, DEFAULT_CONFIG)) ? resolve(cwd, DEFAULT_CONFIG) : undefined;
  if (configPath) {
    let text: string | undefined;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (error) {
      problems.push(`${configPath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (text !== undefined) {
      const parsed = parseScanConfig(text);
      if ('problems' in parsed) problems.push(...parsed.problems.map((p) => `${configPath}: ${p}`));
      else {
        const c = parsed.config;
        const from = dirname(configPath);
        const unset = (...flags: string[]) => !flags.some((f) => cli.given.includes(f));
        if (c.urls && !cli.urls.length) options.urls = [...c.urls];
        if (c.sitemap && unset('--sitemap')) options.sitemap = c.sitemap;
        if (c.urlsFile && unset('--urls-file')) options.urlsFile = resolve(from, c.urlsFile);
        if (c.crawl !== undefined && c.crawl > 0 && unset('--crawl')) options.crawl = c.crawl;
        // Resolve rules add up; a host the command line maps keeps the command line's address.
        for (const rule of c.resolve ?? []) if (!options.resolve.some((r) => r.host === rule.host)) options.resolve.push(rule);
        if (c.failOn && unset('--fail-on')) options.failOn = c.failOn;
        if (c.format && unset('--format')) options.format = c.format;
        if (c.output && unset('--output')) options.output = resolve(from, c.output);
        if (c.baseline && unset('--baseline')) options.baseline = resolve(from, c.baseline);
        if (c.settleMs !== undefined && unset('--settle')) options.settleMs = c.settleMs;
        if (c.timeoutMs !== undefined && unset('--timeout')) options.timeoutMs = c.timeoutMs;
        if (c.concurrency !== undefined && unset('--concurrency')) options.concurrency = c.concurrency;
        if (c.lang && unset('--lang')) options.lang = c.lang;
        if (c.ignoreRobots !== undefined && unset('--ignore-robots')) options.ignoreRobots = c.ignoreRobots;
        if (c.interact !== undefined && unset('--interact')) options.interact = c.interact;
        options.json = options.format === 'json';
      }
    }
  }
  if (options.urlsFile) {
    const path = resolve(cwd, options.urlsFile);
    try {
      const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(0, MAX_URL_LINES);
      lines.forEach((line, i) => {
        const text = line.replace(/#.*$/, '').trim();
        if (!text) return;
        const url = parseScanUrl(text);
        if ('problem' in url) problems.push(`${path}:${i + 1}: ${url.problem}`);
        else if (!options.urls.includes(url.url)) options.urls.push(url.url);
      });
    } catch (error) {
      problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  if (!problems.length && !options.urls.length && !options.sitemap) problems.push('no URL to scan (give URLs, --sitemap, --urls-file, or a config file that names them)');
  return problems.length ? { problems } : { options };
}
