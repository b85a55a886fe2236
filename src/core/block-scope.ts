/**
 * Which block and allow decisions exist, in which order they count, and which AI services each
 * one covers (docs/policy.md). The same model drives the declarativeNetRequest rules
 * (block-rules.ts) and the explanations people read (block-decision.ts), so the two cannot drift.
 *
 * Order: the organization's decisions before the user's; within a tier the most specific scope
 * first (site, provider, country, level); at the same scope an allow before a block.
 */
import { RULE_GROUPS } from './constants.ts';
import type { EffectiveSettings } from './policy-merge.ts';
import { productRisk } from './product-risk.ts';
import type { CountryCode } from './provider.ts';
import type { RiskDatabase } from './risk-database.ts';
import { compareLevels, type RiskLevel } from './risk-level.ts';
import type { BlockLevel, TierRules } from './settings.ts';

export type Tier = 'org' | 'user';
export type Scope = 'site' | 'provider' | 'country' | 'level';
export type BlockAction = 'block' | 'allow';
export type RuleGroup = (typeof RULE_GROUPS)[number];

/** One decision: "the organization blocks CN", "you allow chat.example.com". */
export interface BlockRule {
  tier: Tier;
  scope: Scope;
  action: BlockAction;
  /** Sites, provider IDs or country codes; for `level`, the lowest level blocked. */
  values: string[];
  /** declarativeNetRequest priority: higher wins; allow wins a tie. */
  priority: number;
  group: RuleGroup;
}

const SCOPE_RANK: Record<Scope, number> = { level: 1, country: 2, provider: 3, site: 4 };
const TIER_OFFSET: Record<Tier, number> = { user: 0, org: 4 };

export const priorityOf = (tier: Tier, scope: Scope) => TIER_OFFSET[tier] + SCOPE_RANK[scope];

/** A product of the (policy) database as blocking sees it. */
export interface ProductTarget {
  providerId: string;
  productId: string;
  /** Host patterns; each covers its subdomains, `*` is one label. */
  hosts: string[];
  /** Every country that counts for its risk: operator, parent, regional entities, data locations. */
  countries: CountryCode[];
  level: RiskLevel;
}

const targetsCache = new WeakMap<RiskDatabase, ProductTarget[]>();

export function productTargets(db: RiskDatabase): ProductTarget[] {
  let targets = targetsCache.get(db);
  if (targets) return targets;
  // A host two products name belongs to the one lookups find (an organization's own entry wins
  // over the database's): only that one's rules may cover it.
  const owns = (productId: string, pattern: string) => db.lookupHost(pattern.replaceAll('*', 'x0'))?.product.id === productId;
  targets = db.providers.flatMap((provider) =>
    provider.products.map((product) => {
      const risk = productRisk(db, provider, product);
      return {
        providerId: provider.id,
        productId: product.id,
        hosts: product.hosts.map((h) => h.host).filter((h) => owns(product.id, h)),
        countries: [...new Set(risk.factors.map((f) => f.country))],
        level: risk.level,
      };
    }),
  );
  targetsCache.set(db, targets);
  return targets;
}

/** Whether `rule` covers a product (site rules cover every AI service, for their sites). */
export function covers(rule: Pick<BlockRule, 'scope' | 'action' | 'values'>, target: ProductTarget): boolean {
  switch (rule.scope) {
    case 'site':
      return true;
    case 'provider':
      return rule.values.includes(target.providerId);
    case 'country':
      // A block takes any country of the service; an allow needs all of them allowed, so that
      // allowing DE does not let a service with a CN parent through.
      return rule.action === 'block'
        ? target.countries.some((c) => rule.values.includes(c))
        : target.countries.length > 0 && target.countries.every((c) => rule.values.includes(c));
    case 'level':
      return rule.values[0] !== undefined && compareLevels(target.level, rule.values[0] as RiskLevel) >= 0;
  }
}

function tierRules(tier: Tier, rules: TierRules): BlockRule[] {
  const make = (scope: Scope, action: BlockAction, values: string[]): BlockRule[] =>
    values.length ? [{ tier, scope, action, values, priority: priorityOf(tier, scope), group: `${tier}-${scope}` }] : [];
  const level: BlockLevel = rules.blockLevel;
  return [
    ...make('site', 'allow', rules.allowedSites),
    ...make('site', 'block', rules.blockedSites),
    ...make('provider', 'allow', rules.allowedProviders),
    ...make('provider', 'block', rules.blockedProviders),
    ...make('country', 'allow', rules.allowedCountries),
    ...make('country', 'block', rules.blockedCountries),
    ...make('level', 'block', level === 'off' ? [] : [level]),
  ];
}

/**
 * The decisions that are enforced, highest priority first. Only `block` mode enforces; in
 * `warn` and `monitor` the same decisions are explained but nothing is blocked.
 */
export function blockRulesOf(settings: Pick<EffectiveSettings, 'org' | 'user'>): BlockRule[] {
  return [...tierRules('org', settings.org), ...tierRules('user', settings.user)].sort(
    (a, b) => b.priority - a.priority || (a.action === b.action ? 0 : a.action === 'allow' ? -1 : 1),
  );
}
