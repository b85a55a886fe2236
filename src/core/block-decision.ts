/**
 * What happens to one request, and why, by the same decisions and order as the compiled rules
 * (block-scope.ts): the block page and the popup explain a block with it, and the unit tests
 * check the compiled declarativeNetRequest rules against it.
 */
import { type BlockRule, blockRulesOf, covers, type ProductTarget, productTargets } from './block-scope.ts';
import { normalizeHostname } from './hostname.ts';
import type { EffectiveSettings } from './policy-merge.ts';
import type { RiskDatabase } from './risk-database.ts';

export interface RequestInfo {
  /** Host the request goes to. */
  host: string;
  /** A top-level navigation (the block page replaces it) rather than a frame or sub-resource. */
  navigation: boolean;
  /** Host of the document that made the request; absent for a navigation typed by the user. */
  initiator?: string;
  /** Host of the tab's top document: an allowed site's frames may use any AI service. */
  pageSite?: string;
}

export interface Decision {
  /** `none`: no decision covers the request (it goes through). */
  outcome: 'block' | 'allow' | 'none';
  rule?: BlockRule;
  /** The entry of the rule that matched: a site, provider ID, country code or level. */
  matched?: string;
  /** The AI service the request goes to; undefined for a host not in the database. */
  target?: ProductTarget;
}

/** `host` is `site` or one of its subdomains, for one of `sites`. */
export function siteMatch(host: string | undefined, sites: readonly string[]): string | undefined {
  if (!host) return undefined;
  const name = normalizeHostname(host);
  return sites.find((site) => name === site || name.endsWith(`.${site}`));
}

const targetIndex = new WeakMap<RiskDatabase, Map<string, ProductTarget>>();

function indexOf(db: RiskDatabase): Map<string, ProductTarget> {
  let index = targetIndex.get(db);
  if (!index) {
    index = new Map(productTargets(db).map((t) => [t.productId, t]));
    targetIndex.set(db, index);
  }
  return index;
}

export function targetOf(db: RiskDatabase, host: string): ProductTarget | undefined {
  const match = db.lookupHost(host);
  return match && indexOf(db).get(match.product.id);
}

/**
 * The services whose rules can cover a request to `host`: the one lookups give it to, and, when
 * that one matched by a `*` pattern, every service with a plain host above it. A browser rule
 * naming `amazonaws.com` cannot leave out `bedrock-runtime.*.amazonaws.com` (excluded domains
 * take no `*`), so both services' decisions count, by priority, as in the browser.
 */
export function candidatesOf(db: RiskDatabase, host: string): ProductTarget[] {
  const match = db.lookupHost(host);
  const index = indexOf(db);
  const owner = match && index.get(match.product.id);
  if (!owner) return [];
  if (!match.host.host.includes('*')) return [owner];
  const out = [owner];
  const name = normalizeHostname(host);
  for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) {
    const parent = name.slice(i + 1);
    const ref = Object.hasOwn(db.compiled.hosts, parent) ? db.compiled.hosts[parent] : undefined;
    const product = ref && db.providers[ref[0]]?.products[ref[1]];
    const target = product && index.get(product.id);
    if (target && !out.includes(target) && target.hosts.includes(parent)) out.push(target);
  }
  return out;
}

function matchOf(rule: BlockRule, target: ProductTarget, request: RequestInfo): string | undefined {
  switch (rule.scope) {
    case 'site':
      // An allowed site's documents may use anything (allowAllRequests on its frames); a blocked
      // site's documents may not reach AI services (initiatorDomains), while navigations are free.
      if (rule.action === 'allow') {
        return request.navigation ? siteMatch(request.host, rule.values) : (siteMatch(request.pageSite, rule.values) ?? siteMatch(request.initiator, rule.values));
      }
      return request.navigation ? undefined : siteMatch(request.initiator, rule.values);
    case 'provider':
      return covers(rule, target) ? target.providerId : undefined;
    case 'country':
      return covers(rule, target) ? (target.countries.find((c) => rule.values.includes(c)) ?? rule.values[0]) : undefined;
    case 'level':
      return covers(rule, target) ? rule.values[0] : undefined;
  }
}

/**
 * The first decision (highest priority, allow before block) that covers the request. Unlike the
 * compiled rules this ignores the mode: it says what the lists decide, and the caller says
 * whether that is enforced (block), warned about (warn) or only recorded (monitor).
 */
export function decide(settings: Pick<EffectiveSettings, 'org' | 'user'>, db: RiskDatabase, request: RequestInfo): Decision {
  const targets = candidatesOf(db, request.host);
  if (!targets.length) return { outcome: 'none' };
  for (const rule of blockRulesOf(settings)) {
    for (const target of targets) {
      const matched = matchOf(rule, target, request);
      if (matched !== undefined) return { outcome: rule.action, rule, matched, target };
    }
  }
  return { outcome: 'none', target: targets[0] };
}
