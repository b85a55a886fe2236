/**
 * The laws behind a card (law-groups.ts): each country that counts, worst first, with why it
 * counts, then its laws grouped — government access to data first, other government powers,
 * then privacy and data protection. Each article opens to its one-line gist. In the Chinese
 * interface a Chinese law shows its official Chinese name and articles (第七条), another law its
 * Chinese name with the original beside it, and summaries and gists are Chinese where the
 * database has them (law-words.ts).
 */
import { countryReasons } from '../core/fact-card/country-reasons.ts';
import type { CountryLaws as LawsOfCountry } from '../core/fact-card/law-groups.ts';
import { lawTitle } from '../core/fact-card/law-title.ts';
import { articleRefIn, gistIn, originalNameBeside, summaryIn } from '../core/fact-card/law-words.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import type { Law, LawKind } from '../core/provider.ts';
import { t } from '../shared/t.ts';
import { Country } from './Country.tsx';
import { LevelBadge } from './LevelBadge.tsx';
import './fact-card.css';

const KIND_WORDS: Record<LawKind, string> = {
  'state-access': 'wLawKindStateAccess',
  'state-rules': 'wLawKindStateRules',
  'data-protection': 'wLawKindDataProtection',
};

interface Props {
  countries: readonly LawsOfCountry[];
  /** The service's name, for "DeepSeek's operator (…) is based in China." */
  provider: string;
  /** Heading level of a country (its law groups are one below): 3 in a popup card, 2 on the block page. */
  level: 2 | 3;
}

export function CountryLaws({ countries, provider, level }: Props) {
  const reasons = countryReasons(
    countries.flatMap((c) => c.factors),
    provider,
    t,
  );
  const H = `h${level}` as 'h2' | 'h3';
  const Hk = `h${level + 1}` as 'h3' | 'h4';
  return (
    <div class="country-laws">
      {countries.map((c) => (
        <section class="law-country" key={c.country} data-country-laws={c.country}>
          <H class="law-country-head">
            <Country code={c.country} /> <LevelBadge level={c.level} />
          </H>
          {(reasons.get(c.country) ?? []).map((sentence) => (
            <p class="law-why" key={sentence}>
              {sentence}
            </p>
          ))}
          {c.groups.map((g) => (
            <div class="law-group" key={g.kind} data-law-kind={g.kind}>
              <Hk class="law-kind">{t(KIND_WORDS[g.kind])}</Hk>
              <ul class="laws">
                {g.laws.map((law) => (
                  <LawItem key={law.id} law={law} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function LawItem({ law }: { law: Law }) {
  const locale = intlLocaleOf(t);
  const original = originalNameBeside(law, locale);
  // A Chinese law's Chinese words come from its official text: the title links there.
  const link = locale.startsWith('zh') && law.officialText ? law.officialText.url : law.source.url;
  return (
    <li data-law={law.id}>
      <p class="law-name">
        <a href={link} target="_blank" rel="noreferrer">
          {lawTitle(law, locale)}
        </a>
        {original && (
          <span class="law-original" lang="en">
            {' '}
            {original}
          </span>
        )}
      </p>
      {law.articles.length > 0 && (
        <ul class="law-articles">
          {law.articles.map((a) => (
            <li key={a.ref} data-article={a.ref}>
              <details>
                <summary>{articleRefIn(a, law, locale)}</summary>
                <p class="law-gist">{gistIn(a, locale)}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
      <p class="law-summary">{summaryIn(law, locale)}</p>
    </li>
  );
}
