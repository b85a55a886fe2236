/**
 * The facts a user is shown for a finding, looked up from the database when shown. The
 * foundation rates by the operator's country only; the risk-model issue adds parent company and
 * data location and documents the rules in docs/risk-model.md.
 */
import { countryName } from './country.ts';
import type { RiskDatabase } from './provider.ts';
import { type RiskLevel, worstLevel } from './risk-level.ts';
import type { CountryCode, HostRole } from './provider.ts';
import type { Finding, FindingRef, TabState } from './tab-state.ts';

export interface FindingFacts extends FindingRef {
  providerName: string;
  productName: string;
  role: HostRole;
  operator: { name: string; country: CountryCode };
  level: RiskLevel;
  /** Why this level, in one sentence (the law behind it); empty when the country is not rated. */
  reason: string;
}

export type DescribedFinding = Finding & FindingFacts;

/** Facts for a database reference; `undefined` when the database no longer has the entry. */
export function factsFor(db: RiskDatabase, ref: FindingRef): FindingFacts | undefined {
  const provider = db.providers.find((p) => p.id === ref.providerId);
  const product = provider?.products.find((p) => p.id === ref.productId);
  if (!provider || !product) return undefined;
  const rating = db.jurisdictions.find((j) => j.country === provider.operator.country);
  return {
    ...ref,
    providerName: provider.name,
    productName: product.name,
    operator: { name: provider.operator.name, country: provider.operator.country },
    // A country the database does not rate yet is "unknown", never silently "low".
    level: rating?.level ?? 'unknown',
    reason: rating?.reason ?? '',
  };
}

/** The tab's findings with their facts; findings whose entry left the database are dropped. */
export function describeFindings(db: RiskDatabase, state: TabState | undefined): DescribedFinding[] {
  return (state?.findings ?? []).flatMap((f) => {
    const facts = factsFor(db, f);
    return facts ? [{ ...f, ...facts }] : [];
  });
}

/** Worst level among the findings; `undefined` when there are none. */
export function worstOf(findings: readonly FindingFacts[]): RiskLevel | undefined {
  return worstLevel(findings.map((f) => f.level));
}

/** How a provider is named to people: "DeepSeek (China)". */
export function providerLabel(f: FindingFacts): string {
  return `${f.providerName} (${countryName(f.operator.country)})`;
}
