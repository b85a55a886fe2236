/** What the bundled risk database holds, its version, and its providers and laws to browse (data-stat attributes are read by tests). */
import { database } from '../core/database.ts';
import { databaseStats } from '../core/database/database-stats.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { t } from '../shared/t.ts';
import { LawBrowser } from './LawBrowser.tsx';
import { ProviderBrowser } from './ProviderBrowser.tsx';

const STATS = [
  ['providers', 'optStatProviders'],
  ['products', 'optStatProducts'],
  ['hosts', 'optStatHosts'],
  ['countries', 'optStatCountries'],
  ['laws', 'optStatLaws'],
  ['modelFamilies', 'optStatModelFamilies'],
] as const;

/** `db` is the database as the policy changes it (its country ratings and own services). */
export function DatabasePanel({ db = database }: { db?: RiskDatabase }) {
  const stats = databaseStats(database);
  return (
    <section class="panel" id="database" aria-labelledby="db-title">
      <h2 id="db-title">{t('optDbTitle')}</h2>
      <dl class="stats">
        {STATS.map(([key, label]) => (
          <div key={key}>
            <dt>{t(label)}</dt>
            <dd data-stat={key}>{stats[key]}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t('optDbBundled')}</p>
      <ProviderBrowser db={db} />
      <LawBrowser db={db} />
    </section>
  );
}
