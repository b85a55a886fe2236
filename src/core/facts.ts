/**
 * The facts a user is shown for a finding, looked up from the database when shown, with the risk
 * level and the factor that decided it (product-risk.ts, docs/risk-model.md).
 */
import { countryName } from './country.ts';
import type { Company, CountryCode, HostRole } from './provider.ts';
import { decidingFactor, operatingFactsOf, type ProductRisk, productRisk, type RiskFactor } from './product-risk.ts';
import type { RiskDatabase } from './risk-database.ts';
import { type RiskLevel, worstLevel } from './risk-level.ts';
import type { Finding, FindingRef, TabState } from './tab-state.ts';

export interface FindingFacts extends FindingRef {
  providerName: string;
  productName: string;
  role: HostRole;
  operator: { name: string; country: CountryCode };
  parent?: { name: string; country: CountryCode };
  level: RiskLevel;
  /** The factor that sets the level (the first of the worst); undefined when nothing is rated. */
  decidedBy?: RiskFactor;
  /** Why this level, in one sentence (the law behind it); empty when the country is not rated. */
  reason: string;
  factors: ProductRisk['factors'];
}

export type DescribedFinding = Finding & FindingFacts;

const pick = ({ name, country }: Company) => ({ name, country });

/** Facts for a database reference; `undefined` when the database no longer has the entry. */
export function factsFor(db: RiskDatabase, ref: FindingRef): FindingFacts | undefined {
  const found = db.product(ref.productId);
  if (!found || found.provider.id !== ref.providerId) return undefined;
  const { provider, product } = found;
  const risk = productRisk(db, provider, product);
  const decidedBy = decidingFactor(risk);
  const { operator, parent } = operatingFactsOf(provider, product);
  return {
    ...ref,
    providerName: provider.name,
    productName: product.name,
    operator: pick(operator),
    ...(parent ? { parent: pick(parent) } : {}),
    level: risk.level,
    ...(decidedBy ? { decidedBy } : {}),
    reason: decidedBy?.reason ?? '',
    factors: risk.factors,
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
