/**
 * "Block United States", asked first: a whole country covers many services, so the popup says how
 * many and names a few, counted by the rule the block rules use (core/block-actions/country-reach.ts).
 */
import { countryReach } from '../core/block-actions/country-reach.ts';
import { countryName } from '../core/country.ts';
import { listOf } from '../core/i18n.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { t } from '../shared/t.ts';
import { BlockToggle } from './BlockToggle.tsx';
import type { Settings } from './use-settings.ts';

interface Props {
  settings: Settings;
  db: RiskDatabase;
  country: string;
  /** The service the card is about: named first among the examples. */
  providerId: string;
}

export function CountryToggle({ settings, db, country, providerId }: Props) {
  const name = countryName(country, intlLocaleOf(t));
  const reach = countryReach(db, country, [providerId]);
  const examples = listOf(t, reach.examples);
  const count = new Intl.NumberFormat(intlLocaleOf(t)).format(reach.count);
  const text =
    reach.count === 1 ? t('popCountryConfirmOne', [name, examples])
    : reach.count > reach.examples.length ? t('popCountryConfirm', [name, count, examples])
    : t('popCountryConfirmAll', [name, count, examples]);
  const action = t(reach.count === 1 ? 'popCountryConfirmYesOne' : 'popCountryConfirmYes', [count]);
  return <BlockToggle settings={settings} list="blockedCountries" value={country} label={name} confirm={{ text, action }} />;
}
