/**
 * A seeded, stratified random sample of the facts a change added to the database, for a second
 * reader to check against their sources (`npm run -s sample-facts`, docs/data.md). A fact is one
 * claim with its source: a host and the product that claims it, a provider's or product's
 * operator, that operator's country, a parent and its country.
 */
import type { Provider, RiskDatabaseSource, Source } from '../../src/core/provider.ts';
import { seededRandom } from '../seeded-random.ts';

export const FACT_KINDS = ['host', 'operator', 'country', 'parent'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  kind: FactKind;
  /** What the fact is about: a host, or `provider` / `provider/product`. */
  subject: string;
  /** What the database says of it. */
  claim: string;
  source: Source;
  /** Whether the provider is in the not-yet-verified tier. */
  unverified: boolean;
}

const keyOf = (f: Fact) => `${f.kind}\u0000${f.subject}`;

export function factsOf(providers: readonly Provider[]): Fact[] {
  const out: Fact[] = [];
  for (const p of providers) {
    const unverified = p.unverified !== undefined;
    const companies = (subject: string, facts: Pick<Provider, 'operator' | 'parent'>) => {
      if (facts.operator) {
        out.push({ kind: 'operator', subject, claim: facts.operator.name, source: facts.operator.source, unverified });
        out.push({ kind: 'country', subject, claim: `${facts.operator.name}: ${facts.operator.country}`, source: facts.operator.source, unverified });
      }
      if (facts.parent) out.push({ kind: 'parent', subject, claim: `${facts.parent.name}: ${facts.parent.country}`, source: facts.parent.source, unverified });
    };
    companies(p.id, p);
    for (const product of p.products) {
      companies(`${p.id}/${product.id}`, product);
      for (const h of product.hosts) out.push({ kind: 'host', subject: h.host, claim: `${p.id}/${product.id} (${h.role})`, source: h.source, unverified });
    }
  }
  return out;
}

/** Facts of `after` that `before` does not hold with the same claim. */
export function newFacts(before: RiskDatabaseSource, after: RiskDatabaseSource): Fact[] {
  const old = new Map(factsOf(before.providers).map((f) => [keyOf(f), f.claim]));
  return factsOf(after.providers).filter((f) => old.get(keyOf(f)) !== f.claim);
}

/** Strata: the fact's kind, and for hosts and operators whether the provider is verified. */
export const stratumOf = (f: Fact) => (f.kind === 'host' || f.kind === 'operator' ? `${f.kind}${f.unverified ? ' (not yet verified)' : ''}` : f.kind);

/**
 * `size` facts (or all, if fewer), spread over the strata in proportion to their size with at
 * least `floor` from each (or all of a smaller stratum): the few operator and country facts decide levels, so they are not drowned by the many hosts; within a stratum a seeded shuffle picks.
 */
export function sampleFacts(facts: readonly Fact[], size: number, seed: number, floor = 5): Fact[] {
  const strata = new Map<string, Fact[]>();
  for (const f of [...facts].sort((a, b) => keyOf(a).localeCompare(keyOf(b)))) strata.set(stratumOf(f), [...(strata.get(stratumOf(f)) ?? []), f]);
  const next = seededRandom(seed);
  const picked: Fact[] = [];
  for (const [, members] of [...strata].sort((a, b) => a[0].localeCompare(b[0]))) {
    const share = Math.max(Math.min(floor, members.length), Math.round((size * members.length) / Math.max(facts.length, 1)));
    const shuffled = [...members];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    picked.push(...shuffled.slice(0, share));
  }
  return picked;
}

/** The sample as a Markdown table with an empty "checked" column for the second reader. */
export function sampleTable(sample: readonly Fact[]): string {
  const rows = sample.map((f, i) => `| ${i + 1} | ${stratumOf(f)} | \`${f.subject}\` | ${f.claim.replaceAll('|', '\\|')} | ${f.source.url} |  |`);
  return ['| # | stratum | subject | claim | source | checked |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
