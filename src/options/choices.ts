/** What the add controls offer: providers and countries of the (policy) database, by name. */
import { countryFlag, countryName } from '../core/country.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { t } from '../shared/t.ts';

export interface Choice {
  value: string;
  label: string;
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label);

export function providerChoices(db: RiskDatabase): Choice[] {
  return db.providers.map((p) => ({ value: p.id, label: `${p.name} (${p.operator ? countryName(p.operator.country, intlLocaleOf(t)) : t('wNotVerified')})` })).sort(byLabel);
}

/** Every country a provider or product of the database names, and every rated one. */
export function countryChoices(db: RiskDatabase): Choice[] {
  const codes = new Set(Object.keys(db.compiled.jurisdictions));
  for (const provider of db.providers) {
    for (const facts of [provider, ...provider.products]) {
      for (const company of [facts.operator, facts.parent, ...(facts.regionalEntities ?? [])]) if (company) codes.add(company.country);
      for (const code of facts.dataLocations?.countries ?? []) codes.add(code);
    }
  }
  // Sorted by name; the flag goes in front only for display.
  return [...codes]
    .map((code) => ({ value: code, name: countryName(code, intlLocaleOf(t)) }))
    .sort((a, b) => a.name.localeCompare(b.name, intlLocaleOf(t)))
    .map(({ value, name }) => ({ value, label: `${countryFlag(value)} ${name}`.trim() }));
}
