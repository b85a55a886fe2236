/** Counts of the database: the options page shows them, `npm run -s lookup -- --stats` prints them. */
import { operatingFactsOf } from '../product-risk.ts';
import type { RiskDatabase } from '../risk-database.ts';

export interface DatabaseStats {
  providers: number;
  products: number;
  hosts: number;
  /** Same as hosts: the word for it. */
  hostnames: number;
  countries: number;
  /** Products whose operator or parent company is in China, and their providers. */
  chinaProducts: number;
  chinaProviders: number;
  /** Providers (and their products) in the not-yet-verified tier: recognised, operator not confirmed. */
  unverifiedProviders: number;
  unverifiedProducts: number;
  modelFamilies: number;
  aggregators: number;
  jurisdictions: number;
  laws: number;
  hostsByRole: Record<string, number>;
  /** Country → products operated from there (by the product's operator). */
  productsByCountry: Record<string, number>;
}

export function databaseStats(db: RiskDatabase): DatabaseStats {
  const products = db.providers.flatMap((provider) => provider.products.map((product) => ({ provider, product, facts: operatingFactsOf(provider, product) })));
  const inChina = products.filter(({ facts }) => facts.operator?.country === 'CN' || facts.parent?.country === 'CN');
  const byCountry: Record<string, number> = {};
  const byRole: Record<string, number> = {};
  for (const { product, facts } of products) {
    if (facts.operator) byCountry[facts.operator.country] = (byCountry[facts.operator.country] ?? 0) + 1;
    for (const h of product.hosts) byRole[h.role] = (byRole[h.role] ?? 0) + 1;
  }
  const hostCount = products.reduce((n, p) => n + p.product.hosts.length, 0);
  const sorted = Object.fromEntries(Object.entries(byCountry).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return {
    providers: db.providers.length,
    products: products.length,
    hosts: hostCount,
    hostnames: hostCount,
    unverifiedProviders: db.providers.filter((p) => p.unverified).length,
    unverifiedProducts: products.filter(({ provider }) => provider.unverified).length,
    countries: Object.keys(byCountry).length,
    chinaProducts: inChina.length,
    chinaProviders: new Set(inChina.map((p) => p.provider.id)).size,
    modelFamilies: db.providers.reduce((n, p) => n + (p.models?.length ?? 0), 0),
    aggregators: db.providers.filter((p) => p.kinds.includes('aggregator')).length,
    jurisdictions: Object.keys(db.compiled.jurisdictions).length,
    laws: Object.keys(db.compiled.laws).length,
    hostsByRole: byRole,
    productsByCountry: sorted,
  };
}
