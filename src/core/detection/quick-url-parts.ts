/**
 * The parts of a request URL the page hook looks at, read without the URL parser when the text
 * is already in the form the parser would give back: `new URL` (and the base URL it needs for a
 * relative one) is most of what the hook adds to a page's ordinary `fetch` (`npm run bench`,
 * non-AI URL).
 *
 * Taken: an absolute http(s)/ws(s) URL, or a path from the root (`/api/x`, against the base URL),
 * made of characters the WHATWG URL parser leaves as they are: a lower-case host of letters,
 * digits, dots and hyphens whose last label starts with a letter (so no IP address, no port, no
 * user info), and a path and query without percent-encoding work, backslashes, dot segments,
 * spaces or quotes (https://url.spec.whatwg.org/#concept-basic-url-parser). Anything else is
 * declined (undefined) and goes to the parser, so both give the same answer for every URL
 * (tests/unit/quick-url.test.ts checks that against `new URL`). Pure: no DOM.
 */

/** The URL parts the hook reads (the URL getters' values). */
export interface UrlParts {
  protocol: string;
  host: string;
  hostname: string;
  pathname: string;
  search: string;
}

const SCHEMES = ['https://', 'http://', 'wss://', 'ws://'] as const;

/** Host characters kept as they are: a-z 0-9 . - */
function hostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/**
 * Path and query characters the parser keeps as they are (special schemes): the unreserved and
 * most sub-delimiters, `:`, `@`, `/`, `?` and `%` (an existing escape is kept; a stray `%` too).
 * Not: space, `"`, `'`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`, controls, non-ASCII.
 */
function pathChar(c: number): boolean {
  if (c >= 97 && c <= 122) return true; // a-z
  if (c >= 63 && c <= 90) return true; // ? @ A-Z
  if (c >= 36 && c <= 59) return c !== 39; // $ % & ( ) * + , - . / 0-9 : ;  (not ')
  return c === 33 || c === 61 || c === 95 || c === 126; // ! = _ ~
}

/** Where the host in `url` ends (from `start`), or -1 when the quick path does not take it. */
function hostEnd(url: string, start: number): number {
  let i = start;
  let lastDot = -1;
  for (; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) break; // / ? #
    if (!hostChar(c)) return -1;
    if (c === 46) {
      if (i === start || lastDot === i - 1) return -1; // empty label
      lastDot = i;
    }
  }
  if (i === start || lastDot === i - 1) return -1; // empty host, trailing dot
  // A last label of digits only could be an IPv4 address the parser rewrites (`0x7f.1`).
  const last = url.charCodeAt(lastDot < 0 ? start : lastDot + 1);
  if (!(last >= 97 && last <= 122)) return -1;
  return i;
}

/** The path and query from `from` to the fragment, or undefined when the parser would change them. */
function pathAndQuery(url: string, from: number): { pathname: string; search: string } | undefined {
  let query = -1;
  let end = url.length;
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 35) {
      end = i;
      break;
    }
    if (!pathChar(c)) return undefined;
    if (c === 63 && query < 0) query = i;
    // A dot segment (`/.`, `/..`, also escaped as `%2e`) is removed by the parser: take the parser.
    else if (query < 0 && (c === 37 || (c === 46 && url.charCodeAt(i - 1) === 47))) return undefined;
  }
  const pathEnd = query < 0 ? end : query;
  const pathname = pathEnd > from ? url.slice(from, pathEnd) : '/';
  // An empty query (`?` alone) is '' for the parser, as no query is.
  const search = query < 0 || end - query <= 1 ? '' : url.slice(query, end);
  return { pathname, search };
}

/** The parts of `url`, or undefined when the parser must read it. `base`: the document's base URL, parsed. */
export function quickUrlParts(url: string, base: () => UrlParts | undefined): UrlParts | undefined {
  const first = url.charCodeAt(0);
  if (first === 47) {
    // `/path` from the root of the base URL's origin; `//host` and `/\host` are scheme-relative.
    const second = url.charCodeAt(1);
    if (second === 47 || second === 92) return undefined;
    const b = base();
    if (!b || (b.protocol !== 'https:' && b.protocol !== 'http:')) return undefined;
    const rest = pathAndQuery(url, 0);
    return rest && { protocol: b.protocol, host: b.host, hostname: b.hostname, pathname: rest.pathname, search: rest.search };
  }
  if (first !== 104 && first !== 119) return undefined; // h(ttp) or w(s)
  for (const scheme of SCHEMES) {
    if (!url.startsWith(scheme)) continue;
    const end = hostEnd(url, scheme.length);
    if (end < 0) return undefined;
    const rest = pathAndQuery(url, end);
    if (!rest) return undefined;
    const hostname = url.slice(scheme.length, end);
    return { protocol: scheme.slice(0, -2), host: hostname, hostname, pathname: rest.pathname, search: rest.search };
  }
  return undefined;
}
