/**
 * Turns the validated source files into the structure the extension ships (build time, in
 * scripts/vite-plugin-database.ts): hash tables keyed by host, by host suffix below a `*` label,
 * by model-name prefix and by namespace, so that a lookup probes a handful of keys whatever the
 * size of the database (see risk-database.ts and `npm run bench`).
 */
import { fixedSuffixOf, wildPrefixOf } from '../host-pattern.ts';
import type { Jurisdiction, Law, Provider, RiskDatabaseSource } from '../provider.ts';

/** [provider index, product index, host index within the product]. */
export type HostRef = [number, number, number];
/** [labels before the fixed suffix, with `*` for any one label, ...HostRef]. */
export type WildHostRef = [string[], number, number, number];
/** [provider index, model family index]. */
export type ModelRef = [number, number];

export interface CompiledDatabase {
  format: 1;
  providers: Provider[];
  jurisdictions: Record<string, Jurisdiction>;
  laws: Record<string, Law>;
  hosts: Record<string, HostRef>;
  wildcards: Record<string, WildHostRef[]>;
  /** Exact model names. */
  models: Record<string, ModelRef>;
  /** Model-name prefixes (patterns without their trailing `*`). */
  modelPrefixes: Record<string, ModelRef>;
  namespaces: Record<string, ModelRef>;
  providerIds: Record<string, number>;
  productIds: Record<string, [number, number]>;
}

// Objects built here are serialised to JSON; null prototypes keep keys like "constructor" plain.
const table = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/**
 * `extra` providers (an organization's own, policy-database.ts) come after the database's, so
 * where both name the same host the organization's entry is the one found.
 */
export function compileDatabase(source: RiskDatabaseSource, extra: readonly Provider[] = []): CompiledDatabase {
  const providers = [...[...source.providers].sort((a, b) => a.id.localeCompare(b.id)), ...extra];
  const db: CompiledDatabase = {
    format: 1,
    providers,
    jurisdictions: table(),
    laws: table(),
    hosts: table(),
    wildcards: table(),
    models: table(),
    modelPrefixes: table(),
    namespaces: table(),
    providerIds: table(),
    productIds: table(),
  };
  for (const j of [...source.jurisdictions].sort((a, b) => a.country.localeCompare(b.country))) db.jurisdictions[j.country] = j;
  for (const law of [...source.laws].sort((a, b) => a.id.localeCompare(b.id))) db.laws[law.id] = law;
  providers.forEach((provider, p) => {
    db.providerIds[provider.id] = p;
    provider.products.forEach((product, q) => {
      db.productIds[product.id] = [p, q];
      product.hosts.forEach(({ host }, h) => {
        if (!host.includes('*')) return void (db.hosts[host] = [p, q, h]);
        (db.wildcards[fixedSuffixOf(host)] ??= []).push([wildPrefixOf(host), p, q, h]);
      });
    });
    provider.models?.forEach((family, f) => {
      for (const pattern of family.patterns) {
        if (pattern.endsWith('*')) db.modelPrefixes[pattern.slice(0, -1)] = [p, f];
        else db.models[pattern] = [p, f];
      }
      for (const ns of family.namespaces ?? []) db.namespaces[ns] = [p, f];
    });
  });
  return db;
}
