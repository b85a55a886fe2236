/**
 * The database's providers with operator, country and risk level, narrowed by a filter box; under
 * each, its hosts (with their role) and the sources of its facts, folded.
 */
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { productRisk } from '../core/product-risk.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { worstLevel } from '../core/risk-level.ts';
import { holdsEvery, searchWords } from '../core/search-words.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { formatCount } from './format-time.ts';
import { ProviderFacts } from './ProviderFacts.tsx';

export function ProviderBrowser({ db }: { db: RiskDatabase }) {
  const [query, setQuery] = useState('');
  const rows = useMemo(
    () =>
      db.providers
        .map((p) => ({ p, level: worstLevel(p.products.map((product) => productRisk(db, p, product).level)) ?? 'unknown' }))
        .sort((a, b) => a.p.name.localeCompare(b.p.name)),
    [db],
  );
  const words = searchWords(query);
  // A host typed into the filter finds its provider too.
  const shown = rows.filter(({ p }) => holdsEvery(words, [p.id, p.name, p.operator?.name ?? '', p.operator?.country ?? '', ...p.products.flatMap((x) => [x.name, ...x.hosts.map((h) => h.host)])].join(' ')));
  return (
    <details class="browse" id="db-providers">
      <summary>
        <span class="browse-title">{t('optDbProvidersTitle')}</span>
      </summary>
      <div class="browse-body">
        <label for="db-provider-filter">{t('optDbProviderFilter')}</label>
        <input id="db-provider-filter" type="search" value={query} placeholder={t('optDbProviderFilterPlaceholder')} onInput={(e) => setQuery(e.currentTarget.value)} />
        <p class="hint" role="status">
          {t('optDbShowing', [formatCount(shown.length), formatCount(rows.length)])}
        </p>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('optDbProvidersTitle')}>
          <table class="db-table">
            <thead>
              <tr>
                <th scope="col">{t('optDbColName')}</th>
                <th scope="col">{t('optDbColOperator')}</th>
                <th scope="col">{t('optDbColCountry')}</th>
                <th scope="col">{t('optDbColLevel')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ p, level }) => (
                <Fragment key={p.id}>
                <tr data-db-provider={p.id} class="provider-row">
                  <td>
                    {p.name}
                    {p.addedBy === 'organization' && <span class="tag">{t('optSetByOrg')}</span>}
                  </td>
                  {p.operator ? (
                    <>
                      <td>{p.operator.name}</td>
                      <td>
                        <Country code={p.operator.country} />
                      </td>
                    </>
                  ) : (
                    <td colSpan={2} class="muted" data-unverified>
                      {t('wNotVerified')}
                    </td>
                  )}
                  <td>
                    <LevelBadge level={level} />
                  </td>
                </tr>
                <tr data-db-provider-facts={p.id} class="facts-row">
                  <td colSpan={4}>
                    <ProviderFacts provider={p} />
                  </td>
                </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}
