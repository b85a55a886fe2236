/**
 * Hostname handling shared by lookup and message validation. Pure: uses the WHATWG URL parser
 * (part of every JS runtime we target), no DOM.
 */

/** Hostname of an http(s) URL, lower-cased and without a trailing dot; `undefined` otherwise. */
export function httpHostOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return normalizeHostname(parsed.hostname);
}

export function normalizeHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
