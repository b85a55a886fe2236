import icon from '../../assets/icons/icon-32.png';
import browser from 'webextension-polyfill';
import { database } from '../core/database.ts';
import { describeFindings, providerKeyOf } from '../core/facts.ts';
import { httpHostOf } from '../core/hostname.ts';
import { findingsByProvider, verdictFor } from '../core/verdict.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { t } from '../shared/t.ts';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { BlockToggle } from './BlockToggle.tsx';
import { ModeNote } from './ModeNote.tsx';
import { ProviderCard } from './ProviderCard.tsx';
import { type Settings, useSettings } from './use-settings.ts';
import { type TabView, useTabView } from './use-tab-view.ts';

export function Popup() {
  const view = useTabView();
  const settings = useSettings();
  return (
    <main class="popup" data-status={view.status}>
      <header class="brand">
        <img src={icon} alt="" width="20" height="20" />
        <span>AI Jurisdiction Guard</span>
      </header>
      <ModeNote settings={settings} />
      {settings.error && (
        <p class="error" role="alert">
          {settings.error}
        </p>
      )}
      <Body view={view} settings={settings} />
      <footer class="foot">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </footer>
    </main>
  );
}

function Body({ view, settings }: { view: TabView; settings: Settings }) {
  switch (view.status) {
    case 'loading':
      return <p class="state" role="status">Loading…</p>;
    case 'no-tab':
      return <p class="state">No tab to show.</p>;
    case 'unavailable':
      return (
        <section class="state" data-state="unavailable">
          <h1>This page is not checked</h1>
          <p>Browsers do not let extensions run on their own pages (settings, new tab, extension stores).</p>
          <p>If this is a website that was already open when AI Jurisdiction Guard was installed, reload it.</p>
        </section>
      );
    case 'ready': {
      const { state } = view;
      const site = state.url ? httpHostOf(state.url) : undefined;
      // The organization's own services and country ratings count here as in the background.
      const db = settings.view ? policyDatabase(database, settings.view.settings) : database;
      const findings = describeFindings(db, state, t);
      const verdict = verdictFor(findings, t);
      if (!verdict) {
        return (
          <section class="verdict verdict-none" data-state="no-ai">
            <h1>No AI seen on this page</h1>
            {site && <p class="site">{site}</p>}
          </section>
        );
      }
      const byProvider = findingsByProvider(findings);
      return (
        <>
          <section class={`verdict verdict-${verdict.level}`} data-state="findings" aria-live="polite">
            <LevelBadge level={verdict.level} />
            <h1>{verdict.sentence}</h1>
            {verdict.reason && <p>{verdict.reason}</p>}
            {site && <p class="site">{site}</p>}
            {site && <BlockToggle settings={settings} list="blockedSites" value={site} label={`AI on ${site}`} />}
          </section>
          {byProvider.map((p) => (
            <ProviderCard
              key={providerKeyOf(p)}
              findings={findings.filter((f) => providerKeyOf(f) === providerKeyOf(p))}
              showReason={byProvider.length > 1}
              settings={settings}
              db={db}
              {...(site ? { site } : {})}
            />
          ))}
        </>
      );
    }
  }
}
