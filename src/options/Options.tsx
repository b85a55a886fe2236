/**
 * Options page: a menu of sections (options.html#audit opens at the audit log), the settings in
 * force and who set them, the user's own choices, the audit log, the policy, the database, a
 * backup of the user's settings, and last what support staff ask about.
 */
import icon from '../../assets/icons/icon-32.png';
import browser from 'webextension-polyfill';
import { AdvancedPanel } from './AdvancedPanel.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { database } from '../core/database.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { DatabasePanel } from './DatabasePanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ListsPanel } from './ListsPanel.tsx';
import { OptionsNav } from './OptionsNav.tsx';
import { PolicyPanel } from './PolicyPanel.tsx';
import { ProtectionPanel } from './ProtectionPanel.tsx';
import { SettingsTransfer } from './SettingsTransfer.tsx';
import { SiteAccessPanel } from './SiteAccessPanel.tsx';
import { type ReadySettings, useOptionsSettings } from './use-options-settings.ts';
import { useSectionLinks } from './use-section-links.ts';
import { t } from '../shared/t.ts';

export function Options() {
  const { version } = browser.runtime.getManifest();
  const settings = useOptionsSettings();
  const { view } = settings;
  const ready: ReadySettings | null = view ? { ...settings, view } : null;
  const links = useSectionLinks(ready !== null);
  return (
    <div class="options-page">
      <OptionsNav current={links.current} onFollow={links.follow} />
      <main class="options">
        <header class="page-head">
          <img src={icon} alt="" width="32" height="32" />
          <div>
            <h1>{t('extName')}</h1>
            <p class="muted">{t('optSettingsVersion', [version])}</p>
          </div>
        </header>
        <SiteAccessPanel />
        {view && Object.keys(view.policy).length > 0 && (
          <p class="banner" data-banner="managed">
            <span aria-hidden="true">🏢 </span>
            {t('optManagedBanner')} <a href="#policy">{t('optSeePolicy')}</a>
          </p>
        )}
        {settings.loadError && (
          <p class="field-error" role="alert">
            {t('optLoadFailed', [settings.loadError])}
          </p>
        )}
        {ready ? (
          <>
            <ProtectionPanel settings={ready} />
            <ListsPanel settings={ready} />
          </>
        ) : (
          !settings.loadError && (
            <p class="muted" role="status">
              {t('optLoading')}
            </p>
          )
        )}
        <AuditPanel retentionDays={view?.settings.auditRetentionDays} />
        {ready && <PolicyPanel view={ready.view} />}
        <DatabasePanel db={view ? policyDatabase(database, view.settings) : database} />
        {ready && <ExportPanel view={ready.view} />}
        {ready && <SettingsTransfer settings={ready} />}
        <AdvancedPanel rules={view ? view.rules : undefined} />
      </main>
    </div>
  );
}
