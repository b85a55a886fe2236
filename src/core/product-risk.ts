/**
 * How a product's risk level follows from the facts (docs/risk-model.md): every country that
 * decides who can be compelled to hand over a user's data counts — the operator's, the parent
 * company's, each regional entity's and each declared data location — and the level is the worst
 * of them. A country without a rating counts as `unknown`; a fact that is not stated adds nothing
 * and never lowers the level. Admin policy may later replace a country's level (`levelOf`).
 */
import type { RiskDatabase } from './risk-database.ts';
import type { Company, CountryCode, OperatingFacts, Product, Provider, RegionalEntity, Unverified } from './provider.ts';
import { type RiskLevel, worstLevel } from './risk-level.ts';

export type FactorKind = 'operator' | 'parent' | 'regional-entity' | 'data-location' | 'model-builder';

export interface RiskFactor {
  kind: FactorKind;
  /** The company (for operator, parent, regional entity, model builder). */
  entity?: string;
  /** Which users a regional entity serves, in the database's words (why its country counts). */
  serves?: string;
  /** A model builder's parent company rather than the builder itself (facts.ts). */
  builderOwner?: boolean;
  /** An open-weight model's builder that counts because the reseller may route to its own service. */
  mayReach?: boolean;
  country: CountryCode;
  level: RiskLevel;
  /** The jurisdiction's one-sentence reason; empty when the country is not rated. */
  reason: string;
  /** Law IDs that apply in that country. */
  laws: string[];
}

export interface ProductRisk {
  level: RiskLevel;
  factors: RiskFactor[];
  /** Facts the database does not state for this product (shown as "not stated"). */
  notStated: Array<'parent' | 'dataLocations' | 'trainsOnInputs'>;
  /** Set when who runs the product is not yet confirmed: the level is then at least `unknown`. */
  unverified?: Unverified;
}

/** The factor that sets the level: the first counted country at the product's level. */
export function decidingFactor(risk: ProductRisk): RiskFactor | undefined {
  return risk.factors.find((f) => f.level === risk.level);
}

/**
 * The facts that apply to a product: its own where it states them, else its provider's. `operator`
 * is absent only for a not-yet-verified provider.
 */
export function operatingFactsOf(provider: Provider, product: Product): OperatingFacts {
  // Ownership is one answer: a product's own "no parent" is not topped up with its provider's parent.
  const owner = product.parent || product.noParent ? product : provider;
  return {
    operator: product.operator ?? provider.operator,
    ...(owner.parent ? { parent: owner.parent } : {}),
    ...(owner.noParent ? { noParent: owner.noParent } : {}),
    regionalEntities: product.regionalEntities ?? provider.regionalEntities,
    dataLocations: product.dataLocations ?? provider.dataLocations,
    trainsOnInputs: product.trainsOnInputs ?? provider.trainsOnInputs,
    retention: product.retention ?? provider.retention,
    privacyPolicy: product.privacyPolicy ?? provider.privacyPolicy,
    terms: product.terms ?? provider.terms,
  };
}

export type LevelOf = (country: CountryCode) => RiskLevel | undefined;

export function productRisk(db: RiskDatabase, provider: Provider, product: Product, levelOf?: LevelOf): ProductRisk {
  const facts = operatingFactsOf(provider, product);
  const factors: RiskFactor[] = [];
  const seen = new Set<string>();
  const add = (kind: FactorKind, country: CountryCode, company?: Company | RegionalEntity) => {
    const key = `${kind}:${country}:${company?.name ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const j = db.jurisdiction(country);
    const level = levelOf?.(country) ?? j?.level ?? 'unknown';
    const serves = company && 'serves' in company ? { serves: company.serves } : {};
    factors.push({ kind, ...(company ? { entity: company.name } : {}), ...serves, country, level, reason: j?.reason ?? '', laws: j?.laws ?? [] });
  };
  if (facts.operator) add('operator', facts.operator.country, facts.operator);
  if (facts.parent) add('parent', facts.parent.country, facts.parent);
  for (const e of facts.regionalEntities ?? []) add('regional-entity', e.country, e);
  for (const c of facts.dataLocations?.countries ?? []) add('data-location', c);
  const notStated: ProductRisk['notStated'] = [];
  if (!facts.parent && !facts.noParent) notStated.push('parent');
  if (!facts.dataLocations) notStated.push('dataLocations');
  if (!facts.trainsOnInputs) notStated.push('trainsOnInputs');
  // A provider nobody has confirmed is rated `unknown` however low its known facts are: what is
  // missing (its operator, the operator's country or its parent) could be anywhere. Known worse
  // facts (data stored in a high-rated country) still raise it.
  const levels = factors.map((f) => f.level);
  if (provider.unverified) levels.push('unknown');
  const level = worstLevel(levels) ?? 'unknown';
  return { level, factors, notStated, ...(provider.unverified ? { unverified: provider.unverified } : {}) };
}
