/**
 * Whether to tell the user that site access is missing, and what to ask the browser for.
 *
 * Firefox lets people withhold an extension's host permissions or withdraw them later in
 * about:addons (Permissions), and Chrome lets them limit "Site access" to clicks or to some sites.
 * Where access is missing, the browser runs none of this extension's content scripts (no detection
 * on the page, no in-page warning, no page check of model names), reports no requests to its
 * webRequest listeners (nothing in the audit log) and skips its redirect rules (a blocked site opens
 * instead of the block page); plain block rules still apply, as they need no host access.
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/manifest.json/host_permissions
 * https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#permissions
 */

/** The site access the extension needs (the manifest's host_permissions) and what the browser grants now. */
export interface HostAccess {
  /** The manifest's host_permissions, in its order. */
  needed: readonly string[];
  /** Each needed pattern → whether `permissions.contains` says it is granted. */
  granted: Readonly<Record<string, boolean>>;
  /** The web page the view is about (the popup's tab), when there is one. */
  site?: { host: string; pattern: string; granted: boolean };
}

/**
 * - `site`: the popup's page is on a site the extension may not read;
 * - `web`: some websites may not be read (all of them, or all but the ones the user picked);
 * - `sockets`: only WebSocket connections (ws/wss) may not be seen.
 */
export type AccessScope = 'site' | 'web' | 'sockets';

export interface AccessNotice {
  scope: AccessScope;
  /** The page's host, for `site`. */
  host?: string;
  /** What to pass to `permissions.request({ origins })`: every needed pattern not granted. */
  request: string[];
}

/** Patterns that cover web pages (not only ws/wss): `<all_urls>`, `*://`, `http://`, `https://`. */
const WEB_PATTERN_RE = /^(<all_urls>$|(\*|https?):\/\/)/;

/**
 * The notice to show, or undefined when nothing the view depends on is missing. With a page, only
 * that page's site counts: a popup about a site the user allowed has nothing to warn about, even
 * when other sites are withheld (the options page says that).
 */
export function accessNotice(access: HostAccess): AccessNotice | undefined {
  const missing = access.needed.filter((pattern) => access.granted[pattern] !== true);
  if (access.site) {
    if (access.site.granted) return undefined;
    // Not granted for this site means a web pattern is missing too; ask for all of them, since
    // one site at a time would leave every other site as it is.
    return { scope: 'site', host: access.site.host, request: missing.length ? missing : [access.site.pattern] };
  }
  if (missing.length === 0) return undefined;
  return { scope: missing.some((p) => WEB_PATTERN_RE.test(p)) ? 'web' : 'sockets', request: missing };
}
