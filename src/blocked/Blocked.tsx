/**
 * Where a blocked top-level navigation lands (declarativeNetRequest redirect, URL after `#`):
 * what was blocked, why (provider, country, law) and by whom, with "Go back" and, when the block
 * is the user's own and the policy allows it, "Allow once for this site". The URL comes from the
 * address bar, so it is shown as text only, and loaded only after the background granted it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { allowOnceRefusal } from '../core/allow-once.ts';
import { decide, type Decision } from '../core/block-decision.ts';
import { database } from '../core/database.ts';
import { factsFor } from '../core/facts.ts';
import { httpHostOf } from '../core/hostname.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { describeRule, whoDecides } from '../core/rule-words.ts';
import type { SettingsView } from '../core/settings-view.ts';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { AllowOnce } from './AllowOnce.tsx';
import { LawList } from './LawList.tsx';

/** One row of the facts card. */
function Fact({ label, class: cls, children }: { label: string; class?: string; children: ComponentChildren }) {
  return (
    <div {...(cls ? { class: cls } : {})}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function blockedUrl(): string {
  const raw = location.hash.slice(1);
  return raw.length > 8192 ? raw.slice(0, 8192) : raw;
}

async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}

export function Blocked() {
  const url = blockedUrl();
  const host = httpHostOf(url);
  // undefined while the background has not answered: the facts card waits rather than flash a
  // "no reason known" line; null when it could not answer.
  const [view, setView] = useState<SettingsView | null | undefined>(undefined);
  useEffect(() => {
    sendMessage({ type: 'ui-to-bg/get-settings' }).then(setView, () => setView(null));
  }, []);
  const db = view ? policyDatabase(database, view.settings) : database;
  const decision: Decision | undefined = view && host ? decide(view.settings, db, { host, navigation: true }) : undefined;
  const match = host ? db.lookupHost(host) : undefined;
  const facts = match && factsFor(db, { providerId: match.provider.id, productId: match.product.id, role: match.host.role });
  const laws = (facts?.decidedBy?.laws ?? []).flatMap((id) => db.law(id) ?? []);
  const rule = decision?.rule;
  const offered = !!view && host !== undefined && allowOnceRefusal(view.settings, decision, host) === undefined;
  return (
    <main class="blocked" data-state="blocked">
      <header class="head">
        <p class="brand">
          <span class="shield" aria-hidden="true">
            ⛔
          </span>{' '}
          {t('extName')}
        </p>
        <h1>{match ? t('blkHeading', [match.provider.name]) : t('blkHeadingUnknown')}</h1>
        <p class="url">
          <span class="visually-hidden">{t('blkAddress')} </span>
          <code>{url || t('blkUnknownAddress')}</code>
        </p>
      </header>
      {view !== undefined && (
        <section class="card" aria-label={t('blkFactsLabel')}>
          <dl class="facts">
            {facts && (
              <Fact label={t('blkService')}>
                {facts.productName} <LevelBadge level={facts.level} />
              </Fact>
            )}
            {facts?.operator && (
              <Fact label={t('blkRunBy')}>
                {facts.operator.name} · <Country code={facts.operator.country} />
              </Fact>
            )}
            {facts?.parent && (
              <Fact label={t('blkOwnedBy')}>
                {facts.parent.name} · <Country code={facts.parent.country} />
              </Fact>
            )}
            <Fact label={t('blkWhy')} class="why">
              {rule && decision?.matched !== undefined ? <p data-rule={`${rule.tier}-${rule.scope}`}>{describeRule(rule, decision.matched, db, t)}</p> : <p>{t('blkFallbackWhy')}</p>}
              {facts?.reason && <p>{facts.reason}</p>}
            </Fact>
            {laws.length > 0 && (
              <Fact label={t('blkLaws')}>
                <LawList laws={laws} />
              </Fact>
            )}
            {rule && (
              <div>
                <dt>{t('blkDecidedBy')}</dt>
                <dd class="by" data-by={rule.tier}>
                  {t('blkBy', [whoDecides(rule, t)])}
                  {rule.tier === 'org' && <span class="note"> {t('blkOrgNote')}</span>}
                </dd>
              </div>
            )}
          </dl>
        </section>
      )}
      <div class="actions">
        {/* A blocked address typed into a new tab has nowhere to go back to: close the tab instead. */}
        {history.length > 1 ? (
          <button type="button" class="primary" onClick={() => history.back()}>
            {t('blkGoBack')}
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => void closeThisTab()}>
            {t('blkCloseTab')}
          </button>
        )}
        {offered && <AllowOnce url={url} />}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('blkSettings')}
        </button>
      </div>
      {offered && <p class="small">{t('blkAllowOnceNote')}</p>}
    </main>
  );
}
