/**
 * Turns a database match into what a user is shown: a level and the facts behind it. The
 * foundation rates by the operator's country only; the risk-model issue adds parent company and
 * data location and documents the rules in docs/risk-model.md.
 */
import type { HostMatch } from './host-index.ts';
import type { Jurisdiction } from './provider.ts';
import type { FindingFacts } from './tab-state.ts';

export function findingFacts(match: HostMatch, jurisdictions: readonly Jurisdiction[]): FindingFacts {
  const { provider, product, role } = match;
  const rating = jurisdictions.find((j) => j.country === provider.operator.country);
  return {
    providerId: provider.id,
    providerName: provider.name,
    productId: product.id,
    productName: product.name,
    role,
    operator: { name: provider.operator.name, country: provider.operator.country },
    // A country the database does not rate yet is "unknown", never silently "low".
    level: rating?.level ?? 'unknown',
    reason: rating?.reason ?? '',
  };
}
