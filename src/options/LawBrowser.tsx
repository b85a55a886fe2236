/**
 * The laws the database cites: name, area, articles with their gist, summary and source, in the
 * Chinese interface by their Chinese names and words where the database has them (law-words.ts);
 * the filter matches both languages.
 */
import { useMemo, useState } from 'preact/hooks';
import { articleRefIn, gistIn, lawNameIn, originalNameBeside, summaryIn } from '../core/fact-card/law-words.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { holdsEvery, searchWords } from '../core/search-words.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import { formatCount } from './format-time.ts';

export function LawBrowser({ db }: { db: RiskDatabase }) {
  const [query, setQuery] = useState('');
  const laws = useMemo(() => Object.values(db.compiled.laws).sort((a, b) => a.area.localeCompare(b.area) || a.name.localeCompare(b.name)), [db]);
  const words = searchWords(query);
  const locale = intlLocaleOf(t);
  const shown = laws.filter((law) =>
    holdsEvery(words, [law.id, law.area, law.name, law.officialName ?? '', law.names?.zh_CN ?? '', law.summary, law.summaries?.zh_CN ?? '', ...law.articles.flatMap((a) => [a.ref, a.gist, a.gists?.zh_CN ?? ''])].join(' ')),
  );
  return (
    <details class="browse" id="db-laws">
      <summary>
        <span class="browse-title">{t('optDbLawsTitle')}</span>
      </summary>
      <div class="browse-body">
        <label for="db-law-filter">{t('optDbLawFilter')}</label>
        <input id="db-law-filter" type="search" value={query} placeholder={t('optDbLawFilterPlaceholder')} onInput={(e) => setQuery(e.currentTarget.value)} />
        <p class="hint" role="status">
          {t('optDbShowing', [formatCount(shown.length), formatCount(laws.length)])}
        </p>
        <ul class="laws">
          {shown.map((law) => (
            <li key={law.id} data-db-law={law.id}>
              <p class="law-head">
                <strong>{lawNameIn(law, locale)}</strong> <span class="sub">({law.area === 'EU' ? t('optDbEu') : <Country code={law.area} />}, {law.year})</span>
              </p>
              {/* The other name beside the one shown: the official name, or the original beside a Chinese one. */}
              {(originalNameBeside(law, locale) ?? (lawNameIn(law, locale) === law.name ? law.officialName : law.name)) && (
                <p class="sub">{originalNameBeside(law, locale) ?? (lawNameIn(law, locale) === law.name ? law.officialName : law.name)}</p>
              )}
              <p>{summaryIn(law, locale)}</p>
              {law.articles.length > 0 && (
                <ul class="articles" aria-label={t('optDbArticles', [lawNameIn(law, locale)])}>
                  {law.articles.map((a) => (
                    <li key={a.ref}>
                      <strong>{articleRefIn(a, law, locale)}</strong>
                      {t('wColon')}
                      {gistIn(a, locale)}
                    </li>
                  ))}
                </ul>
              )}
              {law.source.url && (
                <p class="sub">
                  <a href={law.source.url} target="_blank" rel="noreferrer noopener">
                    {t('optDbSource')}
                  </a>
                  {law.source.reviewed && ` · ${t('optDbReviewed', [law.source.reviewed])}`}
                </p>
              )}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
