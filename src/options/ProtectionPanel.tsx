/** How the extension acts: mode, risk threshold, country ratings, in-page warning, audit log. */
import { useMemo } from 'preact/hooks';
import { database } from '../core/database.ts';
import { BlockLevelField } from './BlockLevelField.tsx';
import { countryChoices } from './choices.ts';
import { CountryLevelsField } from './CountryLevelsField.tsx';
import { ModeField } from './ModeField.tsx';
import { PreferredToolField } from './PreferredToolField.tsx';
import { RetentionField } from './RetentionField.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { StrictNetworkField } from './StrictNetworkField.tsx';
import { WarningField } from './WarningField.tsx';
import { t } from '../shared/t.ts';

export function ProtectionPanel({ settings }: { settings: ReadySettings }) {
  const countries = useMemo(() => countryChoices(database), []);
  return (
    <section class="panel" id="mode" aria-labelledby="protection-title">
      <h2 id="protection-title">{t('optProtectionTitle')}</h2>
      <ModeField settings={settings} />
      <BlockLevelField settings={settings} />
      <CountryLevelsField settings={settings} db={database} countries={countries} />
      <WarningField settings={settings} />
      <PreferredToolField settings={settings} />
      <RetentionField settings={settings} />
      <StrictNetworkField settings={settings} />
    </section>
  );
}
