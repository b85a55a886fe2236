/**
 * Scans what the options name, in a stable order. Until crawling lands this is the URL list in
 * order, one page at a time.
 */
import type { Translate } from '../../src/core/i18n.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import type { ScanOptions } from './args.ts';
import type { ScanBrowser } from './launch.ts';
import { type ScanResult, scanUrl } from './scanner.ts';

export interface ScannedPages {
  results: ScanResult[];
  /** How long each page took, by requested URL (JUnit times). */
  durationsMs: Map<string, number>;
  /** Pages found but not scanned, and why (robots.txt, the --crawl limit). */
  skipped: Array<{ url: string; why: string }>;
}

export async function scanPages(browser: ScanBrowser, db: RiskDatabase, options: ScanOptions, t: Translate, _log: (line: string) => void): Promise<ScannedPages> {
  const results: ScanResult[] = [];
  const durationsMs = new Map<string, number>();
  for (const url of options.urls) {
    const started = Date.now();
    results.push(await scanUrl(browser, db, url, options.timeoutMs, t));
    durationsMs.set(url, Date.now() - started);
  }
  return { results, durationsMs, skipped: [] };
}
