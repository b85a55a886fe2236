/**
 * A model of how Chrome evaluates one extension's declarativeNetRequest rules for one request,
 * written from the API reference (developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest,
 * "Rule priorities", "Matching algorithm", RuleCondition, RuleAction) and MDN's "Matching
 * precedence". Tests run the compiled rules (src/core/block-rules.ts) through it, so that what
 * the browser would do is checked, not the shape of the rules.
 *
 * Modelled:
 * - `requestDomains` / `excludedRequestDomains`: the request URL's host or any subdomain of it;
 *   the exclusion wins.
 * - `initiatorDomains` / `excludedInitiatorDomains`: the same, against the initiator's host. A
 *   request without an initiator (a navigation the user typed) or with an opaque one never
 *   matches `initiatorDomains`, and always passes `excludedInitiatorDomains`.
 * - `resourceTypes` / `excludedResourceTypes`: with neither, every type except `main_frame`.
 * - `regexFilter` against the whole (canonical) URL, case-insensitive unless
 *   `isUrlFilterCaseSensitive` (Chrome 118+ default false).
 * - The highest priority wins; at equal priority allow > allowAllRequests > block > upgradeScheme
 *   > redirect.
 * - `allowAllRequests` that matched a frame's own document request (the top document's
 *   `main_frame`, an iframe's `sub_frame`) allows every request made in that frame and in the
 *   frames below it, unless a rule of higher priority matches the request. It also allows the
 *   frame request itself.
 * - `redirect` with `regexSubstitution`: the first match of `regexFilter` in the URL is replaced,
 *   `\0` being the whole match and `\1`..`\9` the groups; with `url`, that URL.
 *
 * Not modelled: urlFilter, header conditions, request methods, tab IDs, domainType, rules of
 * other extensions, static and session rulesets (only one ruleset's rules are given).
 */

export const RESOURCE_TYPES = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'webtransport',
  'webbundle',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type SimActionType = 'block' | 'allow' | 'allowAllRequests' | 'upgradeScheme' | 'redirect' | 'modifyHeaders';

/** A rule as the API takes it (a superset of src/core/dnr-rule.ts's DnrRule). */
export interface SimRule {
  id: number;
  priority?: number;
  action: { type: SimActionType; redirect?: { regexSubstitution?: string; url?: string } };
  condition: {
    requestDomains?: readonly string[];
    excludedRequestDomains?: readonly string[];
    initiatorDomains?: readonly string[];
    excludedInitiatorDomains?: readonly string[];
    regexFilter?: string;
    isUrlFilterCaseSensitive?: boolean;
    resourceTypes?: readonly string[];
    excludedResourceTypes?: readonly string[];
  };
}

export interface SimRequest {
  /** Full URL of the request (http, https, ws, wss). */
  url: string;
  type: ResourceType;
  /**
   * The document that made the request: an origin, a URL or a bare host. Absent for a
   * browser-initiated navigation (typed URL, bookmark).
   */
  initiator?: string;
  /**
   * URL of the tab's top document the request is made in (for a sub-resource or sub_frame).
   * Ignored for `main_frame`, which starts a new top document.
   */
  pageUrl?: string;
  /** URLs of the iframes between the top document and the frame making the request, outermost first. */
  frameUrls?: readonly string[];
}

export type SimOutcome = 'block' | 'redirect' | 'allow' | 'allowAllRequests' | 'upgradeScheme' | 'none';

export interface SimResult {
  action: SimOutcome;
  rule?: SimRule;
  /** Where a redirect (or scheme upgrade) sends the request. */
  redirectUrl?: string;
  /** For `allowAllRequests`: whether it matched the request itself or a frame it is made in. */
  via?: 'request' | 'frame';
}

/** Tie-break at equal priority: lower comes first. */
const ACTION_ORDER: Record<SimActionType, number> = { allow: 0, allowAllRequests: 1, block: 2, upgradeScheme: 3, redirect: 4, modifyHeaders: 5 };

const hostOfUrl = (url: string): string | undefined => {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.endsWith('.') ? host.slice(0, -1) : host;
  } catch {
    return undefined;
  }
};

/** Host of an initiator given as an origin/URL or a bare host; undefined for none or opaque. */
function initiatorHost(initiator: string | undefined): string | undefined {
  if (initiator === undefined || initiator === 'null' || initiator === '') return undefined;
  if (initiator.includes('://')) return hostOfUrl(initiator) || undefined;
  return initiator.toLowerCase().replace(/\.$/, '');
}

/** `host` is `domain` or one of its subdomains. */
export const domainMatches = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
const anyDomain = (host: string, domains: readonly string[]) => domains.some((d) => domainMatches(host, d));

