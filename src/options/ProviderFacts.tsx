/**
 * One provider's facts with where each comes from: operator, parent, data locations and whether
 * it trains on what users send (each with its source and review date), then every product with
 * the facts it states for itself and its hosts with their role. Folded under the provider's row
 * of the provider browser.
 */
import type { Company, OperatingFacts, Product, Provider, Source } from '../core/provider.ts';
import { retentionText } from '../core/fact-card/retention.ts';
import { otherTiersLine, TIER_WORDS } from '../core/fact-card/training.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';

const ROLE_WORDS: Record<string, string> = {
  chat: 'optRoleChat',
  api: 'optRoleApi',
  widget: 'optRoleWidget',
  auth: 'optRoleAuth',
  asset: 'optRoleAsset',
  site: 'optRoleSite',
};

/** "Source · reviewed 2026-11-22", or that the organization states it (extra providers have no review). */
function SourceLink({ source, what }: { source: Source | undefined; what: string }) {
  if (!source?.url) return <span class="sub">{t('optFactNoSource')}</span>;
  return (
    <span class="sub source">
      <a href={source.url} target="_blank" rel="noreferrer noopener" aria-label={t('optFactSourceOf', [what])} data-source-url={source.url}>
        {t('optDbSource')}
      </a>
      {source.reviewed && ` · ${t('optDbReviewed', [source.reviewed])}`}
    </span>
  );
}

function CompanyFact({ fact, label, company }: { fact: string; label: string; company: Company }) {
  return (
    <div data-fact={fact}>
      <dt>{label}</dt>
      <dd>
        {company.name} (<Country code={company.country} />) <SourceLink source={company.source} what={label} />
      </dd>
    </div>
  );
}

function trainingWords(facts: OperatingFacts, perProduct: boolean): string {
  const use = facts.trainsOnInputs;
  if (!use) return t(perProduct ? 'optFactPerProduct' : 'optFactNotStated');
  const answer = use.byDefault ? t('optTrainsYes') : t('optTrainsNo');
  const main = use.tier ? t('wTrainsTier', [answer, t(TIER_WORDS[use.tier])]) : answer;
  const others = otherTiersLine(use, t);
  return others ? `${main}${t('wTierSeparator')}${others}` : main;
}

/**
 * Facts with their sources. `complete` (the provider's own) lists data and training even when not
 * stated; a product lists only what it states for itself, where it differs from its provider.
 */
function FactList({ facts, complete, products = [] }: { facts: OperatingFacts; complete: boolean; products?: readonly Product[] }) {
  const dataPerProduct = products.some((x) => x.dataLocations);
  const trainsPerProduct = products.some((x) => x.trainsOnInputs);
  return (
    <dl class="facts">
      {facts.operator && <CompanyFact fact="operator" label={t('optFactOperator')} company={facts.operator} />}
      {facts.parent && <CompanyFact fact="parent" label={t('optFactParent')} company={facts.parent} />}
      {facts.noParent && (
        <div data-fact="parent" data-parent="none">
          <dt>{t('optFactParent')}</dt>
          <dd>
            {t('wNoParent')} <SourceLink source={facts.noParent.source} what={t('optFactParent')} />
          </dd>
        </div>
      )}
      {facts.regionalEntities?.map((entity, i) => (
        <div key={i} data-fact="regional">
          <dt>{t('optFactRegional')}</dt>
          <dd>
            {entity.name} (<Country code={entity.country} />): {entity.serves} <SourceLink source={entity.source} what={t('optFactRegional')} />
          </dd>
        </div>
      ))}
      {(complete || facts.dataLocations) && (
        <div data-fact="data">
          <dt>{t('optFactData')}</dt>
          <dd>
            {facts.dataLocations ? (
              <>
                {facts.dataLocations.countries.map((c, i) => (
                  <span key={c}>
                    {i > 0 && t('listSeparator')}
                    <Country code={c} />
                  </span>
                ))}{' '}
                <SourceLink source={facts.dataLocations.source} what={t('optFactData')} />
              </>
            ) : (
              t(dataPerProduct ? 'optFactPerProduct' : 'optFactNotStated')
            )}
          </dd>
        </div>
      )}
      {(complete || facts.trainsOnInputs) && (
        <div data-fact="trains">
          <dt>{t('optFactTrains')}</dt>
          <dd>
            {trainingWords(facts, trainsPerProduct)} {facts.trainsOnInputs && <SourceLink source={facts.trainsOnInputs.source} what={t('optFactTrains')} />}
          </dd>
        </div>
      )}
      {facts.retention && (
        <div data-fact="retention">
          <dt>{t('optFactRetention')}</dt>
          <dd>
            {retentionText(facts.retention, t, intlLocaleOf(t))} <SourceLink source={facts.retention.source} what={t('optFactRetention')} />
          </dd>
        </div>
      )}
    </dl>
  );
}

const hasOwnFacts = (product: Product) => Boolean(product.operator || product.parent || product.noParent || product.regionalEntities?.length || product.dataLocations || product.trainsOnInputs || product.retention);

export function ProviderFacts({ provider: p }: { provider: Provider }) {
  const hostCount = p.products.reduce((n, product) => n + product.hosts.length, 0);
  return (
    <details class="provider-facts">
      <summary>{t(hostCount === 1 ? 'optDbFactsSummaryOne' : 'optDbFactsSummary', [hostCount])}</summary>
      <FactList facts={p} complete products={p.products} />
      <ul class="products">
        {p.products.map((product) => (
          <li key={product.id} data-db-product={product.id}>
            <strong>{product.name}</strong>
            {hasOwnFacts(product) && <FactList facts={product} complete={false} />}
            <ul class="host-list">
              {product.hosts.map((h) => (
                <li key={h.host} data-host={h.host} data-role={h.role}>
                  <code>{h.host}</code> <span class="tag">{t(ROLE_WORDS[h.role] ?? 'optRoleSite')}</span> <SourceLink source={h.source} what={h.host} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
