/**
 * Host → product lookup. A hash map keyed by exact host, probed once per label of the queried
 * name, so the cost grows with the number of labels, not with the size of the database.
 * `deepseek.com` matches `deepseek.com` and `x.y.deepseek.com`, never `notdeepseek.com` or
 * `deepseek.com.evil.io`.
 */
import { hostAndParents, normalizeHostname } from './hostname.ts';
import type { HostRole, Product, Provider } from './provider.ts';

export interface HostMatch {
  provider: Provider;
  product: Product;
  role: HostRole;
  /** The database entry that matched (the queried host or one of its parents). */
  matchedHost: string;
}

export type HostIndex = ReadonlyMap<string, HostMatch>;

export function createHostIndex(providers: readonly Provider[]): HostIndex {
  const index = new Map<string, HostMatch>();
  for (const provider of providers) {
    for (const product of provider.products) {
      for (const { host, role } of product.hosts) {
        const key = normalizeHostname(host);
        const owner = index.get(key);
        if (owner) {
          throw new Error(`host ${key} is claimed by ${owner.provider.id}/${owner.product.id} and ${provider.id}/${product.id}`);
        }
        index.set(key, { provider, product, role, matchedHost: key });
      }
    }
  }
  return index;
}

export function lookupHost(index: HostIndex, hostname: string): HostMatch | undefined {
  for (const candidate of hostAndParents(normalizeHostname(hostname))) {
    const match = index.get(candidate);
    if (match) return match;
  }
  return undefined;
}
