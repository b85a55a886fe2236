/**
 * Sitemaps (sitemaps.org): a `<urlset>` lists pages, a `<sitemapindex>` lists more sitemaps.
 * Parsed with fast-xml-parser (its entity expansion is bounded by default); fetched with the
 * caller's FetchText (the scanner fetches through its browser, so --resolve applies). Everything
 * is bounded: the number of sitemap files read, their size, and the number of page URLs kept.
 * Gzipped sitemaps (.xml.gz) are not read.
 */
import { XMLParser } from 'fast-xml-parser';
import type { FetchText } from './robots.ts';

/** The sitemaps.org limits for one file: 50,000 URLs, 50 MB. */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;
export const DEFAULT_SITEMAP_LIMITS = { maxUrls: 1_000, maxFiles: 20 } as const;

export interface SitemapEntries {
  /** Page URLs of a `<urlset>`, in document order. */
  pages: string[];
  /** Sitemap URLs of a `<sitemapindex>`, in document order. */
  sitemaps: string[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/** The `<loc>`s of a sitemap or sitemap index; absolute http(s) URLs only. Throws on text that is not XML. */
export function parseSitemap(xml: string): SitemapEntries {
  const doc = parser.parse(xml) as Record<string, unknown>;
  const locs = (list: unknown): string[] =>
    (Array.isArray(list) ? list : []).flatMap((entry) => {
      const loc = (entry as { loc?: unknown } | null)?.loc;
      return typeof loc === 'string' && /^https?:\/\//i.test(loc.trim()) ? [loc.trim()] : [];
    });
  const urlset = doc.urlset as { url?: unknown } | undefined;
  const index = doc.sitemapindex as { sitemap?: unknown } | undefined;
  return { pages: locs(urlset?.url), sitemaps: locs(index?.sitemap) };
}

export interface SitemapRead {
  /** Page URLs, deduplicated, in the order met (breadth-first through indexes). */
  pages: string[];
  /** Sitemap files that could not be read or parsed, with why. */
  problems: string[];
}

/**
 * The pages of a sitemap, following sitemap indexes breadth-first, reading at most `maxFiles`
 * files and keeping at most `maxUrls` pages.
 */
export async function readSitemap(url: string, fetchText: FetchText, limits: { maxUrls?: number; maxFiles?: number } = {}): Promise<SitemapRead> {
  const maxUrls = limits.maxUrls ?? DEFAULT_SITEMAP_LIMITS.maxUrls;
  const maxFiles = limits.maxFiles ?? DEFAULT_SITEMAP_LIMITS.maxFiles;
  const pages = new Set<string>();
  const problems: string[] = [];
  const queue = [url];
  const queued = new Set(queue);
  for (let read = 0; read < queue.length && read < maxFiles && pages.size < maxUrls; read++) {
    const file = queue[read]!;
    const answer = await fetchText(file).catch(() => null);
    if (!answer) {
      problems.push(`${file}: could not be fetched`);
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) {
      problems.push(`${file}: HTTP ${answer.status}`);
      continue;
    }
    let entries: SitemapEntries;
    try {
      entries = parseSitemap(answer.text);
    } catch (error) {
      problems.push(`${file}: not XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      continue;
    }
    for (const page of entries.pages) {
      if (pages.size >= maxUrls) break;
      pages.add(page);
    }
    for (const next of entries.sitemaps) {
      if (!queued.has(next)) queued.add(next), queue.push(next);
    }
  }
  return { pages: [...pages], problems };
}
