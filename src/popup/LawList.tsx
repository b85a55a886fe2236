/**
 * The laws behind a card's level, folded: every country that counts (operator, parent, regional
 * entity, data location, model builder), why it counts, and its laws grouped by what they do
 * (src/ui/CountryLaws.tsx, src/core/fact-card/law-groups.ts).
 */
import type { DescribedFinding } from '../core/facts.ts';
import { lawCount, lawsByCountry } from '../core/fact-card/law-groups.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { t } from '../shared/t.ts';
import { CountryLaws } from '../ui/CountryLaws.tsx';

export function LawList({ findings, db }: { findings: DescribedFinding[]; db: RiskDatabase }) {
  const countries = lawsByCountry(
    findings.flatMap((f) => f.factors),
    db,
  );
  const [first] = findings;
  if (countries.length === 0 || !first) return null;
  return (
    <details class="more laws-box">
      <summary>{t('popLawsSummary', [lawCount(countries)])}</summary>
      <CountryLaws countries={countries} provider={first.providerName} level={3} />
    </details>
  );
}
