/**
 * One AI provider seen on the tab. The headline (name, level, who runs it and where) is the
 * five-second view; the flow through an aggregator, the model, where data is stored, the block
 * state and the actions follow; laws and evidence are folded away.
 */
import { type DescribedFinding, providerKeyOf } from '../core/facts.ts';
import { flowLine } from '../core/flow-line.ts';
import { operatingFactsOf } from '../core/product-risk.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { findingsByProvider } from '../core/verdict.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { BlockStatus } from './BlockStatus.tsx';
import { BlockToggle } from './BlockToggle.tsx';
import { CountryToggle } from './CountryToggle.tsx';
import { Evidence } from './Evidence.tsx';
import { LawList } from './LawList.tsx';
import { ModelLine } from './ModelLine.tsx';
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
            <span class="fact-label">{t('popRunBy')}</span> {first.operator.name} · <Country code={first.operator.country} />
          </p>
          {first.parent && (
            <p class="operator" data-fact="parent">
              <span class="fact-label">{t('popOwnedBy')}</span> {first.parent.name} · <Country code={first.parent.country} />
            </p>
          )}
        </>
      ) : (
        <UnknownFacts finding={first} showReason={showReason} />
      )}
      {flows.map((line) => (
        <p class="flow" data-fact="flow" key={line}>
          {line}
        </p>
      ))}
      {models.map((f) => (
        <ModelLine key={f.model} finding={f} db={db} />
      ))}
      {first.operator && <DataLocations finding={first} db={db} />}
      {showReason && first.operator && worst.reason && <p class="reason">{worst.reason}</p>}
      <BlockStatus findings={findings} settings={settings} db={db} pausedUntil={pausedUntil} {...(site ? { site } : {})} />
      <LawList findings={findings} db={db} />
      <Evidence findings={findings} />
      {first.providerId && first.operator && (
        <div class="actions">
          {/* On the product's own site the verdict above offers "Block <product>" first. */}
          {findings.some((f) => f.kind === 'site') ? null : <BlockToggle settings={settings} list="blockedProviders" value={first.providerId} label={first.providerName} />}
          <CountryToggle settings={settings} db={db} country={first.operator.country} providerId={first.providerId} />
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
        <span class="fact-label">{t('popNotInDatabase')}</span> <code>{finding.host}</code>
      </p>
      {showReason && <p class="reason">{finding.reason}</p>}
      <p class="hint">{t('popUnknownMeaning')}</p>
    </>
  );
}

/** Where the product stores data, as the database states it; "not stated" when it does not. */
function DataLocations({ finding, db }: { finding: DescribedFinding; db: RiskDatabase }) {
  const found = finding.productId ? db.product(finding.productId) : undefined;
  const locations = found && operatingFactsOf(found.provider, found.product).dataLocations;
  if (!locations || locations.countries.length === 0) {
    return (
      <p class="operator muted" data-fact="data">
        {t('popDataNotStated')}
      </p>
    );
  }
  return (
    <p class="operator" data-fact="data">
      <span class="fact-label">{t('popDataStored')}</span>{' '}
      {locations.countries.map((c, i) => (
        <span key={c}>
          {i > 0 && t('listSeparator')}
          <Country code={c} />
        </span>
      ))}
    </p>
  );
}
