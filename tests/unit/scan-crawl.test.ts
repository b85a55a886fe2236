/**
 * The pure parts of whole-site scanning (scripts/scan/crawl.ts, robots.ts, sitemap.ts,
 * visitor.ts): which links are pages, what is the same site, robots.txt decisions, sitemap
 * parsing, and a breadth-first walk whose order and limit do not depend on concurrency.
 */
import { describe, expect, it } from 'vitest';
import { pageKey, pageLink, sameSite, siteKey, walkBreadthFirst } from '../../scripts/scan/crawl.ts';
import { type FetchText, robotsChecker, robotsRule, robotsUrlOf, SCANNER_USER_AGENT } from '../../scripts/scan/robots.ts';
import { parseSitemap, readSitemap } from '../../scripts/scan/sitemap.ts';
import { clickableLaunchers } from '../../scripts/scan/visitor.ts';

const BASE = 'https://site.example.com/blog/post.html?x=1';

describe('pageLink', () => {
  it('resolves relative links and drops the fragment', () => {
    expect(pageLink('other.html', BASE)).toBe('https://site.example.com/blog/other.html');
    expect(pageLink('../about.html#team', BASE)).toBe('https://site.example.com/about.html');
    expect(pageLink('/?q=a b', BASE)).toBe('https://site.example.com/?q=a%20b');
    expect(pageLink('  //cdn.example.com/page  ', BASE)).toBe('https://cdn.example.com/page');
    expect(pageLink('HTTP://Site.Example.com/Page', BASE)).toBe('http://site.example.com/Page');
  });

  it('skips other schemes, fragment-only links, downloads and credentials', () => {
    for (const href of ['mailto:a@b.c', 'javascript:void(0)', 'tel:+123', 'data:text/html,hi', 'ftp://site.example.com/x', '#top', '#', '', '   ']) {
      expect(pageLink(href, BASE), href).toBeNull();
    }
    for (const href of ['files/brochure.pdf', '/a.ZIP', 'photo.jpeg?size=2', 'video.mp4#t=3', 'setup.exe', 'data.csv', 'feed.xml']) {
      expect(pageLink(href, BASE), href).toBeNull();
    }
    expect(pageLink('https://user:pw@site.example.com/', BASE)).toBeNull();
    expect(pageLink('http://[::1', BASE)).toBeNull();
    // A page whose path merely contains a download-like word is still a page.
    expect(pageLink('/pdf-guide', BASE)).toBe('https://site.example.com/pdf-guide');
    expect(pageLink('/docs.html', BASE)).toBe('https://site.example.com/docs.html');
  });
});

