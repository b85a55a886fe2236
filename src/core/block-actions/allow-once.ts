/**
 * "Allow once for this site" on the block page: whether it is offered, and the session rules
 * that grant it. Offered only when the decision that blocks the navigation is the user's own
 * (an organization's decision is not the user's to lift) and the policy allows bypassing.
 *
 * The rules allow requests to the blocked host (the navigation, its frames and sub-resources)
 * and, from that host's pages, to the other hosts of the same AI product (its API), so the page
 * works. They outrank every dynamic rule, but leave out requests from the sites whose AI traffic
 * the organization blocks, so an organization's site decision still holds.
 */
import { type Decision, decide, siteMatch } from '../block-decision.ts';
import { priorityOf } from '../block-scope.ts';
import { ALLOW_ONCE_RULE_IDS } from '../constants.ts';
import { normalizeHostname } from '../hostname.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import type { RiskDatabase } from '../risk-database.ts';

/** Above the highest dynamic rule (the organization's site rules). */
export const ALLOW_ONCE_PRIORITY = priorityOf('org', 'site') + 1;

export type AllowOnceSettings = Pick<EffectiveSettings, 'mode' | 'allowBypass' | 'org'>;

/** Why allow-once is not offered for this decision; undefined when it is. */
export function allowOnceRefusal(settings: AllowOnceSettings, decision: Decision | undefined, host: string): string | undefined {
  if (settings.mode !== 'block') return 'nothing is blocked outside block mode';
  if (!decision || decision.outcome !== 'block' || !decision.rule) return 'no decision blocks this host';
  if (decision.rule.tier !== 'user') return 'the organization blocks this host';
  if (!settings.allowBypass) return 'the organization does not allow bypassing blocks';
  if (siteMatch(host, settings.org.blockedSites)) return "the organization blocks this site's AI traffic";
  return undefined;
}

export interface SessionAllowRule {
  id: number;
  priority: number;
  action: { type: 'allow' };
  condition: {
    requestDomains: string[];
    initiatorDomains?: string[];
    excludedInitiatorDomains?: string[];
    resourceTypes?: Array<'main_frame'>;
  };
}

/**
 * The rules for `host` (IDs from `ids`, in order). Without `resourceTypes` a rule covers every
 * type but top-level navigations, so the navigation gets a rule of its own.
 */
export function allowOnceRules(host: string, productHosts: readonly string[], orgBlockedSites: readonly string[], ids: readonly number[]): SessionAllowRule[] {
  const name = normalizeHostname(host);
  const excluded = orgBlockedSites.length ? { excludedInitiatorDomains: [...orgBlockedSites] } : {};
  const rule = (condition: SessionAllowRule['condition']): Omit<SessionAllowRule, 'id'> => ({ priority: ALLOW_ONCE_PRIORITY, action: { type: 'allow' }, condition });
  const drafts = [rule({ requestDomains: [name], resourceTypes: ['main_frame'] }), rule({ requestDomains: [name], ...excluded })];
  // `*` patterns cannot be request domains; the product's plain hosts are its API in practice.
  const others = productHosts.filter((h) => !h.includes('*') && h !== name);
  if (others.length) drafts.push(rule({ requestDomains: others, initiatorDomains: [name] }));
  return drafts.map((d, i) => ({ ...d, id: ids[i]! }));
}

/** Free IDs of the allow-once range, lowest first. */
export function freeAllowOnceIds(used: readonly number[], count: number): number[] {
  const taken = new Set(used);
  const out: number[] = [];
  for (let id = ALLOW_ONCE_RULE_IDS.first; id <= ALLOW_ONCE_RULE_IDS.last && out.length < count; id++) if (!taken.has(id)) out.push(id);
  return out;
}

/**
 * Whether an earlier grant must go now: the organization has since taken the decision over
 * (blocks the host, blocks its site's AI traffic, or forbids bypassing). A grant the user's own
 * later choices make moot (nothing blocks the host any more) is harmless and kept.
 */
export function allowOnceRevoked(settings: AllowOnceSettings, decision: Decision, host: string): boolean {
  if (!settings.allowBypass || siteMatch(host, settings.org.blockedSites)) return true;
  return decision.outcome === 'block' && decision.rule?.tier === 'org';
}

/**
 * The session rules for the hosts granted so far, rebuilt for the settings now in force: revoked
 * grants are left out, and the others take the organization's current blocked sites. IDs are
 * assigned afresh from the start of the range.
 */
export function allowOnceGrants(hosts: readonly string[], settings: AllowOnceSettings & Pick<EffectiveSettings, 'user'>, db: RiskDatabase): SessionAllowRule[] {
  const out: SessionAllowRule[] = [];
  for (const host of hosts) {
    const decision = decide(settings, db, { host, navigation: true });
    if (allowOnceRevoked(settings, decision, host)) continue;
    const ids = Array.from({ length: 3 }, (_, i) => ALLOW_ONCE_RULE_IDS.first + out.length + i).filter((id) => id <= ALLOW_ONCE_RULE_IDS.last);
    if (ids.length < 3) break;
    out.push(...allowOnceRules(host, decision.target?.hosts ?? [], settings.org.blockedSites, ids));
  }
  return out;
}
