/**
 * What blocking a whole country would cover, said before it is done: "Block United States: 41
 * AI services, including Google, Microsoft and Intercom". Counted with the rule the block rules
 * use (block-scope.ts `covers`): a service counts when any of its products has its operator,
 * parent, a regional entity or a data location in the country.
 */
import { covers, productTargets } from '../block-scope.ts';
import type { CountryCode } from '../provider.ts';
import type { RiskDatabase } from '../risk-database.ts';

export interface CountryReach {
  /** AI services (providers) a block of the country covers. */
  count: number;
  /** Names of a few of them to give the idea, the ones with most products first. */
  examples: string[];
}

/** Examples named in the confirmation; the count says the rest. */
export const REACH_EXAMPLES = 3;

/**
 * `first`: provider IDs to name before the others when covered (the ones the user is looking at),
 * so the confirmation starts from what the user knows.
 */
export function countryReach(db: RiskDatabase, country: CountryCode, first: readonly string[] = []): CountryReach {
  const rule = { scope: 'country' as const, action: 'block' as const, values: [country] };
  const products = new Map<string, number>();
  for (const target of productTargets(db)) {
    if (covers(rule, target)) products.set(target.providerId, (products.get(target.providerId) ?? 0) + 1);
  }
  const rank = (id: string) => {
    const i = first.indexOf(id);
    return i < 0 ? first.length : i;
  };
  // Services with more products are the larger, better known ones; ties keep database order.
  const ids = [...products.keys()].sort((a, b) => rank(a) - rank(b) || products.get(b)! - products.get(a)!);
  return { count: ids.length, examples: ids.slice(0, REACH_EXAMPLES).map((id) => db.provider(id)?.name ?? id) };
}
