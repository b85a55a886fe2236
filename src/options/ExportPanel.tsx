/**
 * Exports for other layers: the database's AI hosts (or those the settings in force block) as a
 * hosts file, an AdGuard/uBlock list, a DNS RPZ zone, Chrome's URLBlocklist policy, Defender
 * indicators or a plain list (src/core/export, docs/exports.md; the same as `npm run export`).
 * Made in the page from the bundled database: nothing is sent anywhere.
 */
import { useState } from 'preact/hooks';
import { database } from '../core/database.ts';
import { databaseVersion } from '../core/database/database-version.ts';
import { exportEntries, type ExportFilter } from '../core/export/export-entries.ts';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat, exportFile } from '../core/export/export-formats.ts';
import { selectionText } from '../core/export/export-selection.ts';
import { policyDatabase } from '../core/policy-database.ts';
import type { RiskLevel } from '../core/risk-level.ts';
import type { SettingsView } from '../core/settings-view.ts';
import { t } from '../shared/t.ts';
import { LEVEL_WORDS } from './BlockLevelField.tsx';
import { downloadText } from './download.ts';

const FORMAT_WORDS: Record<ExportFormat, string> = {
  hosts: 'optExportHosts',
  adblock: 'optExportAdblock',
  rpz: 'optExportRpz',
  'chrome-urlblocklist': 'optExportUrlBlocklist',
  'defender-csv': 'optExportDefender',
  domains: 'optExportDomains',
};

export function ExportPanel({ view }: { view: SettingsView }) {
  const [format, setFormat] = useState<ExportFormat>('hosts');
  const [blockedOnly, setBlockedOnly] = useState(true);
  const [level, setLevel] = useState<RiskLevel | ''>('');
  const [made, setMade] = useState<ExportFile | null>(null);
  const make = () => {
    const db = policyDatabase(database, view.settings);
    const filter: ExportFilter = { blockedOnly, ...(level ? { level } : {}) };
    const v = databaseVersion(db);
    const file = exportFile(format, exportEntries(db, view.settings, filter), { now: Date.now(), selection: selectionText(filter), database: `reviewed ${v.reviewed}, fingerprint ${v.fingerprint}` });
    downloadText(file.fileName, file.mime, file.text);
    setMade(file);
  };
  return (
    <section class="panel" id="export" aria-labelledby="export-title">
      <h2 id="export-title">{t('optExportTitle')}</h2>
      <p>{t('optExportIntro')}</p>
      <div class="export-form">
        <label>
          {t('optExportFormat')}{' '}
          <select value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)} data-export-format>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_WORDS[f])}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('optExportWhich')}</legend>
          <label>
            <input type="radio" name="export-which" checked={blockedOnly} onChange={() => setBlockedOnly(true)} data-export-which="blocked" /> {t('optExportBlocked')}
          </label>
          <label>
            <input type="radio" name="export-which" checked={!blockedOnly} onChange={() => setBlockedOnly(false)} data-export-which="all" /> {t('optExportAll')}
          </label>
        </fieldset>
        <label>
          {t('optExportLevel')}{' '}
          <select value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value as RiskLevel | '')} data-export-level>
            <option value="">{t('optThresholdAny')}</option>
            {(['unknown', 'medium', 'high'] as const).map((l) => (
              <option key={l} value={l}>
                {t(LEVEL_WORDS[l])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={make} data-export-download>
          {t('optExportDownload')}
        </button>
      </div>
      {made && (
        <p role="status" data-export-result={made.count}>
          {made.leftOut.length ? t('optExportMadeLeftOut', [made.count, made.leftOut.length, made.leftOut.map((l) => l.host).join(t('listSeparator'))]) : t('optExportMade', [made.count])}
        </p>
      )}
    </section>
  );
}
