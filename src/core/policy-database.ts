/**
 * The risk database as an organization sees it: the bundled one plus the policy's extra
 * providers (internal gateways, services too new for the database), with the policy's country
 * levels in place of the database's. Everything downstream (facts, badge, block rules) takes a
 * RiskDatabase, so it follows the policy without knowing about it.
 */
import { compileDatabase } from './database/compile-database.ts';
import { countryName } from './country.ts';
import type { Jurisdiction, Provider, Source } from './provider.ts';
import { RiskDatabase } from './risk-database.ts';
import type { CountryLevel, ExtraProvider } from './settings.ts';

export interface DatabaseOverrides {
  countryLevels: Record<string, CountryLevel>;
  extraProviders: readonly ExtraProvider[];
}

/** Facts an organization states stand on its word: the source is its URL, or none. */
function sourceOf(extra: ExtraProvider): Source {
  return { url: extra.url ?? '', reviewed: '' };
}

/** Product ID of an extra provider's one product; `policy:` never occurs in database IDs. */
export const extraProductId = (providerId: string) => `policy:${providerId}`;

export function providerOfExtra(extra: ExtraProvider): Provider {
  const source = sourceOf(extra);
  return {
    id: extra.id,
    name: extra.name,
    kinds: ['app'],
    operator: { name: extra.name, country: extra.country, source },
    ...(extra.dataCountries?.length ? { dataLocations: { countries: extra.dataCountries, source } } : {}),
    products: [{ id: extraProductId(extra.id), name: extra.name, hosts: extra.hosts.map((host) => ({ host, role: 'api', source })) }],
    addedBy: 'organization',
  };
}

/** The level in a Chinese sentence (the popup's badge words, words.json). */
const LEVEL_ZH: Record<CountryLevel, string> = { low: '低', medium: '中', high: '高' };

function rated(base: Jurisdiction | undefined, country: string, level: CountryLevel): Jurisdiction {
  const kept = base !== undefined && base.level === level;
  const reason = `Your organization rates ${countryName(country)} as ${level} risk.`;
  const zh = `您的组织将${countryName(country, 'zh-CN')}评为${LEVEL_ZH[level]}风险。`;
  return {
    country,
    level,
    reason: kept ? base.reason : reason,
    ...(kept ? (base.reasons ? { reasons: base.reasons } : {}) : { reasons: { zh_CN: zh } }),
    laws: base?.laws ?? [],
    ...(base?.euAdequacy ? { euAdequacy: base.euAdequacy } : {}),
    source: base?.source ?? { url: '', reviewed: '' },
    ratedBy: 'organization',
  };
}

const cache = new WeakMap<RiskDatabase, { key: string; db: RiskDatabase }>();

/** `db` with the overrides applied; the same object when there are none. Memoised per input. */
export function policyDatabase(db: RiskDatabase, overrides: DatabaseOverrides): RiskDatabase {
  const levels = Object.entries(overrides.countryLevels);
  if (levels.length === 0 && overrides.extraProviders.length === 0) return db;
  const key = JSON.stringify([levels, overrides.extraProviders]);
  const hit = cache.get(db);
  if (hit?.key === key) return hit.db;
  const { compiled } = db;
  const jurisdictions = Object.values(compiled.jurisdictions).map((j) => {
    const level = overrides.countryLevels[j.country];
    return level ? rated(j, j.country, level) : j;
  });
  for (const [country, level] of levels) {
    if (!Object.hasOwn(compiled.jurisdictions, country)) jurisdictions.push(rated(undefined, country, level));
  }
  // The database's providers are already sorted; recompiling keeps their order and appends the extras.
  const next = new RiskDatabase(
    compileDatabase({ providers: [...compiled.providers], jurisdictions, laws: Object.values(compiled.laws) }, overrides.extraProviders.map(providerOfExtra)),
  );
  cache.set(db, { key, db: next });
  return next;
}
