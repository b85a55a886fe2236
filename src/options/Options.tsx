/** Options page: the settings in force and who set them, the user's own choices, and the policy. */
import icon from '../../assets/icons/icon-32.png';
import browser from 'webextension-polyfill';
import { DatabasePanel } from './DatabasePanel.tsx';
import { ListsPanel } from './ListsPanel.tsx';
import { PolicyPanel } from './PolicyPanel.tsx';
import { ProtectionPanel } from './ProtectionPanel.tsx';
import { RulesStatus } from './RulesStatus.tsx';
import { type ReadySettings, useOptionsSettings } from './use-options-settings.ts';

export function Options() {
  const { version } = browser.runtime.getManifest();
  const settings = useOptionsSettings();
  const { view } = settings;
  const ready: ReadySettings | null = view ? { ...settings, view } : null;
  return (
    <main class="options">
      <header class="page-head">
        <img src={icon} alt="" width="32" height="32" />
        <div>
          <h1>AI Jurisdiction Guard</h1>
          <p class="muted">Settings · version {version}</p>
        </div>
      </header>
      {view && Object.keys(view.policy).length > 0 && (
        <p class="banner" data-banner="managed">
          <span aria-hidden="true">🏢 </span>Your organization manages some of these settings. <a href="#policy">See the policy</a>
        </p>
      )}
      {settings.loadError && (
        <p class="field-error" role="alert">
          The settings could not be read: {settings.loadError}
        </p>
      )}
      {ready ? (
        <>
          <ProtectionPanel settings={ready} />
          <ListsPanel settings={ready} />
          <RulesStatus rules={ready.view.rules} />
          <PolicyPanel view={ready.view} />
        </>
      ) : (
        !settings.loadError && (
          <p class="muted" role="status">
            Loading settings…
          </p>
        )
      )}
      <DatabasePanel />
    </main>
  );
}
