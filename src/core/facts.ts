/**
 * The facts a user is shown for a finding, looked up from the database when shown, with the risk
 * level and the factor that decided it (product-risk.ts, docs/risk-model.md).
 *
 * A request through an aggregator that names a model adds the model's builder as the upstream:
 * with closed weights only the builder can serve it, so the builder's countries count towards
 * the level; with open weights the builder is the model's origin and does not change the level.
 */
import { countryName } from './country.ts';
import type { Translate } from './i18n.ts';
import { intlLocaleOf } from './intl-locale.ts';
import type { Company, CountryCode, HostRole, Unverified } from './provider.ts';
import { decidingFactor, operatingFactsOf, type ProductRisk, productRisk, type RiskFactor } from './product-risk.ts';
import type { RiskDatabase } from './risk-database.ts';
import { type RiskLevel, worstLevel } from './risk-level.ts';
import type { Finding, FindingRef, TabState } from './tab-state.ts';
import { reasonIn } from './fact-card/law-words.ts';

export interface Upstream {
  providerId: string;
  providerName: string;
  familyId: string;
  familyName: string;
  openWeights: boolean;
  /** Absent when the builder is a not-yet-verified provider. */
  operator?: { name: string; country: CountryCode };
  /**
   * Whether the builder's countries count towards the level: closed weights (only the builder
   * serves them), or open weights at a reseller that may send them to the builder's own service.
   */
  counted: boolean;
  /** Open weights that this reseller may send on to the builder's own service (builderRouting). */
  mayReach?: true;
}

export interface FindingFacts {
  providerName: string;
  productName: string;
  role?: HostRole;
  /** Absent for an unknown endpoint and for a not-yet-verified provider: nobody confirmed runs it. */
  operator?: { name: string; country: CountryCode };
  /** Set for a recognised AI service whose operator, country or parent is not confirmed yet. */
  unverified?: Unverified;
  parent?: { name: string; country: CountryCode };
  upstream?: Upstream;
  level: RiskLevel;
  /** The factor that sets the level (the first of the worst); undefined when nothing is rated. */
  decidedBy?: RiskFactor;
  /** Why this level, in one sentence (the law behind it); empty when the country is not rated. */
  reason: string;
  factors: ProductRisk['factors'];
}

export type DescribedFinding = Finding & FindingFacts;

const pick = ({ name, country }: Company) => ({ name, country });

/**
 * Facts for a database reference; `undefined` when the database no longer has the entry. The
 * reasons are in `locale`'s language where the database has them (docs/data.md, "Text in Chinese").
 */
export function factsFor(db: RiskDatabase, ref: FindingRef, model?: string, locale = 'en'): FindingFacts | undefined {
  const found = db.product(ref.productId);
  if (!found || found.provider.id !== ref.providerId) return undefined;
  const { provider, product } = found;
  const risk = productRisk(db, provider, product);
  const upstream = model === undefined ? undefined : upstreamOf(db, provider.id, model);
  if (upstream?.counted) risk.factors.push(...builderFactors(db, upstream));
  if (locale !== 'en') risk.factors = risk.factors.map((f) => localized(db, f, locale));
  const level = worstLevel(risk.factors.map((f) => f.level)) ?? 'unknown';
  const decidedBy = decidingFactor({ ...risk, level });
  const { operator, parent } = operatingFactsOf(provider, product);
  return {
    providerName: provider.name,
    productName: product.name,
    role: ref.role,
    ...(operator ? { operator: pick(operator) } : {}),
    ...(parent ? { parent: pick(parent) } : {}),
    ...(risk.unverified ? { unverified: risk.unverified } : {}),
    ...(upstream ? { upstream } : {}),
    level,
    ...(decidedBy ? { decidedBy } : {}),
    reason: decidedBy?.reason ?? '',
    factors: risk.factors,
  };
}

/** The factor with its country's reason in `locale`'s language, where the database has it. */
function localized(db: RiskDatabase, factor: RiskFactor, locale: string): RiskFactor {
  const j = db.jurisdiction(factor.country);
  return j ? { ...factor, reason: reasonIn(j, locale) } : factor;
}

