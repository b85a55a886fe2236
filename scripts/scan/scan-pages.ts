/**
 * Scans what the options name (URLs, a crawl, a sitemap) through scanSite, in breadth-first order
 * whatever the order pages finish in, and keeps what was left out (robots.txt, sitemap problems).
 */
import type { Translate } from '../../src/core/i18n.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import type { ScanOptions } from './args.ts';
import type { ScanBrowser } from './launch.ts';
import { scanSite } from './scan-site.ts';
import type { ScanResult } from './scanner.ts';

export interface ScannedPages {
  results: ScanResult[];
  /** Pages found but not scanned, and why (robots.txt, a sitemap problem). */
  skipped: Array<{ url: string; why: string }>;
}

export async function scanPages(browser: ScanBrowser, db: RiskDatabase, options: ScanOptions, t: Translate): Promise<ScannedPages> {
  const skipped: ScannedPages['skipped'] = [];
  const found = await scanSite(
    browser,
    db,
    { urls: options.urls, ...(options.crawl ? { crawl: options.crawl } : {}), ...(options.sitemap ? { sitemap: options.sitemap } : {}) },
    {
      timeoutMs: options.timeoutMs,
      settleMs: options.settleMs,
      interact: options.interact,
      concurrency: options.concurrency,
      ignoreRobots: options.ignoreRobots,
      onSkip: (url, why) => skipped.push({ url, why }),
    },
    t,
  );
  // The crawler's links are for the crawl, not for the report.
  const results = found.map(({ links: _links, ...result }) => result);
  return { results, skipped };
}
