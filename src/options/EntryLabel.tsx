/** A list entry in words: a provider's name and country, a country's name, a site's hostname. */
import { countryName } from '../core/country.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { Country } from '../ui/Country.tsx';
import type { EntryKind } from './list-info.ts';
import { t } from '../shared/t.ts';

export function entryName(kind: EntryKind, value: string, db: RiskDatabase): string {
  if (kind === 'provider') return db.provider(value)?.name ?? value;
  return kind === 'country' ? countryName(value, intlLocaleOf(t)) : value;
}

export function EntryLabel({ kind, value, db }: { kind: EntryKind; value: string; db: RiskDatabase }) {
  if (kind === 'country') return <Country code={value} />;
  if (kind === 'site') return <code class="site">{value}</code>;
  const provider = db.provider(value);
  return (
    <span class="provider">
      <span class="name">{provider?.name ?? value}</span>
      {provider && (
        <span class="sub">
          {provider.operator ? <Country code={provider.operator.country} /> : t('wNotVerified')}
        </span>
      )}
    </span>
  );
}
