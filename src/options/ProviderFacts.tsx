/**
 * One provider's facts with where each comes from: operator, parent, data locations and whether
 * it trains on what users send (each with its source and review date), then every product's
 * hosts with their role. Folded under the provider's row of the provider browser.
 */
import type { Company, Provider, Source } from '../core/provider.ts';
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

function trainingWords(p: Provider): string {
  if (!p.trainsOnInputs) return t('optFactNotStated');
  return p.trainsOnInputs.byDefault ? t('optTrainsYes') : t('optTrainsNo');
}

export function ProviderFacts({ provider: p }: { provider: Provider }) {
  const hostCount = p.products.reduce((n, product) => n + product.hosts.length, 0);
  return (
    <details class="provider-facts">
      <summary>{t(hostCount === 1 ? 'optDbFactsSummaryOne' : 'optDbFactsSummary', [hostCount])}</summary>
      <dl class="facts">
        <CompanyFact fact="operator" label={t('optFactOperator')} company={p.operator} />
        {p.parent && <CompanyFact fact="parent" label={t('optFactParent')} company={p.parent} />}
        {p.regionalEntities?.map((entity, i) => (
          <div key={i} data-fact="regional">
            <dt>{t('optFactRegional')}</dt>
            <dd>
              {entity.name} (<Country code={entity.country} />): {entity.serves} <SourceLink source={entity.source} what={t('optFactRegional')} />
            </dd>
          </div>
        ))}
        <div data-fact="data">
          <dt>{t('optFactData')}</dt>
          <dd>
            {p.dataLocations ? (
              <>
                {p.dataLocations.countries.map((c, i) => (
                  <span key={c}>
                    {i > 0 && t('listSeparator')}
                    <Country code={c} />
                  </span>
                ))}{' '}
                <SourceLink source={p.dataLocations.source} what={t('optFactData')} />
              </>
            ) : (
              t('optFactNotStated')
            )}
          </dd>
        </div>
        <div data-fact="trains">
          <dt>{t('optFactTrains')}</dt>
          <dd>
            {trainingWords(p)} {p.trainsOnInputs && <SourceLink source={p.trainsOnInputs.source} what={t('optFactTrains')} />}
          </dd>
        </div>
      </dl>
      <ul class="products">
        {p.products.map((product) => (
          <li key={product.id} data-db-product={product.id}>
            <strong>{product.name}</strong>
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
