/** One AI provider seen on the tab: who runs it, where, why it matters, and the evidence. */
import { type DescribedFinding, providerKeyOf } from '../core/facts.ts';
import { findingsByProvider } from '../core/verdict.ts';
import type { Channel } from '../core/tab-state.ts';
import { Country } from '../ui/Country.tsx';
import { countryName } from '../core/country.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import type { RiskDatabase } from '../core/risk-database.ts';
import { BlockStatus } from './BlockStatus.tsx';
import { BlockToggle } from './BlockToggle.tsx';
import type { Settings } from './use-settings.ts';

const HOW_SEEN: Record<DescribedFinding['kind'], string> = {
  site: 'This page is served from',
  embed: 'This page embeds',
  request: 'This page sends requests to',
  'unknown-endpoint': 'This page sends AI API requests to',
};

const CHANNEL_WORDS: Record<Channel, string> = {
  frame: 'a frame',
  iframe: 'an iframe',
  script: 'a script',
  marker: 'a widget marker',
  fetch: 'fetch',
  xhr: 'XMLHttpRequest',
  websocket: 'WebSocket',
  eventsource: 'EventSource',
  beacon: 'sendBeacon',
  network: 'the browser network log',
};

interface Props {
  findings: DescribedFinding[];
  /** false when the verdict above already gives this provider's reason. */
  showReason: boolean;
  settings: Settings;
  db: RiskDatabase;
  /** Host of the page, the sender of the requests. */
  site?: string;
}

export function ProviderCard({ findings, showReason, settings, db, site }: Props) {
  const [first] = findings;
  if (!first) return null;
  // The card's level and reason are its worst finding's (a closed model behind an aggregator).
  const worst = findingsByProvider(findings)[0] ?? first;
  return (
    <article class="card" data-provider={providerKeyOf(first)}>
      <header class="card-head">
        <h2>{first.providerName}</h2>
        <LevelBadge level={worst.level} />
      </header>
      {first.operator ? (
        <p class="operator">
          Run by {first.operator.name} · <Country code={first.operator.country} />
        </p>
      ) : (
        <p class="operator">Not in the database: who runs it and where is unknown.</p>
      )}
      {first.parent && (
        <p class="operator" data-fact="parent">
          Owned by {first.parent.name} · <Country code={first.parent.country} />
        </p>
      )}
      {showReason && worst.reason && <p class="reason">{worst.reason}</p>}
      <BlockStatus findings={findings} settings={settings} db={db} {...(site ? { site } : {})} />
      <ul class="evidence">
        {findings.map((f) => (
          <li key={`${f.kind}|${f.host}|${f.model ?? ''}|${f.marker ?? ''}`}>
            {HOW_SEEN[f.kind]} <code>{f.host}</code>
            {f.operator ? ` (${f.productName})` : ''}
            {f.model ? (
              <>
                {' '}naming model <code>{f.model}</code>
              </>
            ) : null}
            {f.upstream ? ` — built by ${f.upstream.providerName} (${f.upstream.operator.country})${f.upstream.openWeights ? ', open weights' : ''}` : ''}
            {f.count > 1 ? `, ${f.count} times` : ''}
            {' · seen through '}
            {f.via.map((c) => CHANNEL_WORDS[c]).join(', ')}
            {' · '}
            <time dateTime={new Date(f.lastSeen).toISOString()}>{new Date(f.lastSeen).toLocaleTimeString()}</time>
          </li>
        ))}
      </ul>
      {first.providerId && first.operator && (
        <div class="actions">
          <BlockToggle settings={settings} list="blockedProviders" value={first.providerId} label={first.providerName} />
          <BlockToggle settings={settings} list="blockedCountries" value={first.operator.country} label={countryName(first.operator.country, intlLocaleOf(t))} />
        </div>
      )}
    </article>
  );
}
