/**
 * The host patterns a page's own requests cannot reach under the settings: every product whose
 * first covering decision (block-scope.ts, highest priority first, allow before block) is a
 * block. Site decisions are left out, since they depend on the page the request comes from, so
 * this is what is blocked everywhere. Used for traffic the browser makes on a page's behalf and
 * that network rules never see (reporting uploads, FedCM, payment manifests, WebRTC servers).
 */
import { isEnforcing } from '../settings.ts';
import { blockRulesOf, covers, productTargets } from '../block-scope.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import type { RiskDatabase } from '../risk-database.ts';

export function blockedHostsOf(settings: Pick<EffectiveSettings, 'org' | 'user' | 'mode'>, db: RiskDatabase): string[] {
  if (!isEnforcing(settings.mode)) return [];
  const rules = blockRulesOf(settings).filter((r) => r.scope !== 'site');
  if (!rules.some((r) => r.action === 'block')) return [];
  const hosts = new Set<string>();
  for (const target of productTargets(db)) {
    const first = rules.find((rule) => covers(rule, target));
    if (first?.action === 'block') for (const h of target.hosts) hosts.add(h);
  }
  return [...hosts].sort();
}
