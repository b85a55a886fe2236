/**
 * The command line of `npm run -s scan`, parsed by pure functions (tests/unit/scan-args.test.ts):
 * nothing here starts a browser or touches the file system, so every usage error is found before
 * Chromium is launched.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { compareLevels, type RiskLevel } from '../../src/core/risk-level.ts';

export const USAGE = `usage: npm run -s scan -- [options] [<url> ...]

Loads each URL in headless Chromium with the built extension (dist/chrome), acts as a visitor for
a while (scrolls, moves the pointer, focuses the first text field), and reports the AI services it
saw, who runs them, in which country, and the risk level.

what to scan (at least one):
  <url> ...                 pages to scan
  --crawl <n>               also follow same-site links, breadth first, up to n pages in all
  --sitemap <url>           the pages a sitemap.xml (or sitemap index) lists
  --urls-file <file>        one URL per line (# starts a comment)
  --config <file>           settings from a JSON file (default: ./ai-guard-scan.json if present);
                            options given on the command line win
  --ignore-robots           crawl and sitemap pages even where robots.txt disallows them

how:
  --settle <ms>             how long to act as a visitor after load (default 6500; 0 to 120000)
  --interact                also click chat-launcher buttons the database knows (off by default:
                            a click can have effects)
  --concurrency <k>         pages at once (default 2, 1 to 16)

output:
  --format <f>              text (default), json (one object per URL and line), sarif (SARIF 2.1.0),
                            junit (JUnit XML, a test case per page), markdown (for a pull request)
  --json                    the same as --format json: {url, finalUrl, level, findings, timedOut}
  --output <file>           write the report to a file instead of stdout
  --baseline <file>         accept the services a baseline file lists: --fail-on then fails only on
                            a new service, a new country or a raised level
  --write-baseline <file>   write this scan's services as a baseline (readable JSON to review)
  --timing                  print pages per minute and time per page on stderr
  --resolve host=ip:port    send every connection to host (any port) to ip:port, like curl --resolve;
                            repeatable; IPv6 as [::1]:8443; other hosts use normal DNS
  --fail-on <level>         exit 3 when a page reaches this level: low < unknown < medium < high
  --timeout <ms>            time limit per URL (default 15000, at least 1000); on expiry, report
                            what was seen so far with "timedOut": true
  --lang <en|zh-CN>         language of the report: reasons, law names and countries (default en);
                            the JSON keys and levels stay the same in every language
  -h, --help                this text

A URL without a scheme is taken as https:// (chat.deepseek.com → https://chat.deepseek.com/).
Needs the Chrome build: npm run build. docs/scanner.md has CI examples.

exit status: 0 done · 1 crash, or a URL could not be loaded · 2 bad usage or no build · 3 --fail-on reached`;

export const FAIL_LEVELS = ['low', 'unknown', 'medium', 'high'] as const satisfies readonly RiskLevel[];
export type FailLevel = (typeof FAIL_LEVELS)[number];

/** A page's overall level: a risk level, or `none` when no AI was seen. */
export type PageLevel = RiskLevel | 'none';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const MIN_TIMEOUT_MS = 1_000;
export const MAX_TIMEOUT_MS = 600_000;

export interface ResolveRule {
  /** Lower-case hostname (IDN in punycode), without a trailing dot. */
  host: string;
  /** IPv4 or IPv6 address, IPv6 without brackets. */
  address: string;
  port: number;
}

/** The languages the report can be in: the extension's interface languages. */
export const SCAN_LANGS = ['en', 'zh-CN'] as const;
export type ScanLang = (typeof SCAN_LANGS)[number];

export const SCAN_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/**
 * How long the scanner acts as a visitor after load. Late widgets typically arrive 2–4 s after
 * load, and the extension looks for widget globals 0, 1, 3 and 6 s after load (CHECKS_AFTER_LOAD
 * in src/content/main-world/watch-globals.ts): watching until just after the 6 s check also reports
 * the global of a widget that arrived at 3–6 s, the only sign of a widget served from the site's
 * own host.
 */
export const DEFAULT_SETTLE_MS = 6_500;
export const MAX_SETTLE_MS = 120_000;
export const DEFAULT_CONCURRENCY = 2;
export const MAX_CONCURRENCY = 16;
export const MAX_CRAWL_PAGES = 10_000;

export interface ScanOptions {
  /** `--json` is `format: 'json'`. */
  json: boolean;
  format: ScanFormat;
  lang: ScanLang;
  resolve: ResolveRule[];
  failOn?: FailLevel;
  timeoutMs: number;
  /** Normalised absolute http(s) URLs, in the order given. */
  urls: string[];
  settleMs: number;
  interact: boolean;
  concurrency: number;
  ignoreRobots: boolean;
  timing: boolean;
  crawl?: number;
  sitemap?: string;
  urlsFile?: string;
  config?: string;
  output?: string;
  baseline?: string;
  writeBaseline?: string;
  /** Which options the command line set (they win over a config file's). */
  given: string[];
}