/** The builder of the model a request named, when it is not the provider the request went to. */
export function upstreamOf(db: RiskDatabase, providerId: string, model: string): Upstream | undefined {
  const match = db.lookupModel(model);
  if (!match || match.builder.id === providerId) return undefined;
  const { builder, family } = match;
  // Where the data goes and whose model it is stay apart: open weights reach the builder only
  // where the reseller may route them to the builder's own service (docs/risk-model.md).
  const mayReach = family.openWeights && db.provider(providerId)?.builderRouting?.mayReachBuilder === true;
  return {
    providerId: builder.id,
    providerName: builder.name,
    familyId: family.id,
    familyName: family.name,
    openWeights: family.openWeights,
    ...(builder.operator ? { operator: pick(builder.operator) } : {}),
    counted: !family.openWeights || mayReach,
    ...(mayReach ? { mayReach: true as const } : {}),
  };
}

function builderFactors(db: RiskDatabase, upstream: Upstream): RiskFactor[] {
  const builder = db.provider(upstream.providerId);
  if (!builder) return [];
  // An unverified builder has no country to count: its model still shows, the level is unchanged.
  if (!builder.operator) return [];
  const companies = [builder.operator, ...(builder.parent ? [builder.parent] : [])];
  return companies.map((company, i) => {
    const j = db.jurisdiction(company.country);
    const owner = i > 0 ? { builderOwner: true } : {};
    const may = upstream.mayReach ? { mayReach: true } : {};
    return { kind: 'model-builder', entity: company.name, ...owner, ...may, country: company.country, level: j?.level ?? 'unknown', reason: j?.reason ?? '', laws: j?.laws ?? [] };
  });
}

/** An endpoint the database does not know: what it is called and why its level is unknown, in the UI language. */
function unknownFacts(t: Translate): FindingFacts {
  const name = t('wUnknownService');
  return { providerName: name, productName: name, level: 'unknown', reason: t('wUnknownReason'), factors: [] };
}

/** Facts of one stored finding; `undefined` when its database entry is gone. */
export function describeFinding(db: RiskDatabase, f: Finding, t: Translate): DescribedFinding | undefined {
  if (f.kind === 'unknown-endpoint') return { ...f, ...unknownFacts(t) };
  if (f.providerId === undefined || f.productId === undefined || f.role === undefined) return undefined;
  const facts = factsFor(db, { providerId: f.providerId, productId: f.productId, role: f.role }, f.model, intlLocaleOf(t));
  return facts && { ...f, ...facts, ...(facts.unverified && !facts.reason ? { reason: t('wUnverifiedReason') } : {}) };
}

/** The tab's findings with their facts; findings whose entry left the database are dropped. */
export function describeFindings(db: RiskDatabase, state: TabState | undefined, t: Translate): DescribedFinding[] {
  return (state?.findings ?? []).flatMap((f) => describeFinding(db, f, t) ?? []);
}

/** Worst level among the findings; `undefined` when there are none. */
export function worstOf(findings: readonly FindingFacts[]): RiskLevel | undefined {
  return worstLevel(findings.map((f) => f.level));
}

/** Groups findings of one provider; each unknown endpoint is a group of its own. */
export function providerKeyOf(f: Pick<Finding, 'providerId' | 'host'>): string {
  return f.providerId ?? `unknown:${f.host}`;
}

/**
 * How a provider is named to people: "DeepSeek (China)", "Unknown AI service at gw.example.com",
 * and, when a closed-weights model sends the data on to its builder,
 * "OpenRouter (United States) → ByteDance (China)".
 */
export function providerLabel(f: DescribedFinding, t: Translate): string {
  const label = f.operator ? companyLabel(f.providerName, f.operator.country, t) : f.unverified ? t('wProviderUnverified', [shortName(f.providerName)]) : undefined;
  if (label === undefined) return t('wProviderAt', [f.providerName, f.host]);
  const builder = f.upstream?.counted && f.upstream.operator ? companyLabel(f.upstream.providerName, f.upstream.operator.country, t) : undefined;
  return builder ? t('wFlowStep', [label, builder]) : label;
}

/** "DeepSeek (China)", with the country named in the UI language. */
export function companyLabel(name: string, country: CountryCode, t: Translate): string {
  return t('wProviderIn', [shortName(name), countryName(country, intlLocaleOf(t))]);
}

/**
 * A name as a sentence uses it beside a country: without the products the database lists after
 * it ("ByteDance (Doubao, Coze, Trae)" → "ByteDance"), so no sentence reads "ByteDance (Doubao,
 * Coze, Trae) (China)". Card headings keep the whole name.
 */
export function shortName(name: string): string {
  const short = name.replace(/\s*[(（][^()（）]*[)）]$/u, '');
  return short.length >= 2 ? short : name;
}
