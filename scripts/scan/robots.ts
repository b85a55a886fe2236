/**
 * robots.txt for the crawler, parsed with robots-parser (RFC 9309 matching, `*` and `$`
 * wildcards, longest match wins). One fetch per origin, remembered for the whole run. Which answer
 * means what follows RFC 9309 §2.3.1: a robots.txt that is missing (4xx) allows everything, one
 * the server fails to give (5xx) disallows everything; a network failure allows, because the page
 * fetch will then fail too and be reported with its error, which says more than a silent skip.
 */
import robotsParser from 'robots-parser';

/** The product token the scanner answers to in robots.txt (`User-agent: AIJurisdictionGuardScanner`). */
export const SCANNER_USER_AGENT = 'AIJurisdictionGuardScanner';

/** RFC 9309 §2.5: crawlers must read at least 500 KiB; more is not needed. */
export const MAX_ROBOTS_BYTES = 500 * 1024;

/** A text fetched over the network: the status, and the body (already cut to a size limit); null when the fetch failed. */
export type FetchText = (url: string) => Promise<{ status: number; text: string } | null>;

/** Whether a URL may be fetched. */
export type RobotsRule = (url: string) => boolean;

export const robotsUrlOf = (url: string): string => new URL('/robots.txt', url).href;

/** The rule a robots.txt answer gives for URLs of the origin it came from. */
export function robotsRule(robotsUrl: string, answer: { status: number; text: string } | null, userAgent = SCANNER_USER_AGENT): RobotsRule {
  if (answer === null) return () => true;
  if (answer.status >= 500) return () => false;
  if (answer.status < 200 || answer.status >= 300) return () => true;
  const robots = robotsParser(robotsUrl, answer.text.slice(0, MAX_ROBOTS_BYTES));
  // robots-parser answers undefined for a URL of another origin: not ours to decide, so allowed.
  return (url) => robots.isAllowed(url, userAgent) !== false;
}

/** robots.txt decisions for any URL, fetching each origin's file once (concurrent asks share the fetch). */
export function robotsChecker(fetchText: FetchText, userAgent = SCANNER_USER_AGENT): (url: string) => Promise<boolean> {
  const rules = new Map<string, Promise<RobotsRule>>();
  return async (url) => {
    const origin = new URL(url).origin;
    let rule = rules.get(origin);
    if (!rule) {
      const robotsUrl = robotsUrlOf(url);
      rule = fetchText(robotsUrl).then(
        (answer) => robotsRule(robotsUrl, answer, userAgent),
        () => robotsRule(robotsUrl, null, userAgent),
      );
      rules.set(origin, rule);
    }
    return (await rule)(url);
  };
}