export type ParsedArgs =
  | { kind: 'scan'; options: ScanOptions }
  | { kind: 'help' }
  /** Every problem found, one sentence each. */
  | { kind: 'error'; problems: string[] };

const VALUE_OPTIONS = ['--resolve', '--fail-on', '--timeout', '--lang', '--format', '--settle', '--concurrency', '--crawl', '--sitemap', '--urls-file', '--config', '--output', '--baseline', '--write-baseline'] as const;
const FLAG_OPTIONS = ['--json', '--help', '--interact', '--ignore-robots', '--timing'] as const;

/** A whole number from min to max, or undefined. */
function wholeNumber(value: string, min: number, max: number): number | undefined {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}

/** A file path as given: not empty, one line. */
const filePath = (value: string) => (value.trim() && !/[\0\n\r]/.test(value) ? value : undefined);
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** `allowNoUrl`: a config file found in the working folder may name the pages (scan.ts checks after reading it). */
export function parseScanArgs(argv: readonly string[], allowNoUrl = false): ParsedArgs {
  const problems: string[] = [];
  const options: ScanOptions = {
    json: false,
    format: 'text',
    lang: 'en',
    resolve: [],
    timeoutMs: DEFAULT_TIMEOUT_MS,
    urls: [],
    settleMs: DEFAULT_SETTLE_MS,
    interact: false,
    concurrency: DEFAULT_CONCURRENCY,
    ignoreRobots: false,
    timing: false,
    given: [],
  };
  let help = false;
  let onlyUrls = false;

  const takeValue = (name: ValueOption, value: string) => {
    options.given.push(name);
    if (name === '--format') {
      if ((SCAN_FORMATS as readonly string[]).includes(value)) options.format = value as ScanFormat;
      else problems.push(`--format: ${JSON.stringify(value)} is not a format; use one of ${SCAN_FORMATS.join(', ')}`);
    } else if (name === '--settle') {
      const ms = wholeNumber(value, 0, MAX_SETTLE_MS);
      if (ms === undefined) problems.push(`--settle: ${JSON.stringify(value)} is not a number of milliseconds from 0 to ${MAX_SETTLE_MS}`);
      else options.settleMs = ms;
    } else if (name === '--concurrency') {
      const k = wholeNumber(value, 1, MAX_CONCURRENCY);
      if (k === undefined) problems.push(`--concurrency: ${JSON.stringify(value)} is not a whole number from 1 to ${MAX_CONCURRENCY}`);
      else options.concurrency = k;
    } else if (name === '--crawl') {
      const n = wholeNumber(value, 1, MAX_CRAWL_PAGES);
      if (n === undefined) problems.push(`--crawl: ${JSON.stringify(value)} is not a number of pages from 1 to ${MAX_CRAWL_PAGES}`);
      else options.crawl = n;
    } else if (name === '--sitemap') {
      const url = parseScanUrl(value);
      if ('problem' in url) problems.push(`--sitemap: ${url.problem}`);
      else options.sitemap = url.url;
    } else if (name === '--urls-file' || name === '--config' || name === '--output' || name === '--baseline' || name === '--write-baseline') {
      const path = filePath(value);
      if (path === undefined) return void problems.push(`${name} needs a file name`);
      const key = ({ '--urls-file': 'urlsFile', '--config': 'config', '--output': 'output', '--baseline': 'baseline', '--write-baseline': 'writeBaseline' } as const)[name];
      options[key] = path;
    } else if (name === '--resolve') {
      const rule = parseResolveRule(value);
      if ('problem' in rule) return void problems.push(rule.problem);
      const same = options.resolve.find((r) => r.host === rule.host);
      if (!same) options.resolve.push(rule);
      else if (same.address !== rule.address || same.port !== rule.port) problems.push(`--resolve: ${rule.host} is mapped twice, to different addresses`);
    } else if (name === '--lang') {
      // zh, zh-CN, zh_CN, zh-cn: one language; the browser's and the extension's spellings both work.
      const lang = /^zh([-_]cn)?$/i.test(value) ? 'zh-CN' : /^en([-_][a-z]{2})?$/i.test(value) ? 'en' : undefined;
      if (lang) options.lang = lang;
      else problems.push(`--lang: ${JSON.stringify(value)} is not a language of the report; use one of ${SCAN_LANGS.join(', ')}`);
    } else if (name === '--fail-on') {
      if ((FAIL_LEVELS as readonly string[]).includes(value)) options.failOn = value as FailLevel;
      else problems.push(`--fail-on: ${JSON.stringify(value)} is not a level; use one of ${FAIL_LEVELS.join(', ')}`);
    } else {
      const ms = /^\d+$/.test(value) ? Number(value) : NaN;
      if (Number.isSafeInteger(ms) && ms >= MIN_TIMEOUT_MS && ms <= MAX_TIMEOUT_MS) options.timeoutMs = ms;
      else problems.push(`--timeout: ${JSON.stringify(value)} is not a number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}`);
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyUrls || !arg.startsWith('-') || arg === '-') {
      const url = parseScanUrl(arg);
      if ('problem' in url) problems.push(url.problem);
      else options.urls.push(url.url);
      continue;
    }
    if (arg === '--') onlyUrls = true;
    else if (arg === '--json') {
      options.json = true;
      options.format = 'json';
      options.given.push('--format');
    } else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--interact' || arg === '--ignore-robots' || arg === '--timing') {
      options.given.push(arg);
      if (arg === '--interact') options.interact = true;
      else if (arg === '--ignore-robots') options.ignoreRobots = true;
      else options.timing = true;
    } else {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
        problems.push(`${name} takes no value`);
        continue;
      }
      if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
        problems.push(`unknown option ${name}`);
        continue;
      }
      if (eq > 0) takeValue(name as ValueOption, arg.slice(eq + 1));
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) takeValue(name as ValueOption, argv[++i]!);
      else problems.push(`${name} needs a value${name === '--resolve' ? ' (host=ip:port)' : ''}`);
    }
  }
  if (help) return { kind: 'help' };
  // A config file (given, or ./ai-guard-scan.json found by the caller) may name the pages.
  if (options.urls.length === 0 && !options.sitemap && !options.urlsFile && !options.config && !allowNoUrl && problems.length === 0) problems.push('no URL to scan');
  options.json = options.format === 'json';
  return problems.length ? { kind: 'error', problems } : { kind: 'scan', options };
}

