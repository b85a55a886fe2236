/**
 * The pure part of crawling a site (tests/unit/scan-crawl.test.ts): which links are pages worth
 * scanning, what counts as the same site, and a breadth-first walk that visits several pages at
 * once yet returns them in the order a one-at-a-time walk would, so that concurrency changes the
 * speed and never the answer.
 *
 * Same site = the same host name, ignoring a leading `www.` and the scheme (http or https), with
 * the port when it is not the default. Not the registrable domain: that needs the public-suffix
 * list (so that `a.co.uk` and `b.co.uk` stay apart), and subdomains such as help.example.com are
 * often separate software with their own widgets, better scanned as sites of their own.
 */

/** Extensions of files a browser would download rather than show: not pages, nothing to scan. */
const DOWNLOAD_RE =
  /\.(?:pdf|zip|gz|tgz|bz2|xz|7z|rar|tar|dmg|exe|msi|pkg|deb|rpm|apk|iso|img|bin|docx?|xlsx?|pptx?|odt|ods|odp|csv|rtf|epub|mp3|wav|ogg|flac|m4a|mp4|m4v|mov|avi|mkv|webm|jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|woff2?|ttf|otf|eot|css|js|mjs|json|xml|rss|atom|txt)$/i;

/**
 * The absolute URL of a link worth scanning, without its fragment; null for anything else:
 * other schemes (mailto:, javascript:, tel:, data:…), links to a fragment of the same page only,
 * obvious downloads, and URLs carrying a user name or password.
 */
export function pageLink(href: string, base: string): string | null {
  const raw = href.trim();
  if (!raw || raw.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (DOWNLOAD_RE.test(url.pathname)) return null;
  url.hash = '';
  return url.href;
}

/** The key of the site a URL belongs to (see the top of this file); null for a non-http(s) URL. */
export function siteKey(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.host.toLowerCase().replace(/^www\./, '');
}

export function sameSite(a: string, b: string): boolean {
  const key = siteKey(a);
  return key !== null && key === siteKey(b);
}

/** The key two URLs share when they are the same page: without the fragment (http and https stay apart). */
export function pageKey(href: string): string {
  try {
    const url = new URL(href);
    url.hash = '';
    return url.href;
  } catch {
    return href;
  }
}

export interface WalkOptions<R> {
  /** At most this many pages are visited (the start URLs count). */
  limit: number;
  /** Pages visited at once (at least 1). */
  concurrency: number;
  /** Visits one page; should not throw (a failure is a result too). */
  visit(url: string, index: number): Promise<R>;
  /** The URLs a visited page leads to, in page order; duplicates and pages already queued are dropped here. */
  linksOf(result: R, url: string): readonly string[];
  /** Whether a discovered URL may be visited (robots.txt); asked in breadth-first order, once per URL. */
  admit?(url: string): Promise<boolean>;
  /** Told of each discovered URL that admit() refused. */
  onRefused?(url: string): void;
  /** Each result as soon as it and every result before it are known: in breadth-first order. */
  onResult?(result: R, index: number): void;
}

/**
 * Breadth-first walk from `start`. Up to `concurrency` visits run at once, but a page's links join
 * the queue only once every page before it has been visited and its links queued, so the queue
 * (and the returned results) are exactly those of a walk with concurrency 1. Start URLs are not
 * checked with admit(): they were asked for by name.
 */
export async function walkBreadthFirst<R>(start: readonly string[], options: WalkOptions<R>): Promise<R[]> {
  const limit = Math.max(0, Math.floor(options.limit));
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const url of start) {
    const key = pageKey(url);
    if (queue.length >= limit || seen.has(key)) continue;
    seen.add(key);
    queue.push(url);
  }
  const results: R[] = [];
  const finished = new Map<number, R>();
  let taken = 0;
  let committed = 0;
  let waiting: Array<() => void> = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const ok of w) ok();
  };

  // One commit at a time, in index order: the only place where the queue grows.
  let committing = Promise.resolve();
  const commit = () =>
    (committing = committing.then(async () => {
      while (finished.has(committed)) {
        const result = finished.get(committed)!;
        finished.delete(committed);
        results.push(result);
        options.onResult?.(result, committed);
        for (const link of queue.length < limit ? options.linksOf(result, queue[committed]!) : []) {
          if (queue.length >= limit) break;
          const key = pageKey(link);
          if (seen.has(key)) continue;
          seen.add(key);
          if (!options.admit || (await options.admit(link))) queue.push(link);
          else options.onRefused?.(link);
        }
        committed++;
        wake();
      }
    }));

  const worker = async () => {
    for (;;) {
      if (taken < queue.length) {
        const index = taken++;
        finished.set(index, await options.visit(queue[index]!, index));
        await commit();
      } else if (committed >= queue.length) {
        return;
      } else {
        // Pages still being visited may add more: wait for the next commit.
        await new Promise<void>((ok) => waiting.push(ok));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(options.concurrency)) }, worker));
  return results;
}
