/**
 * Where a request's data goes when it passes through a reseller or aggregator, as one line:
 * "This page → OpenRouter (United States) → ByteDance (China)". A closed-weights model adds its
 * builder (only the builder can serve it, facts.ts), an open-weights one "may reach" its builder
 * where the reseller may route it to the builder's own service; otherwise, or with no model
 * named, the line ends at the aggregator.
 */
import { companyLabel, type DescribedFinding } from './facts.ts';
import type { Translate } from './i18n.ts';

/** The line for a request that named a model known to the database; undefined for anything else. */
export function flowLine(f: DescribedFinding, t: Translate): string | undefined {
  if (!f.upstream || !f.operator) return undefined;
  const steps = [t('wFlowThisPage'), companyLabel(f.providerName, f.operator.country, t)];
  if (f.upstream.counted && f.upstream.operator) {
    const builder = companyLabel(f.upstream.providerName, f.upstream.operator.country, t);
    steps.push(f.upstream.mayReach ? t('wFlowMayReach', [builder]) : builder);
  }
  return steps.join(' → ');
}
