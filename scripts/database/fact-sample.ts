/**
 * A seeded, stratified random sample of the facts a change added to the database, for a second
 * reader to check against their sources (`npm run -s sample-facts`, docs/data.md). A fact is one
 * claim with its source: a host and the product that claims it, a provider's or product's
 * operator, that operator's country, a parent and its country or "no parent", a regional entity,
 * a privacy policy or terms link, data locations, training use (per plan), retention; and of the
 * laws and countries, each Chinese summary, gist and reason with the text it was written from.
 */
import type { OperatingFacts, Provider, RiskDatabaseSource, Source, TierTraining, TrainingUse } from '../../src/core/provider.ts';
import { seededRandom } from '../seeded-random.ts';

export const FACT_KINDS = [
  'host',
  'operator',
  'country',
  'parent',
  'no-parent',
  'regional-entity',
  'privacy-policy',
  'terms',
  'data-locations',
  'training',
  'retention',
  'law-text-zh',
  'country-reason-zh',
] as const;
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

const trainingClaim = (t: TrainingUse | TierTraining) => `${t.byDefault ? (t.optOut ? 'yes, unless the user opts out' : 'yes, by default') : 'no'}${t.tier ? ` (${t.tier})` : ''}${t.note ? `: ${t.note}` : ''}`;

export function factsOf(providers: readonly Provider[], laws: Pick<RiskDatabaseSource, 'laws' | 'jurisdictions'> = { laws: [], jurisdictions: [] }): Fact[] {
  const out: Fact[] = [];
  for (const p of providers) {
    const unverified = p.unverified !== undefined;
    const add = (kind: FactKind, subject: string, claim: string, source: Source) => out.push({ kind, subject, claim, source, unverified });
    const stated = (subject: string, facts: Omit<OperatingFacts, 'operator'> & Pick<Provider, 'operator'>) => {
      if (facts.operator) {
        add('operator', subject, facts.operator.name, facts.operator.source);
        add('country', subject, `${facts.operator.name}: ${facts.operator.country}`, facts.operator.source);
      }
      if (facts.parent) add('parent', subject, `${facts.parent.name}: ${facts.parent.country}`, facts.parent.source);
      if (facts.noParent) add('no-parent', subject, `no parent company${facts.noParent.note ? `: ${facts.noParent.note}` : ''}`, facts.noParent.source);
      for (const e of facts.regionalEntities ?? []) add('regional-entity', `${subject} ${e.name}`, `${e.name}: ${e.country}, serves ${e.serves}`, e.source);
      if (facts.privacyPolicy) add('privacy-policy', subject, 'its privacy policy', facts.privacyPolicy);
      if (facts.terms) add('terms', subject, 'its terms', facts.terms);
      if (facts.dataLocations) add('data-locations', subject, `${facts.dataLocations.countries.join(', ')}${facts.dataLocations.note ? `: ${facts.dataLocations.note}` : ''}`, facts.dataLocations.source);
      if (facts.trainsOnInputs) {
        add('training', subject, trainingClaim(facts.trainsOnInputs), facts.trainsOnInputs.source);
        for (const o of facts.trainsOnInputs.otherTiers ?? []) add('training', `${subject} (${o.tier})`, trainingClaim(o), o.source);
      }
      if (facts.retention) add('retention', subject, facts.retention.note, facts.retention.source);
    };
    stated(p.id, p);
    for (const product of p.products) {
      stated(`${p.id}/${product.id}`, product);
      for (const h of product.hosts) add('host', h.host, `${p.id}/${product.id} (${h.role})`, h.source);
    }
  }
  // Chinese text is checked against what it was written from: a Chinese law's official text, else the English source.
  for (const law of laws.laws) {
    const source = law.officialText ?? law.source;
    const push = (subject: string, claim: string | undefined) => claim && out.push({ kind: 'law-text-zh', subject, claim, source, unverified: false });
    push(`${law.id} name`, law.names?.zh_CN);
    push(`${law.id} summary`, law.summaries?.zh_CN);
    for (const a of law.articles) push(`${law.id} ${a.ref}`, a.gists?.zh_CN);
  }
  for (const j of laws.jurisdictions) {
    if (j.reasons?.zh_CN) out.push({ kind: 'country-reason-zh', subject: j.country, claim: j.reasons.zh_CN, source: j.source, unverified: false });
  }
  return out;
}

/** Facts of `after` that `before` does not hold with the same claim. */
export function newFacts(before: RiskDatabaseSource, after: RiskDatabaseSource): Fact[] {
  const old = new Map(factsOf(before.providers, before).map((f) => [keyOf(f), f.claim]));
  return factsOf(after.providers, after).filter((f) => old.get(keyOf(f)) !== f.claim);
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
