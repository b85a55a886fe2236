/// <reference types="chrome" />
/**
 * Scanning many pages: the URLs given, the pages of a sitemap, and (with `crawl`) the same-site
 * pages they link to, breadth-first, several tabs at once, with robots.txt respected. Results come
 * back (and to onResult) in breadth-first order, never in the order tabs happen to finish.
 * robots.txt and sitemaps are fetched through the scanner's browser (from its extension page, which
 * may read any http(s) URL), so `--resolve` and the browser's network settings apply to them too.
 */
import type { Translate } from '../../src/core/i18n.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import { pageLink, siteKey, walkBreadthFirst } from './crawl.ts';
import type { ScanBrowser } from './launch.ts';
import { type FetchText, MAX_ROBOTS_BYTES, robotsChecker, SCANNER_USER_AGENT } from './robots.ts';
import { type ScanResult, scanUrl, translatorOf } from './scanner.ts';
import { MAX_SITEMAP_BYTES, readSitemap } from './sitemap.ts';

/** Two cores: two tabs keep both busy while one waits for its page's network. */
export const DEFAULT_CONCURRENCY = 2;
/** Time limit of a robots.txt or sitemap fetch. */
export const FETCH_TIMEOUT_MS = 10_000;

export interface SiteTargets {
  /** URLs to scan, in this order; they are scanned even where robots.txt disallows them (asked for by name). */
  urls: readonly string[];
  /** Follow same-site links breadth-first until this many pages in all have been scanned. */
  crawl?: number;
  /** A sitemap (or sitemap index) URL: its pages are scanned after `urls` (and crawled from, with `crawl`). */
  sitemap?: string;
}

export interface SiteOptions {
  timeoutMs: number;
  settleMs?: number;
  interact?: boolean;
  /** Tabs scanning at once; default DEFAULT_CONCURRENCY. */
  concurrency?: number;
  /** Scan pages that robots.txt disallows for SCANNER_USER_AGENT. */
  ignoreRobots?: boolean;
  /** Told of each discovered page that was not scanned, and of sitemap problems. */
  onSkip?(url: string, reason: string): void;
  /** How robots.txt and sitemaps are fetched; default through the browser (browserFetchText). */
  fetchText?: FetchText;
  /** Sitemap bounds (default DEFAULT_SITEMAP_LIMITS of sitemap.ts). */
  sitemapLimits?: { maxUrls?: number; maxFiles?: number };
}

export async function scanSite(
  browser: ScanBrowser,
  db: RiskDatabase,
  targets: SiteTargets,
  options: SiteOptions,
  t: Translate = translatorOf('en'),
  onResult?: (result: ScanResult, index: number) => void,
): Promise<ScanResult[]> {
  const fetchText = options.fetchText ?? browserFetchText(browser);
  const allowed = options.ignoreRobots ? async () => true : robotsChecker(fetchText, SCANNER_USER_AGENT);
  const skip = options.onSkip ?? (() => undefined);

  // Sitemap pages are discovered, not named: robots.txt applies to them.
  const start = [...targets.urls];
  const fromSitemap: string[] = [];
  if (targets.sitemap) {
    const read = await readSitemap(targets.sitemap, fetchText, options.sitemapLimits);
    for (const problem of read.problems) skip(targets.sitemap, `sitemap: ${problem}`);
    for (const page of read.pages) {
      if (await allowed(page)) fromSitemap.push(page);
      else skip(page, 'disallowed by robots.txt');
    }
  }
  const seeds = [...start, ...fromSitemap];
  const crawling = targets.crawl !== undefined;
  const sites = new Set(seeds.map(siteKey).filter((k): k is string => k !== null));

  return walkBreadthFirst<ScanResult>(seeds, {
    limit: crawling ? Math.max(0, targets.crawl!) : seeds.length,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    visit: (url) =>
      scanUrl(browser, db, url, { timeoutMs: options.timeoutMs, settleMs: options.settleMs, interact: options.interact, collectLinks: crawling }, t).catch(
        (error: unknown): ScanResult => ({ url, finalUrl: null, level: 'none', findings: [], timedOut: false, error: error instanceof Error ? error.message.split('\n')[0]! : String(error), ...(crawling ? { links: [] } : {}) }),
      ),
    // Links of the start sites only: a page that redirected elsewhere does not take the crawl along.
    linksOf: (result) =>
      (result.links ?? []).flatMap((href) => {
        const link = pageLink(href, result.finalUrl ?? result.url);
        const site = link && siteKey(link);
        return link && site && sites.has(site) ? [link] : [];
      }),
    admit: allowed,
    onRefused: (url) => skip(url, 'disallowed by robots.txt'),
    onResult,
  });
}

/**
 * Fetches text from the scanner's extension page: its host permissions let it read any http(s)
 * URL without CORS, through the browser's resolver rules and certificate settings. The body is cut
 * to the larger of the robots.txt and sitemap limits.
 */
export function browserFetchText(browser: ScanBrowser, timeoutMs = FETCH_TIMEOUT_MS): FetchText {
  const maxChars = Math.max(MAX_ROBOTS_BYTES, MAX_SITEMAP_BYTES);
  return (url) =>
    browser.extensionPage.evaluate(
      async ({ url, timeoutMs, maxChars }) => {
        try {
          const response = await fetch(url, { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
          return { status: response.status, text: (await response.text()).slice(0, maxChars) };
        } catch {
          return null;
        }
      },
      { url, timeoutMs, maxChars },
    );
}
