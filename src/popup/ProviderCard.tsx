/**
 * One AI provider seen on the tab. The headline (name, level, who runs it and where) is the
 * five-second view; the flow through an aggregator, the model, where data is stored, the block
 * state and the actions follow; laws and evidence are folded away.
 */
import { type CardFact, cardFactsOf, type FactField, factOf } from '../core/fact-card/card-facts.ts';
import { type FactReport, reportFactUrl } from '../core/fact-card/report-fact.ts';
import { stillToConfirm } from '../core/fact-card/still-to-confirm.ts';
import { retentionText } from '../core/fact-card/retention.ts';
import { otherTiersLine, TIER_WORDS, TRAINING_WORDS, trainingStatus } from '../core/fact-card/training.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { type DescribedFinding, providerKeyOf } from '../core/facts.ts';
import { flowLine } from '../core/flow-line.ts';
import { operatingFactsOf } from '../core/product-risk.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { findingsByProvider } from '../core/verdict.ts';
import { t } from '../shared/t.ts';
import { FactLabel } from '../ui/FactLabel.tsx';
import { Country } from '../ui/Country.tsx';
import { FactSource } from '../ui/FactSource.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { ReportFact } from '../ui/ReportFact.tsx';
import { BlockStatus } from './BlockStatus.tsx';
import { BlockToggle } from './BlockToggle.tsx';
import { CountryToggle } from './CountryToggle.tsx';
import { Evidence } from './Evidence.tsx';
import { LawList } from './LawList.tsx';
import { ModelLine } from './ModelLine.tsx';
import { modelBlockListOf } from '../core/model-block/model-block-list.ts';
import type { Settings } from './use-settings.ts';

interface Props {
  findings: DescribedFinding[];
  /** false when the verdict above already gives this provider's reason. */
  showReason: boolean;
  settings: Settings;
  db: RiskDatabase;
  /** Host of the page, the sender of the requests. */
  site?: string;
  /** When a pause of the page's site ends, while one runs. */
  pausedUntil?: number | undefined;
}

export function ProviderCard({ findings, showReason, settings, db, site, pausedUntil }: Props) {
  const [first] = findings;
  if (!first) return null;
  // The card's level and reason are its worst finding's (a closed model behind an aggregator).
  const worst = findingsByProvider(findings)[0] ?? first;
  const products = [...new Set(findings.map((f) => f.productName))].filter((name) => name !== first.providerName);
  // A closed model's line names where the data ends up; the aggregator-only line adds nothing then.
  const onward = findings.filter((f) => f.upstream?.counted);
  const flows = [...new Set((onward.length ? onward : findings).flatMap((f) => flowLine(f, t) ?? []))];
  const models = findings.filter((f) => f.model);
  // The facts with their sources, for "source" and "Report a wrong fact" (database data only).
  // A recognised provider: confirmed (operator) or not yet verified; an unknown endpoint is neither.
  const known = first.operator !== undefined || first.unverified !== undefined;
  const facts = known ? cardFactsOf(db, first) : [];
  const reportable = facts.length > 0 && first.providerId !== undefined && db.provider(first.providerId)?.addedBy !== 'organization';
  const report = (list: CardFact[]): FactReport => ({ provider: first.providerName, ...(first.providerId ? { providerId: first.providerId } : {}), product: first.productName, facts: list });
  const reportOne = (field: FactField) => {
    const fact = factOf(facts, field);
    return reportable && fact ? reportFactUrl(report([fact])) : undefined;
  };
  const modelFacts = models.flatMap((f) => factOf(cardFactsOf(db, f), 'modelBuilder') ?? []);
  // The models the page hook stops under the settings in force (block mode only), as the background compiles them.
  const stopped = settings.view && models.length ? modelBlockListOf(settings.view.settings, db) : undefined;
  const allFacts = [...facts.filter((f) => f.field !== 'modelBuilder'), ...modelFacts.filter((f, i) => modelFacts.findIndex((g) => g.value === f.value) === i)];
  return (
    <article class={`card card-${worst.level}`} data-provider={providerKeyOf(first)}>
      <header class="card-head">
        <h2>{first.providerName}</h2>
        <LevelBadge level={worst.level} />
      </header>
      {first.operator ? (
        <>
          {products.length > 0 && <p class="product">{products.join(t('listSeparator'))}</p>}
          <p class="operator" data-fact="operator">
            <FactLabel text={t('popRunBy')} />{first.operator.name} · <Country code={first.operator.country} />
            <FactSource label={t('popRunBy')} source={factOf(facts, 'operator')?.source} reportUrl={reportOne('operator')} />
          </p>
          {first.parent && (
            <p class="operator" data-fact="parent">
              <FactLabel text={t('popOwnedBy')} />{first.parent.name} · <Country code={first.parent.country} />
              <FactSource label={t('popOwnedBy')} source={factOf(facts, 'parent')?.source} reportUrl={reportOne('parent')} />
            </p>
          )}
          {!first.parent && <NoParent finding={first} db={db} reportUrl={reportOne('parent')} />}
        </>
      ) : first.unverified ? (
        <>
          {products.length > 0 && <p class="product">{products.join(t('listSeparator'))}</p>}
          <p class="operator unverified" data-fact="operator" data-unverified="true">
            <FactLabel text={t('popRunBy')} />{t('wNotVerified')}
          </p>
          <p class="hint" data-fact="still-to-confirm">
            {t('wUnverifiedLine', [stillToConfirm(first.unverified, t)])}
          </p>
        </>
      ) : (
        <UnknownFacts finding={first} showReason={showReason} />
      )}
      {flows.map((line) => (
        <p class="flow" data-fact="flow" key={line}>
          {line}
        </p>
      ))}
      {models.map((f) => {
        const fact = reportable ? factOf(cardFactsOf(db, f), 'modelBuilder') : undefined;
        return <ModelLine key={f.model} finding={f} db={db} reportUrl={fact && reportFactUrl(report([fact]))} stopped={stopped} site={site} />;
      })}
      {known && <DataLocations finding={first} db={db} reportUrl={reportOne('dataLocations')} />}
      {known && <Training finding={first} db={db} reportUrl={reportOne('trainsOnInputs')} />}
      {known && <Kept finding={first} db={db} reportUrl={reportOne('retention')} />}
      {showReason && known && worst.reason && <p class="reason">{worst.reason}</p>}
      <BlockStatus findings={findings} settings={settings} db={db} pausedUntil={pausedUntil} {...(site ? { site } : {})} />
      <LawList findings={findings} db={db} />
      <Evidence findings={findings} />
      {reportable && <ReportFact report={report(allFacts)} />}
      {first.providerId && known && (
        <div class="actions">
          {/* On the product's own site the verdict above offers "Block <product>" first. */}
          {findings.some((f) => f.kind === 'site') ? null : <BlockToggle settings={settings} list="blockedProviders" value={first.providerId} label={first.providerName} />}
          {/* Not yet verified: no confirmed country to block by; the service itself can be blocked. */}
          {first.operator && <CountryToggle settings={settings} db={db} country={first.operator.country} providerId={first.providerId} />}
        </div>
      )}
    </article>
  );
}

