import icon from '../../assets/icons/icon-32.png';
import browser from 'webextension-polyfill';
import { pauseEnd } from '../core/block-actions/pause.ts';
import { providerBlocks, tabBlockState } from '../core/block-actions/tab-blocks.ts';
import { database } from '../core/database.ts';
import { describeFindings, providerKeyOf } from '../core/facts.ts';
import { httpHostOf } from '../core/hostname.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { findingsByProvider, verdictFor } from '../core/verdict.ts';
import { t } from '../shared/t.ts';
import { useHostAccess } from '../shared/use-host-access.ts';
import { OrgGuidance } from '../ui/OrgGuidance.tsx';
import { ModeNote } from './ModeNote.tsx';
import { PageTitle } from './PageTitle.tsx';
import { ProviderCard } from './ProviderCard.tsx';
import { SiteAccessNotice } from './SiteAccessNotice.tsx';
import { type Settings, useSettings } from './use-settings.ts';
import { type TabView, useTabView } from './use-tab-view.ts';
import { UndoProvider } from './undo.tsx';
import { usePauses } from './use-pauses.ts';
import { useViewMode } from './view-mode.ts';
import { Verdict } from './Verdict.tsx';

export function Popup() {
  const view = useTabView();
  const settings = useSettings();
  const mode = useViewMode();
  const pauses = usePauses();
  const site = view.status === 'ready' && view.state.url ? httpHostOf(view.state.url) : undefined;
  const access = useHostAccess(view.status === 'ready' ? view.state.url : undefined);
  return (
    <main class="popup" data-status={view.status}>
      <header class="brand">
        <img src={icon} alt="" width="20" height="20" />
        <span class="brand-name">{t('extName')}</span>
      </header>
      {mode === 'page' && <PageTitle site={site} />}
      <ModeNote settings={settings} />
      {view.status !== 'loading' && <SiteAccessNotice access={access} />}
      {settings.error && (
        <p class="error" role="alert">
          {settings.error}
        </p>
      )}
      <UndoProvider>
        <Body view={view} settings={settings} pauses={pauses} withheld={access.notice?.scope === 'site'} {...(site ? { site } : {})} />
      </UndoProvider>
      <footer class="foot">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popSettings')}
        </button>
      </footer>
    </main>
  );
}

function Body({ view, settings, pauses, withheld, site }: { view: TabView; settings: Settings; pauses: Record<string, number>; withheld: boolean; site?: string }) {
  switch (view.status) {
    case 'loading':
      return (
        <p class="state" role="status">
          {t('popLoading')}
        </p>
      );
    case 'no-tab':
      return <p class="state">{t('popNoTab')}</p>;
    case 'unavailable':
      return (
        <section class="state state-card" data-state="unavailable">
          <span class="state-icon" aria-hidden="true">
            ⊘
          </span>
          <h1>{t('popUnavailableTitle')}</h1>
          <p>{t('popUnavailableWhy')}</p>
          <p>{t('popUnavailableReload', [t('extName')])}</p>
        </section>
      );
    case 'ready': {
      // The organization's own services and country ratings count here as in the background.
      const db = settings.view ? policyDatabase(database, settings.view.settings) : database;
      const findings = describeFindings(db, view.state, t);
      const verdict = verdictFor(findings, t);
      if (!verdict) {
        // Kept out of this site, the extension could not have seen AI here: the access notice says so.
        if (withheld) return null;
        return (
          <section class="state state-card verdict-none" data-state="no-ai">
            <span class="state-icon" aria-hidden="true">
              ✓
            </span>
            <h1>{t('popNoAiTitle')}</h1>
            {site && <p class="site">{site}</p>}
            <p>{t('popNoAiBody')}</p>
          </section>
        );
      }
      const byProvider = findingsByProvider(findings);
      // What the browser blocks on this tab now, as the badge says it (tab-blocks.ts).
      const pausedUntil = pauseEnd(pauses, site, Date.now());
      const effective = settings.view?.settings;
      const blocks = effective ? tabBlockState(findings, effective, db, site, pausedUntil !== undefined) : { blocked: [], all: false };
      const blockedKeys = new Set(blocks.blocked.map((b) => b.key));
      const openVerdict = verdictFor(
        findings.filter((f) => !blockedKeys.has(providerKeyOf(f))),
        t,
      );
      const userBlocksHere = effective ? providerBlocks(findings, effective, db, site).some((b) => b.decision.rule?.tier === 'user') : false;
      return (
        <>
          <Verdict
            verdict={verdict}
            openVerdict={openVerdict}
            findings={findings}
            providers={byProvider.length}
            settings={settings}
            blocks={blocks}
            blockPage={view.state.blockPage === true}
            requests={view.state.blocked ?? 0}
            pausedUntil={pausedUntil}
            userBlocksHere={userBlocksHere}
            {...(site ? { site } : {})}
          />
          {settings.view && blocks.blocked[0] && (
            <OrgGuidance
              policy={settings.view.policy}
              preferred={settings.view.settings.preferredTool}
              service={{ providerId: blocks.blocked[0].finding.providerId, level: blocks.blocked[0].finding.level, ...(blocks.blocked[0].finding.operator ? { country: blocks.blocked[0].finding.operator.country } : {}) }}
            />
          )}
          {byProvider.map((p) => (
            <ProviderCard
              key={providerKeyOf(p)}
              findings={findings.filter((f) => providerKeyOf(f) === providerKeyOf(p))}
              showReason={byProvider.length > 1 && providerKeyOf(p) !== providerKeyOf(byProvider[0]!)}
              settings={settings}
              db={db}
              pausedUntil={pausedUntil}
              {...(site ? { site } : {})}
            />
          ))}
        </>
      );
    }
  }
}
