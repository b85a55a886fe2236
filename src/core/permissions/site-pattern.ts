/**
 * The match pattern that grants site access to one page's site (`https://chat.deepseek.com/*`),
 * as `permissions.contains` and `permissions.request` take it. Match patterns have no port, so a
 * page on any port of the host is covered. Undefined for what is not a web page (extension pages,
 * about:, file:), where no site access applies.
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Match_patterns
 */
export function sitePatternOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return undefined;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