/** An endpoint the database does not know: what is known (host, model) and what that means. */
function UnknownFacts({ finding, showReason }: { finding: DescribedFinding; showReason: boolean }) {
  return (
    <>
      <p class="operator" data-fact="unknown">
        <FactLabel text={t('popNotInDatabase')} /><code>{finding.host}</code>
      </p>
      {showReason && <p class="reason">{finding.reason}</p>}
      <p class="hint">{t('popUnknownMeaning')}</p>
    </>
  );
}

const factsOfProduct = (finding: DescribedFinding, db: RiskDatabase) => {
  const found = finding.productId ? db.product(finding.productId) : undefined;
  return found && operatingFactsOf(found.provider, found.product);
};

/** Where the product stores data, as the database states it; "not stated" when it does not. */
function DataLocations({ finding, db, reportUrl }: { finding: DescribedFinding; db: RiskDatabase; reportUrl: string | undefined }) {
  const locations = factsOfProduct(finding, db)?.dataLocations;
  if (!locations || locations.countries.length === 0) {
    return (
      <p class="operator muted" data-fact="data">
        {t('popDataNotStated')}
      </p>
    );
  }
  return (
    <p class="operator" data-fact="data">
      <FactLabel text={t('popDataStored')} />
      {locations.countries.map((c, i) => (
        <span key={c}>
          {i > 0 && t('listSeparator')}
          <Country code={c} />
        </span>
      ))}
      <FactSource label={t('popDataStored')} source={locations.source} note={locations.note} reportUrl={reportUrl} />
    </p>
  );
}

/** Whether what the user sends trains the provider's models: yes, unless you opt out, no, or not stated. */
function Training({ finding, db, reportUrl }: { finding: DescribedFinding; db: RiskDatabase; reportUrl: string | undefined }) {
  const use = factsOfProduct(finding, db)?.trainsOnInputs;
  const status = trainingStatus(use);
  const answer = t(TRAINING_WORDS[status]);
  const others = otherTiersLine(use, t);
  return (
    <>
      <p class={`operator${use ? '' : ' muted'}`} data-fact="training" data-training={status} {...(use?.tier ? { 'data-tier': use.tier } : {})}>
        <FactLabel text={t('popTrains')} />
        {use?.tier ? t('wTrainsTier', [answer, t(TIER_WORDS[use.tier])]) : answer}
        <FactSource label={t('popTrains')} source={use?.source} note={use?.note} reportUrl={reportUrl} />
      </p>
      {others && (
        <p class="hint" data-fact="training-tiers">
          {others}
        </p>
      )}
    </>
  );
}

/** "No parent company": the operator is itself the top company, as a sourced fact. */
function NoParent({ finding, db, reportUrl }: { finding: DescribedFinding; db: RiskDatabase; reportUrl: string | undefined }) {
  const none = factsOfProduct(finding, db)?.noParent;
  if (!none) return null;
  return (
    <p class="operator" data-fact="parent" data-parent="none">
      <FactLabel text={t('popOwnedBy')} />{t('wNoParent')}
      <FactSource label={t('popOwnedBy')} source={none.source} note={none.note} reportUrl={reportUrl} />
    </p>
  );
}

/** How long what the user sends is kept, where the provider states it; nothing when it does not. */
function Kept({ finding, db, reportUrl }: { finding: DescribedFinding; db: RiskDatabase; reportUrl: string | undefined }) {
  const retention = factsOfProduct(finding, db)?.retention;
  if (!retention) return null;
  return (
    <p class="operator" data-fact="retention">
      <FactLabel text={t('popRetention')} />{retentionText(retention, t, intlLocaleOf(t))}
      <FactSource label={t('popRetention')} source={retention.source} note={retention.note} reportUrl={reportUrl} />
    </p>
  );
}