describe('same site', () => {
  it('is the host, ignoring www. and the scheme, with a non-default port', () => {
    expect(siteKey('https://WWW.Example.com/a')).toBe('example.com');
    expect(sameSite('https://www.example.com/a', 'http://example.com/b')).toBe(true);
    expect(sameSite('https://example.com:443/', 'http://example.com:80/')).toBe(true);
    expect(sameSite('https://example.com:8443/', 'https://example.com/')).toBe(false);
    // Subdomains and other registrable domains are other sites.
    expect(sameSite('https://help.example.com/', 'https://example.com/')).toBe(false);
    expect(sameSite('https://a.co.uk/', 'https://b.co.uk/')).toBe(false);
    expect(siteKey('mailto:a@example.com')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
    expect(sameSite('not a url', 'not a url')).toBe(false);
  });

  it('pageKey keeps query and scheme but not the fragment', () => {
    expect(pageKey('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
    expect(pageKey('http://a.example/x')).not.toBe(pageKey('https://a.example/x'));
  });
});

describe('robots.txt', () => {
  const ROBOTS = 'https://site.example.com/robots.txt';
  const text = [
    `User-agent: ${SCANNER_USER_AGENT}`,
    'Disallow: /private/',
    'Allow: /private/open.html',
    'Disallow: /*.php$',
    '',
    'User-agent: *',
    'Disallow: /',
  ].join('\n');

  it('applies the group for the scanner, longest match first, with wildcards', () => {
    const allowed = robotsRule(ROBOTS, { status: 200, text });
    expect(allowed('https://site.example.com/')).toBe(true);
    expect(allowed('https://site.example.com/private/secret.html')).toBe(false);
    expect(allowed('https://site.example.com/private/open.html')).toBe(true);
    expect(allowed('https://site.example.com/index.php')).toBe(false);
    expect(allowed('https://site.example.com/index.php?x=1')).toBe(true);
    // Another robot falls under `*`, which disallows everything.
    expect(robotsRule(ROBOTS, { status: 200, text }, 'OtherBot')('https://site.example.com/')).toBe(false);
  });

  it('allows everything when robots.txt is missing or unreachable, nothing on a server error (RFC 9309)', () => {
    expect(robotsRule(ROBOTS, { status: 404, text: 'Disallow: /' })('https://site.example.com/a')).toBe(true);
    expect(robotsRule(ROBOTS, null)('https://site.example.com/a')).toBe(true);
    expect(robotsRule(ROBOTS, { status: 503, text: '' })('https://site.example.com/a')).toBe(false);
    expect(robotsRule(ROBOTS, { status: 200, text: '' })('https://site.example.com/a')).toBe(true);
  });

  it('fetches each origin once, even when asked concurrently', async () => {
    const fetched: string[] = [];
    const fetchText: FetchText = async (url) => {
      fetched.push(url);
      await new Promise((ok) => setTimeout(ok, 5));
      return url.startsWith('https://site.example.com/') ? { status: 200, text } : { status: 404, text: '' };
    };
    const allowed = robotsChecker(fetchText);
    const answers = await Promise.all([
      allowed('https://site.example.com/a'),
      allowed('https://site.example.com/private/b'),
      allowed('https://other.example.com/private/b'),
      allowed('http://site.example.com/private/b'),
    ]);
    expect(answers).toEqual([true, false, true, true]);
    expect(fetched).toEqual(['https://site.example.com/robots.txt', 'https://other.example.com/robots.txt', 'http://site.example.com/robots.txt']);
    expect(robotsUrlOf('https://a.example:8443/x/y?z')).toBe('https://a.example:8443/robots.txt');
    // A fetch that throws counts as unreachable: allowed.
    expect(await robotsChecker(() => Promise.reject(new Error('down')))('https://x.example/')).toBe(true);
  });
});

describe('sitemaps', () => {
  const urlset = (...locs: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<url><loc>${l}</loc><lastmod>2026-01-01</lastmod></url>`).join('')}</urlset>`;
  const index = (...locs: string[]) => `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<sitemap><loc>${l}</loc></sitemap>`).join('')}</sitemapindex>`;

  it('parses a urlset and an index, decoding entities and keeping only http(s) locs', () => {
    expect(parseSitemap(urlset('https://a.example/', ' https://a.example/x?a=1&amp;b=2 ', 'ftp://a.example/f', '/relative'))).toEqual({
      pages: ['https://a.example/', 'https://a.example/x?a=1&b=2'],
      sitemaps: [],
    });
    expect(parseSitemap(urlset('https://a.example/only'))).toEqual({ pages: ['https://a.example/only'], sitemaps: [] });
    expect(parseSitemap(index('https://a.example/s1.xml', 'https://a.example/s2.xml'))).toEqual({ pages: [], sitemaps: ['https://a.example/s1.xml', 'https://a.example/s2.xml'] });
    expect(parseSitemap('<html><body>not a sitemap</body></html>')).toEqual({ pages: [], sitemaps: [] });
    expect(() => parseSitemap('not xml <<<')).toThrow();
  });

  it('follows indexes breadth-first, once each, within the file and URL limits', async () => {
    const files: Record<string, string> = {
      'https://a.example/sitemap.xml': index('https://a.example/s1.xml', 'https://a.example/s2.xml', 'https://a.example/missing.xml', 'https://a.example/sitemap.xml'),
      'https://a.example/s1.xml': urlset('https://a.example/1', 'https://a.example/2'),
      'https://a.example/s2.xml': `${index('https://a.example/s3.xml')}`,
      'https://a.example/s3.xml': urlset('https://a.example/3', 'https://a.example/1'),
    };
    const fetched: string[] = [];
    const fetchText: FetchText = async (url) => (fetched.push(url), url in files ? { status: 200, text: files[url]! } : { status: 404, text: '' });
    const all = await readSitemap('https://a.example/sitemap.xml', fetchText);
    expect(all.pages).toEqual(['https://a.example/1', 'https://a.example/2', 'https://a.example/3']);
    expect(all.problems).toEqual(['https://a.example/missing.xml: HTTP 404']);
    expect(fetched).toEqual(['https://a.example/sitemap.xml', 'https://a.example/s1.xml', 'https://a.example/s2.xml', 'https://a.example/missing.xml', 'https://a.example/s3.xml']);

    expect((await readSitemap('https://a.example/sitemap.xml', fetchText, { maxFiles: 2 })).pages).toEqual(['https://a.example/1', 'https://a.example/2']);
    expect((await readSitemap('https://a.example/sitemap.xml', fetchText, { maxUrls: 1 })).pages).toEqual(['https://a.example/1']);
    const broken = await readSitemap('https://b.example/s.xml', async () => ({ status: 200, text: '<<<' }));
    expect(broken.pages).toEqual([]);
    expect(broken.problems[0]).toMatch(/^https:\/\/b\.example\/s\.xml: not XML/);
  });
});

describe('walkBreadthFirst', () => {
  // A small site: page → links, in page order.
  const SITE: Record<string, string[]> = {
    '/': ['/a', '/b', '/c', '/a'],
    '/a': ['/a1', '/a2', '/'],
    '/b': ['/b1', '/x'],
    '/c': [],
    '/a1': ['/deep'],
    '/a2': [],
    '/b1': ['/b1'],
    '/x': [],
    '/deep': [],
  };
  const SEQUENTIAL = ['/', '/a', '/b', '/c', '/a1', '/a2', '/b1', '/x', '/deep'].map((p) => `https://s.example${p}`);

  /** Visits take a time that differs per page, so that completion order differs from start order. */
  function walk(concurrency: number, limit = 100, options: { refuse?: string[]; start?: string[] } = {}) {
    const order: string[] = [];
    const streamed: number[] = [];
    const refused: string[] = [];
    let running = 0;
    let most = 0;
    const done = walkBreadthFirst<{ url: string; links: string[] }>(options.start ?? ['https://s.example/'], {
      limit,
      concurrency,
      visit: async (url) => {
        running++;
        most = Math.max(most, running);
        order.push(url);
        await new Promise((ok) => setTimeout(ok, (url.length * 7) % 13));
        running--;
        return { url, links: (SITE[new URL(url).pathname] ?? []).map((p) => `https://s.example${p}`) };
      },
      linksOf: (r) => r.links,
      admit: async (url) => !(options.refuse ?? []).includes(new URL(url).pathname),
      onRefused: (url) => refused.push(url),
      onResult: (_r, i) => streamed.push(i),
    });
    return done.then((results) => ({ urls: results.map((r) => r.url), order, streamed, refused, most }));
  }

  it('returns breadth-first order whatever the concurrency, each page once', async () => {
    for (const concurrency of [1, 2, 4, 16]) {
      const run = await walk(concurrency);
      expect(run.urls, `concurrency ${concurrency}`).toEqual(SEQUENTIAL);
      expect(run.streamed).toEqual(SEQUENTIAL.map((_, i) => i));
      expect(new Set(run.order).size).toBe(run.order.length);
      expect(run.most).toBeLessThanOrEqual(concurrency);
    }
    expect((await walk(1)).most).toBe(1);
    expect((await walk(4)).most).toBeGreaterThan(1);
  });

  it('stops at the limit, start URLs included, and visits nothing beyond it', async () => {
    for (const concurrency of [1, 3]) {
      const run = await walk(concurrency, 4);
      expect(run.urls).toEqual(SEQUENTIAL.slice(0, 4));
      expect(run.order.sort()).toEqual(SEQUENTIAL.slice(0, 4).sort());
    }
    expect((await walk(2, 0)).urls).toEqual([]);
    expect((await walk(2, 2, { start: ['https://s.example/c', 'https://s.example/c#x', 'https://s.example/b', 'https://s.example/a'] })).urls).toEqual(['https://s.example/c', 'https://s.example/b']);
  });

  it('asks admit() for discovered pages only, and leaves refused ones out', async () => {
    const run = await walk(3, 100, { refuse: ['/b', '/'] });
    expect(run.urls).toEqual(['/', '/a', '/c', '/a1', '/a2', '/deep'].map((p) => `https://s.example${p}`));
    expect(run.refused).toEqual(['https://s.example/b']);
  });
});

describe('launchers to click', () => {
  it('keeps marker selectors of clickable elements, not scripts or frames', () => {
    expect(clickableLaunchers(['script#__ada', '.bpFab', 'iframe#intercom-frame', '#dify-chatbot-bubble-button', 'typebot-bubble', '.bpFab'])).toEqual([
      '.bpFab',
      '#dify-chatbot-bubble-button',
      'typebot-bubble',
    ]);
  });
});
