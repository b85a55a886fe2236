/**
 * The laws behind a card, as the laws list shows them: every country that counts (operator,
 * parent, regional entity, data location, model builder) worst first, each with why it counts and
 * its laws grouped by what they do — laws that let the state obtain data first, then other state
 * powers, then privacy and data-protection laws (Law.kind, docs/data.md).
 */
import type { RiskFactor } from '../product-risk.ts';
import { LAW_KINDS, type Law, type LawKind } from '../provider.ts';
import type { RiskDatabase } from '../risk-database.ts';
import { compareLevels, type RiskLevel } from '../risk-level.ts';

export interface LawGroup {
  kind: LawKind;
  laws: Law[];
}

export interface CountryLaws {
  country: string;
  level: RiskLevel;
  /** The factors placing the service in this country (why it counts). */
  factors: RiskFactor[];
  groups: LawGroup[];
}

/** Laws in the order of LAW_KINDS, each kind once; kinds without a law are left out. */
export function groupLaws(laws: readonly Law[]): LawGroup[] {
  return LAW_KINDS.map((kind) => ({ kind, laws: laws.filter((l) => l.kind === kind) })).filter((g) => g.laws.length > 0);
}

/** Countries worst first (ties keep the order they count in), each once, with their laws grouped. */
export function lawsByCountry(factors: readonly RiskFactor[], db: RiskDatabase): CountryLaws[] {
  const byCountry = new Map<string, { level: RiskLevel; factors: RiskFactor[]; ids: string[] }>();
  for (const factor of factors) {
    const entry = byCountry.get(factor.country);
    if (entry) entry.factors.push(factor);
    else byCountry.set(factor.country, { level: factor.level, factors: [factor], ids: factor.laws });
  }
  return [...byCountry.entries()]
    .map(([country, e]) => ({ country, level: e.level, factors: e.factors, groups: groupLaws(e.ids.flatMap((id) => db.law(id) ?? [])) }))
    .filter((c) => c.groups.length > 0)
    .sort((a, b) => compareLevels(b.level, a.level));
}

/** How many laws the list shows. */
export const lawCount = (countries: readonly CountryLaws[]) => countries.reduce((n, c) => n + c.groups.reduce((m, g) => m + g.laws.length, 0), 0);