/** A URL as typed → an absolute http(s) URL; a bare hostname means https. */
export function parseScanUrl(input: string): { url: string } | { problem: string } {
  const text = input.trim();
  const shown = JSON.stringify(input);
  if (text === '') return { problem: 'an empty argument is not a URL' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  // `javascript:…`, `data:…`, `file:/x`: a scheme, but not `host:port`.
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return { problem: `${shown}: only http and https URLs can be scanned` };
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { problem: `${shown} is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `${shown}: only http and https URLs can be scanned` };
  if (!isHostname(url.hostname) && !isIPv4(url.hostname) && !/^\[[0-9a-f:.]+\]$/.test(url.hostname)) return { problem: `${shown} has no usable hostname` };
  return { url: url.href };
}

/** `host=ip:port` (IPv6 as `[addr]:port`), checked strictly: it ends up in a Chromium switch. */
export function parseResolveRule(value: string): ResolveRule | { problem: string } {
  const bad = (why: string) => ({ problem: `--resolve ${JSON.stringify(value)}: ${why}; expected host=ip:port, e.g. chat.deepseek.com=127.0.0.1:8443` });
  const eq = value.indexOf('=');
  if (eq <= 0) return bad('no host=');
  const rawHost = value.slice(0, eq).trim().toLowerCase().replace(/\.$/, '');
  const target = value.slice(eq + 1).trim();
  let host: string;
  try {
    // Ports, paths, user names and the like are not part of a hostname (and `:443` would vanish in the URL parser).
    if (/[:/\\@?#%\s]/.test(rawHost)) return bad(`${JSON.stringify(rawHost)} is not a hostname`);
    host = new URL(`https://${rawHost}/`).hostname;
  } catch {
    return bad(`${JSON.stringify(rawHost)} is not a hostname`);
  }
  if (!isHostname(host) || isIPv4(host)) return bad(`${JSON.stringify(rawHost)} is not a hostname`);
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([0-9.]+)):(\d{1,5})$/.exec(target);
  if (!m) return bad(`${JSON.stringify(target)} is not ip:port`);
  const address = (m[1] ?? m[2])!;
  if (m[1] !== undefined ? !isIPv6(address) : !isIPv4(address)) return bad(`${address} is not an IP address`);
  const port = Number(m[3]);
  if (port < 1 || port > 65535) return bad(`port ${m[3]} is out of range`);
  return { host, address: address.toLowerCase(), port };
}

/** Chromium's `--host-resolver-rules` value: every port of each host goes to the given ip:port. */
export function hostResolverRules(rules: readonly ResolveRule[]): string {
  return rules.map((r) => `MAP ${r.host} ${r.address.includes(':') ? `[${r.address}]` : r.address}:${r.port}`).join(', ');
}

/** Does a page at `level` reach `--fail-on`? A page without AI (`none`) never does. */
export function reachesFailLevel(level: PageLevel, failOn: FailLevel | undefined): boolean {
  return failOn !== undefined && level !== 'none' && compareLevels(level, failOn) >= 0;
}

function isHostname(name: string): boolean {
  return name.length <= 253 && /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(name);
}
