/**
 * Where a blocked top-level navigation lands (declarativeNetRequest redirect, URL after `#`):
 * what was blocked, why (provider, country, law) and by whom, with "Go back" and, when the block
 * is the user's own and the policy allows it, "Allow once for this site". The URL comes from the
 * address bar, so it is shown as text only, and loaded only after the background granted it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { allowOnceRefusal } from '../core/block-actions/allow-once.ts';
import { justifyRefusal } from '../core/block-actions/justify.ts';
import { decide, type Decision } from '../core/block-decision.ts';
import { database } from '../core/database.ts';
import { type CardFact, cardFactsOf, type FactField, factOf } from '../core/fact-card/card-facts.ts';
import { lawCount, lawsByCountry } from '../core/fact-card/law-groups.ts';
import { type FactReport, reportFactUrl } from '../core/fact-card/report-fact.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { retentionText } from '../core/fact-card/retention.ts';
import { otherTiersLine, TIER_WORDS, TRAINING_WORDS, trainingStatus } from '../core/fact-card/training.ts';
import { factsFor } from '../core/facts.ts';
import { operatingFactsOf } from '../core/product-risk.ts';
import { stillToConfirm } from '../core/fact-card/still-to-confirm.ts';
import { httpHostOf } from '../core/hostname.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { describeRule } from '../core/rule-words.ts';
import type { SettingsView } from '../core/settings-view.ts';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import { CountryLaws } from '../ui/CountryLaws.tsx';
import { FactSource } from '../ui/FactSource.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { OrgGuidance } from '../ui/OrgGuidance.tsx';
import { ReportFact } from '../ui/ReportFact.tsx';
import { AllowOnce } from './AllowOnce.tsx';
import { Justify } from './Justify.tsx';

/** One row of the facts card. */
function Fact({ label, class: cls, fact, children }: { label: string; class?: string; fact?: string; children: ComponentChildren }) {
  return (
    <div {...(cls ? { class: cls } : {})} {...(fact ? { 'data-fact': fact } : {})}>
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
  const facts = match && factsFor(db, { providerId: match.provider.id, productId: match.product.id, role: match.host.role }, undefined, intlLocaleOf(t));
  const countries = facts ? lawsByCountry(facts.factors, db) : [];
  const product = match && operatingFactsOf(match.provider, match.product);
  // The facts with their sources, for "source" and "Report a wrong fact" (database data only).
  const sourced: CardFact[] = match ? cardFactsOf(db, { providerId: match.provider.id, productId: match.product.id }) : [];
  const reportable = !!match && match.provider.addedBy !== 'organization';
  const report = (list: CardFact[]): FactReport => ({ provider: match?.provider.name ?? '', ...(match ? { providerId: match.provider.id, product: match.product.name } : {}), facts: list });
  const reportOne = (field: FactField) => {
    const fact = factOf(sourced, field);
    return reportable && fact ? reportFactUrl(report([fact])) : undefined;
  };
  const training = trainingStatus(product?.trainsOnInputs);
  const rule = decision?.rule;
  const offered = !!view && host !== undefined && allowOnceRefusal(view.settings, decision, host) === undefined;
  const justifiable = !!view && host !== undefined && justifyRefusal(view.settings, decision, host) === undefined;
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
            {/* What was blocked, why and by whom, said once: the rule's sentence names who decided. */}
            <Fact label={t('blkBlockedBecause')} class="why">
              {rule && decision?.matched !== undefined ? (
                <p class="by" data-by={rule.tier} data-rule={`${rule.tier}-${rule.scope}`}>
                  {describeRule(rule, decision.matched, db, t)}
                  {rule.tier === 'org' && <span class="note"> {t('blkOrgNote')}</span>}
                </p>
              ) : (
                <p>{t('blkFallbackWhy')}</p>
              )}
            </Fact>
            {facts && <Fact label={t('blkService')}>{facts.productName}</Fact>}
            {facts?.operator && (
              <Fact label={t('blkRunBy')} fact="operator">
                {facts.operator.name} · <Country code={facts.operator.country} />
                <FactSource label={t('blkRunBy')} source={factOf(sourced, 'operator')?.source} reportUrl={reportOne('operator')} />
              </Fact>
            )}
            {facts?.unverified && (
              <Fact label={t('blkRunBy')} fact="operator">
                <span data-unverified="true">{t('wNotVerified')}</span>
                <p class="note" data-fact="still-to-confirm">
                  {t('wUnverifiedLine', [stillToConfirm(facts.unverified, t)])}
                </p>
              </Fact>
            )}
            {facts?.parent && (
              <Fact label={t('blkOwnedBy')} fact="parent">
                {facts.parent.name} · <Country code={facts.parent.country} />
                <FactSource label={t('blkOwnedBy')} source={factOf(sourced, 'parent')?.source} reportUrl={reportOne('parent')} />
              </Fact>
            )}
            {!facts?.parent && product?.noParent && (
              <Fact label={t('blkOwnedBy')} fact="parent">
                <span data-parent="none">{t('wNoParent')}</span>
                <FactSource label={t('blkOwnedBy')} source={product.noParent.source} note={product.noParent.note} reportUrl={reportOne('parent')} />
              </Fact>
            )}
            {product && (
              <Fact label={t('blkDataStored')} fact="data">
                {product.dataLocations?.countries.length ? (
                  product.dataLocations.countries.map((c, i) => (
                    <span key={c}>
                      {i > 0 && t('listSeparator')}
                      <Country code={c} />
                    </span>
                  ))
                ) : (
                  <span class="note">{t('wNotStated')}</span>
                )}
                <FactSource label={t('blkDataStored')} source={product.dataLocations?.source} note={product.dataLocations?.note} reportUrl={reportOne('dataLocations')} />
              </Fact>
            )}
            {product && (
              <Fact label={t('blkTrains')} fact="training">
                <span data-training={training} {...(product.trainsOnInputs ? {} : { class: 'note' })}>
                  {product.trainsOnInputs?.tier ? t('wTrainsTier', [t(TRAINING_WORDS[training]), t(TIER_WORDS[product.trainsOnInputs.tier])]) : t(TRAINING_WORDS[training])}
                </span>
                <FactSource label={t('blkTrains')} source={product.trainsOnInputs?.source} note={product.trainsOnInputs?.note} reportUrl={reportOne('trainsOnInputs')} />
                {otherTiersLine(product.trainsOnInputs, t) && (
                  <p class="note" data-fact="training-tiers">
                    {otherTiersLine(product.trainsOnInputs, t)}
                  </p>
                )}
              </Fact>
            )}
            {product?.retention && (
              <Fact label={t('blkRetention')} fact="retention">
                {retentionText(product.retention, t, intlLocaleOf(t))}
                <FactSource label={t('blkRetention')} source={product.retention.source} note={product.retention.note} reportUrl={reportOne('retention')} />
              </Fact>
            )}
            {facts && (
              <Fact label={t('blkRisk')} class="risk">
                <LevelBadge level={facts.level} />
                {facts.reason && <p>{facts.reason}</p>}
              </Fact>
            )}
            {countries.length > 0 && facts && (
              <Fact label={t('blkLaws')} class="laws-row">
                {/* Folded, so that the choices below stay in view; the level and reason are above. */}
                <details class="laws-box">
                  <summary>{t('blkLawsSummary', [lawCount(countries)])}</summary>
                  <CountryLaws countries={countries} provider={facts.providerName} level={2} />
                </details>
              </Fact>
            )}
          </dl>
          {reportable && sourced.length > 0 && <ReportFact report={report(sourced)} />}
        </section>
      )}
      {view && <OrgGuidance policy={view.policy} preferred={view.settings.preferredTool} service={{ ...(match ? { providerId: match.provider.id } : {}), ...(facts?.operator ? { country: facts.operator.country } : {}), ...(facts ? { level: facts.level } : {}) }} />}
      {/* After the organization's approved tools: those come first. */}
      {justifiable && <Justify url={url} minutes={view.settings.justifyMinutes} reported={!!view.policy.reporting?.events.includes('justify')} />}
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
