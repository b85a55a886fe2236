/**
 * `ai-guard-scan.json`: the scanner's options in a file a repository keeps next to its CI job, so
 * the command line there stays `npm run -s scan -- --config ai-guard-scan.json`. Parsed strictly,
 * like the command line: an unknown or misspelt key is a problem, not silently ignored (a typo in
 * `failOn` would otherwise turn a failing check green). Each problem names its key. The same
 * rules, for editors, are in ai-guard-scan.schema.json next to this file.
 */
import {
  FAIL_LEVELS,
  type FailLevel,
  MAX_CONCURRENCY,
  MAX_CRAWL_PAGES,
  MAX_SETTLE_MS,
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
  parseResolveRule,
  parseScanUrl,
  type ResolveRule,
  SCAN_FORMATS,
  SCAN_LANGS,
  type ScanFormat,
  type ScanLang,
} from '../args.ts';

// The bounds are the command line's (args.ts), and the schema file states the same numbers.
export { MAX_CONCURRENCY, MAX_CRAWL_PAGES, MAX_SETTLE_MS, SCAN_FORMATS, type ScanFormat };

export interface ScanConfig {
  /** Normalised like command-line URLs (a bare host means https). */
  urls?: string[];
  sitemap?: string;
  urlsFile?: string;
  /** How many pages to crawl from the URLs (0: only the URLs themselves). */
  crawl?: number;
  resolve?: ResolveRule[];
  failOn?: FailLevel;
  format?: ScanFormat;
  output?: string;
  baseline?: string;
  settleMs?: number;
  timeoutMs?: number;
  concurrency?: number;
  lang?: ScanLang;
  ignoreRobots?: boolean;
  interact?: boolean;
}

const KEYS = ['$schema', 'urls', 'sitemap', 'urlsFile', 'crawl', 'resolve', 'failOn', 'format', 'output', 'baseline', 'settle', 'timeout', 'concurrency', 'lang', 'ignoreRobots', 'interact'] as const;

/**
 * The file's text → its options, or every problem found. A file need not name any page: the URLs
 * may come from the command line, which the caller merges over the file.
 */
export function parseScanConfig(text: string): { config: ScanConfig } | { problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problems: [`not JSON: ${(e as Error).message}`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { problems: ['the file must hold one JSON object, e.g. {"urls": ["https://example.com/"]}'] };
  const raw = data as Record<string, unknown>;
  const problems: string[] = [];
  const config: ScanConfig = {};
  const problem = (key: string, why: string) => problems.push(`"${key}": ${why}`);
  const str = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    problem(key, 'must be a non-empty string');
    return undefined;
  };
  const int = (key: string, min: number, max: number, unit = ''): number | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    problem(key, `must be a whole number${unit} from ${min} to ${max}, not ${JSON.stringify(v)}`);
    return undefined;
  };
  const bool = (key: string): boolean | undefined => {
    const v = raw[key];
    if (v === undefined || typeof v === 'boolean') return v;
    problem(key, `must be true or false, not ${JSON.stringify(v)}`);
    return undefined;
  };
  const list = (key: string): string[] | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    problem(key, 'must be a list of strings');
    return undefined;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    problem(key, `must be one of ${allowed.join(', ')}, not ${JSON.stringify(v)}`);
    return undefined;
  };

  for (const key of Object.keys(raw)) {
    if (!(KEYS as readonly string[]).includes(key)) problem(key, `unknown key; the keys are ${KEYS.filter((k) => k !== '$schema').join(', ')}`);
  }
  str('$schema');
  const urls = list('urls');
  if (urls) {
    const parsed = urls.flatMap((u, i) => {
      const r = parseScanUrl(u);
      if ('problem' in r) return void problem(`urls[${i}]`, r.problem), [];
      return [r.url];
    });
    if (parsed.length === urls.length) config.urls = parsed;
  }
  const sitemap = str('sitemap');
  if (sitemap !== undefined) {
    const r = parseScanUrl(sitemap);
    if ('problem' in r) problem('sitemap', r.problem);
    else config.sitemap = r.url;
  }
  const resolve = list('resolve');
  if (resolve) {
    const rules = resolve.flatMap((value, i) => {
      const r = parseResolveRule(value);
      if ('problem' in r) return void problem(`resolve[${i}]`, r.problem), [];
      return [r];
    });
    if (rules.length === resolve.length) config.resolve = rules;
  }
  const set = <K extends keyof ScanConfig>(k: K, v: ScanConfig[K] | undefined) => {
    if (v !== undefined) config[k] = v;
  };
  set('urlsFile', str('urlsFile'));
  set('crawl', int('crawl', 0, MAX_CRAWL_PAGES, ' of pages'));
  set('failOn', oneOf('failOn', FAIL_LEVELS));
  set('format', oneOf('format', SCAN_FORMATS));
  set('output', str('output'));
  set('baseline', str('baseline'));
  set('settleMs', int('settle', 0, MAX_SETTLE_MS, ' of milliseconds'));
  set('timeoutMs', int('timeout', MIN_TIMEOUT_MS, MAX_TIMEOUT_MS, ' of milliseconds'));
  set('concurrency', int('concurrency', 1, MAX_CONCURRENCY));
  set('lang', oneOf('lang', SCAN_LANGS));
  set('ignoreRobots', bool('ignoreRobots'));
  set('interact', bool('interact'));
  return problems.length ? { problems } : { config };
}
