/**
 * The laws behind a card's level: for each country that counts (operator, parent, regional
 * entity, data location, model builder), the database's laws with their articles, the law's own
 * summary and its source. Database text stays as written (English); only the frame is translated.
 */
import type { DescribedFinding } from '../core/facts.ts';
import type { Law } from '../core/provider.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { compareLevels, type RiskLevel } from '../core/risk-level.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';

interface CountryLaws {
  country: string;
  level: RiskLevel;
  laws: Law[];
}

/** Countries worst first, each once, with the laws the database lists for it. */
export function lawsByCountry(findings: readonly DescribedFinding[], db: RiskDatabase): CountryLaws[] {
  const byCountry = new Map<string, CountryLaws>();
  for (const factor of findings.flatMap((f) => f.factors)) {
    if (byCountry.has(factor.country)) continue;
    byCountry.set(factor.country, { country: factor.country, level: factor.level, laws: factor.laws.flatMap((id) => db.law(id) ?? []) });
  }
  return [...byCountry.values()].filter((c) => c.laws.length > 0).sort((a, b) => compareLevels(b.level, a.level));
}

export function LawList({ findings, db }: { findings: DescribedFinding[]; db: RiskDatabase }) {
  const countries = lawsByCountry(findings, db);
  if (countries.length === 0) return null;
  const total = countries.reduce((n, c) => n + c.laws.length, 0);
  return (
    <details class="more laws-box">
      <summary>{t('popLawsSummary', [total])}</summary>
      {countries.map((c) => (
        <section class="law-country" key={c.country} data-country-laws={c.country}>
          <h3>
            <Country code={c.country} /> <LevelBadge level={c.level} />
          </h3>
          <ul class="laws">
            {c.laws.map((law) => (
              <li key={law.id} data-law={law.id}>
                <p class="law-name">
                  <a href={law.source.url} target="_blank" rel="noreferrer">
                    {law.name}
                  </a>{' '}
                  <span class="law-year">({law.year})</span>
                </p>
                {law.articles.length > 0 && <p class="law-articles">{law.articles.map((a) => a.ref).join(' · ')}</p>}
                <p class="law-summary">{law.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
