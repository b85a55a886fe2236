/**
 * What support staff ask about and most people never need, last on the page: the browser rules
 * in force, the database's format and fingerprint, and how the CSV export guards spreadsheets.
 */
import { database } from '../core/database.ts';
import { databaseVersion } from '../core/database/database-version.ts';
import type { RulesStatus as Status } from '../core/settings-view.ts';
import { t } from '../shared/t.ts';
import { RulesStatus } from './RulesStatus.tsx';

export function AdvancedPanel({ rules }: { rules: Status | null | undefined }) {
  const version = databaseVersion(database);
  return (
    <section class="panel advanced" id="advanced" aria-labelledby="advanced-title">
      <h2 id="advanced-title">{t('optAdvancedTitle')}</h2>
      <p class="muted">{t('optAdvancedIntro')}</p>
      {rules !== undefined && <RulesStatus rules={rules} />}
      <div class="advanced-part" id="db-version">
        <h3>{t('optAdvancedDbTitle')}</h3>
        <p class="db-version" data-db-fingerprint={version.fingerprint}>
          {t('optDbVersion', [version.format, version.reviewed || '–', version.fingerprint])}
        </p>
      </div>
      <div class="advanced-part" id="csv-note">
        <h3>{t('optAdvancedCsvTitle')}</h3>
        <p>{t('optAdvancedCsv')}</p>
      </div>
    </section>
  );
}
