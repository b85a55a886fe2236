#!/usr/bin/env -S npx tsx
/**
 * npx tsx scripts/scan/bench-scan.ts [concurrency ...]   (default: 1 4)
 *
 * Pages per minute of a whole-site scan: crawls the 12-page fixture site
 * (tests/fixtures/scan-site/site.example.com, served locally, reached through --resolve rules) at
 * each concurrency with the default settle phase, and prints the time and pages per minute of each
 * run. The browser is started once and not counted. Needs the Chrome build and Chromium, like the
 * scanner; never reaches the internet.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RiskDatabase } from '../../src/core/risk-database.ts';
import { loadDatabase } from '../database/load-sources.ts';
import { startDemoServer } from './demo-server.ts';
import { launchHeadless } from './launch.ts';
import { scanSite, type SiteOptions, type SiteTargets } from './scan-site.ts';
import type { ScanResult } from './scanner.ts';

export const SCAN_SITE_FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures/scan-site');
/** The fixture site: crawled from its home page and its sitemap. */
export const BENCH_SITE: SiteTargets = { urls: ['https://site.example.com/'], sitemap: 'https://site.example.com/sitemap.xml', crawl: 50 };

export interface BenchRun {
  concurrency: number;
  pages: number;
  ms: number;
  pagesPerMinute: number;
  results: ScanResult[];
}

/** Scans `site` once per concurrency, one after the other, on one browser and one local server. */
export async function benchScan(concurrencies: readonly number[], options: Partial<SiteOptions> = {}, site: SiteTargets = BENCH_SITE): Promise<BenchRun[]> {
  const server = await startDemoServer({ sitesDir: SCAN_SITE_FIXTURES });
  const browser = await launchHeadless({ resolve: server.resolveRules }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    const db = new RiskDatabase(loadDatabase(fileURLToPath(new URL('../../src/data', import.meta.url))));
    const runs: BenchRun[] = [];
    for (const concurrency of concurrencies) {
      const started = performance.now();
      const results = await scanSite(browser, db, site, { timeoutMs: 15_000, ...options, concurrency });
      const ms = performance.now() - started;
      runs.push({ concurrency, pages: results.length, ms, pagesPerMinute: (results.length * 60_000) / ms, results });
    }
    return runs;
  } finally {
    await browser.close();
    await server.close();
  }
}

export function formatBench(runs: readonly BenchRun[]): string {
  return runs.map((r) => `concurrency ${r.concurrency}: ${r.pages} pages in ${(r.ms / 1000).toFixed(1)} s = ${r.pagesPerMinute.toFixed(1)} pages/min`).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const asked = process.argv.slice(2).map(Number);
  const concurrencies = asked.length && asked.every((n) => Number.isInteger(n) && n >= 1) ? asked : [1, 4];
  benchScan(concurrencies).then(
    (runs) => process.stdout.write(`${formatBench(runs)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench-scan: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
