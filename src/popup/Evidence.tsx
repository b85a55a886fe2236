/** What was seen of one provider on the page: what, where, how often, when and how. */
import type { DescribedFinding } from '../core/facts.ts';
import type { Channel } from '../core/tab-state.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';
import { withCode } from '../ui/with-code.tsx';

const HOW_SEEN: Record<DescribedFinding['kind'], string> = {
  site: 'popSeenSite',
  embed: 'popSeenEmbed',
  request: 'popSeenRequest',
  'unknown-endpoint': 'popSeenUnknown',
};

const CHANNEL_WORDS: Record<Channel, string> = {
  frame: 'popViaFrame',
  iframe: 'popViaIframe',
  script: 'popViaScript',
  marker: 'popViaMarker',
  fetch: 'popViaFetch',
  xhr: 'popViaXhr',
  websocket: 'popViaWebsocket',
  eventsource: 'popViaEventsource',
  beacon: 'popViaBeacon',
  network: 'popViaNetwork',
};

export function Evidence({ findings }: { findings: DescribedFinding[] }) {
  // The messages' language, not getUILanguage(): Chromium on Linux can show zh_CN messages while reporting en-US.
  const language = intlLocaleOf(t);
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'medium' });
  const count = new Intl.NumberFormat(language);
  return (
    <details class="more evidence-box">
      <summary>{t('popEvidenceSummary', [count.format(findings.reduce((n, f) => n + f.count, 0))])}</summary>
      <ul class="evidence">
        {findings.map((f) => (
          <li key={`${f.kind}|${f.host}|${f.model ?? ''}|${f.marker ?? ''}`}>
            <span class="what">{withCode(t, HOW_SEEN[f.kind], f.host)}</span>
            {f.model && <span class="detail">{withCode(t, 'popNamingModel', f.model)}</span>}
            {f.path && <span class="detail">{withCode(t, 'popAtPath', f.path)}</span>}
            {f.marker && <span class="detail">{withCode(t, 'popByMarker', f.marker)}</span>}
            <span class="meta">
              {f.frameId === 0 ? t('popInTopPage') : t('popInFrame')}
              {' · '}
              {f.count === 1 ? t('popOnce') : t('popTimes', [count.format(f.count)])}
              {' · '}
              {t('popVia', [f.via.map((c) => t(CHANNEL_WORDS[c])).join(t('listSeparator'))])}
              {' · '}
              <time dateTime={new Date(f.lastSeen).toISOString()}>{t('popLastSeen', [time.format(f.lastSeen)])}</time>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