const regexCache = new Map<string, RegExp>();
function compiled(pattern: string, caseSensitive: boolean): RegExp {
  const key = `${caseSensitive ? 's' : 'i'}${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new RegExp(pattern, caseSensitive ? '' : 'i');
    regexCache.set(key, re);
  }
  return re;
}

/** Chrome canonicalises the URL before matching (lower-case scheme and host, `/` path). */
function canonicalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

interface Matchable {
  url: string;
  host: string | undefined;
  type: ResourceType;
  initiatorHost: string | undefined;
}

export function conditionMatches(rule: SimRule, request: Matchable): boolean {
  const c = rule.condition;
  if (c.resourceTypes) {
    if (!c.resourceTypes.includes(request.type)) return false;
  } else if (c.excludedResourceTypes) {
    if (c.excludedResourceTypes.includes(request.type)) return false;
  } else if (request.type === 'main_frame') {
    return false;
  }
  if (c.requestDomains || c.excludedRequestDomains) {
    if (request.host === undefined) return false;
    if (c.excludedRequestDomains && anyDomain(request.host, c.excludedRequestDomains)) return false;
    if (c.requestDomains && !anyDomain(request.host, c.requestDomains)) return false;
  }
  if (c.initiatorDomains && (request.initiatorHost === undefined || !anyDomain(request.initiatorHost, c.initiatorDomains))) return false;
  if (c.excludedInitiatorDomains && request.initiatorHost !== undefined && anyDomain(request.initiatorHost, c.excludedInitiatorDomains)) return false;
  if (c.regexFilter !== undefined && !compiled(c.regexFilter, c.isUrlFilterCaseSensitive === true).test(request.url)) return false;
  return true;
}

const priorityOf = (rule: SimRule) => rule.priority ?? 1;

/** Orders candidates: higher priority, then the action order, then the lower ID. */
function better(a: { rule: SimRule }, b: { rule: SimRule }): boolean {
  const pa = priorityOf(a.rule);
  const pb = priorityOf(b.rule);
  if (pa !== pb) return pa > pb;
  const oa = ACTION_ORDER[a.rule.action.type];
  const ob = ACTION_ORDER[b.rule.action.type];
  if (oa !== ob) return oa < ob;
  return a.rule.id < b.rule.id;
}

/** The highest-ranked `allowAllRequests` rule that matched a frame's own document request. */
function frameAllowance(rules: readonly SimRule[], request: SimRequest): SimRule | undefined {
  if (request.type === 'main_frame' || request.pageUrl === undefined) return undefined;
  const frames: Matchable[] = [{ url: canonicalUrl(request.pageUrl), host: hostOfUrl(request.pageUrl), type: 'main_frame', initiatorHost: undefined }];
  let parent = request.pageUrl;
  for (const url of request.frameUrls ?? []) {
    frames.push({ url: canonicalUrl(url), host: hostOfUrl(url), type: 'sub_frame', initiatorHost: hostOfUrl(parent) });
    parent = url;
  }
  let best: SimRule | undefined;
  for (const frame of frames) {
    for (const rule of rules) {
      if (rule.action.type !== 'allowAllRequests' || !conditionMatches(rule, frame)) continue;
      if (!best || better({ rule }, { rule: best })) best = rule;
    }
  }
  return best;
}

/** `\0`..`\9` in a substitution; `\\` is a backslash. */
function substitute(template: string, match: RegExpExecArray): string {
  return template.replace(/\\(\\|[0-9])/g, (_, c: string) => (c === '\\' ? '\\' : (match[Number(c)] ?? '')));
}

function redirectTarget(rule: SimRule, url: string): string | undefined {
  const redirect = rule.action.redirect;
  if (!redirect) return undefined;
  if (redirect.url !== undefined) return redirect.url;
  if (redirect.regexSubstitution !== undefined && rule.condition.regexFilter !== undefined) {
    const re = compiled(rule.condition.regexFilter, rule.condition.isUrlFilterCaseSensitive === true);
    const match = re.exec(url);
    if (!match) return undefined;
    return url.slice(0, match.index) + substitute(redirect.regexSubstitution, match) + url.slice(match.index + match[0].length);
  }
  return undefined;
}

/** What Chrome does with `request` given one extension's dynamic `rules`. */
export function simulate(rules: readonly SimRule[], request: SimRequest): SimResult {
  const url = canonicalUrl(request.url);
  const matchable: Matchable = { url, host: hostOfUrl(url), type: request.type, initiatorHost: initiatorHost(request.initiator) };
  let best: { rule: SimRule; via: 'request' | 'frame' } | undefined;
  for (const rule of rules) {
    if (rule.action.type === 'modifyHeaders') continue; // never decides block or allow
    if (rule.action.type === 'upgradeScheme' && !/^(http|ws):/.test(url)) continue;
    if (!conditionMatches(rule, matchable)) continue;
    const candidate = { rule, via: 'request' as const };
    if (!best || better(candidate, best)) best = candidate;
  }
  const fromFrame = frameAllowance(rules, request);
  if (fromFrame && (!best || better({ rule: fromFrame }, best))) best = { rule: fromFrame, via: 'frame' };
  if (!best) return { action: 'none' };
  const { rule, via } = best;
  switch (rule.action.type) {
    case 'allow':
    case 'block':
      return { action: rule.action.type, rule };
    case 'allowAllRequests':
      return { action: 'allowAllRequests', rule, via };
    case 'upgradeScheme':
      return { action: 'upgradeScheme', rule, redirectUrl: url.replace(/^http:/, 'https:').replace(/^ws:/, 'wss:') };
    case 'redirect': {
      const redirectUrl = redirectTarget(rule, url);
      // A redirect that yields no valid URL (or the same one) lets the request through.
      if (redirectUrl === undefined || redirectUrl === url) return { action: 'none', rule };
      try {
        new URL(redirectUrl);
      } catch {
        return { action: 'none', rule };
      }
      return { action: 'redirect', rule, redirectUrl };
    }
    default:
      return { action: 'none' };
  }
}

/** Whether the request does not reach its server: blocked, or sent elsewhere. */
export const isStopped = (result: SimResult) => result.action === 'block' || result.action === 'redirect';

/**
 * What Chrome's updateDynamicRules would refuse (the checks that matter for generated rules):
 * IDs, priorities, empty lists, a type both included and excluded, allowAllRequests on other
 * types than frames, redirects without a target, regexSubstitution without regexFilter, upper-case
 * or non-ASCII domains, regexes that do not compile.
 */
export function ruleProblems(rules: readonly SimRule[]): string[] {
  const problems: string[] = [];
  const ids = new Set<number>();
  for (const rule of rules) {
    const at = `rule ${rule.id}`;
    if (!Number.isInteger(rule.id) || rule.id < 1) problems.push(`${at}: id must be an integer >= 1`);
    if (ids.has(rule.id)) problems.push(`${at}: duplicate id`);
    ids.add(rule.id);
    if (rule.priority !== undefined && (!Number.isInteger(rule.priority) || rule.priority < 1)) problems.push(`${at}: priority must be an integer >= 1`);
    const c = rule.condition;
    for (const key of ['requestDomains', 'initiatorDomains', 'resourceTypes'] as const) {
      if (c[key] !== undefined && c[key]!.length === 0) problems.push(`${at}: ${key} must not be empty`);
    }
    for (const key of ['requestDomains', 'excludedRequestDomains', 'initiatorDomains', 'excludedInitiatorDomains'] as const) {
      for (const d of c[key] ?? []) if (!/^[a-z0-9.-]+$/.test(d) || d !== d.toLowerCase()) problems.push(`${at}: ${key} entry ${JSON.stringify(d)} is not a lower-case ASCII domain`);
    }
    for (const t of [...(c.resourceTypes ?? []), ...(c.excludedResourceTypes ?? [])]) {
      if (!(RESOURCE_TYPES as readonly string[]).includes(t)) problems.push(`${at}: unknown resource type ${t}`);
    }
    if (c.resourceTypes && c.excludedResourceTypes && c.resourceTypes.some((t) => c.excludedResourceTypes!.includes(t))) problems.push(`${at}: a resource type is both included and excluded`);
    if (rule.action.type === 'allowAllRequests' && (!c.resourceTypes || c.resourceTypes.some((t) => t !== 'main_frame' && t !== 'sub_frame'))) {
      problems.push(`${at}: allowAllRequests needs resourceTypes of main_frame and sub_frame only`);
    }
    if (rule.action.type === 'redirect') {
      const r = rule.action.redirect;
      if (!r || (r.url === undefined && r.regexSubstitution === undefined)) problems.push(`${at}: redirect without a target`);
      if (r?.regexSubstitution !== undefined && c.regexFilter === undefined) problems.push(`${at}: regexSubstitution needs a regexFilter`);
    }
    if (c.regexFilter !== undefined) {
      try {
        new RegExp(c.regexFilter);
      } catch {
        problems.push(`${at}: regexFilter does not compile`);
      }
    }
  }
  return problems;
}
