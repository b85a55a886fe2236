/**
 * The top of the popup: the tab's state in words, then what the user can do here.
 *
 * - Nothing blocked: the worst level and one sentence naming who gets the data, the database's
 *   reason for the deciding country (its law, never wording of our own), and one line of advice.
 * - Everything blocked (or the tab shows the block page): that is the headline; the risk sentence
 *   follows, and the cards below keep every fact.
 * - Some blocked: the level and sentence of what still goes through, and a line naming the rest.
 *
 * Actions: on an AI product's own site the first one is about the product ("Block DeepSeek");
 * blocking AI on that site only breaks the page, so it comes second and says so. Where the user's
 * own blocks apply, "Pause on this site for 1 hour" (PauseSite.tsx).
 */
import { adviceFor } from '../core/block-actions/advice.ts';
import type { TabBlockState } from '../core/block-actions/tab-blocks.ts';
import type { DescribedFinding } from '../core/facts.ts';
import { listOf } from '../core/i18n.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import type { Verdict as VerdictFacts } from '../core/verdict.ts';
import { t } from '../shared/t.ts';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { BlockToggle } from './BlockToggle.tsx';
import { PauseSite } from './PauseSite.tsx';
import type { Settings } from './use-settings.ts';

interface Props {
  /** Over every finding of the tab. */
  verdict: VerdictFacts;
  /** Over the findings whose traffic still goes through; undefined when none does. */
  openVerdict: VerdictFacts | undefined;
  findings: DescribedFinding[];
  providers: number;
  settings: Settings;
  site?: string;
  blocks: TabBlockState;
  /** The tab shows the block page in place of the site. */
  blockPage: boolean;
  /** Requests the browser blocked on this tab. */
  requests: number;
  pausedUntil: number | undefined;
  /** One of the user's own decisions blocks something on this page (paused or not). */
  userBlocksHere: boolean;
}

export function Verdict({ verdict, openVerdict, findings, providers, settings, site, blocks, blockPage, requests, pausedUntil, userBlocksHere }: Props) {
  const onlyUnknown = findings.every((f) => f.kind === 'unknown-endpoint');
  const all = blockPage || blocks.all || (blocks.blocked.length > 0 && !openVerdict);
  const shown = all ? verdict : (openVerdict ?? verdict);
  const product = findings.find((f) => f.kind === 'site' && f.providerId && (f.operator || f.unverified));
  const blockedNames = listOf(t, (blocks.blocked.length ? blocks.blocked.map((b) => b.finding) : product ? [product] : []).map((f) => f.providerName));
  const advice = all ? undefined : adviceFor(openVerdict?.level);
  const count = new Intl.NumberFormat(intlLocaleOf(t)).format(requests);
  return (
    <section
      class={`verdict verdict-${all ? 'blocked' : shown.level}`}
      data-state={onlyUnknown ? 'unknown' : 'findings'}
      data-blocked={all ? 'all' : blocks.blocked.length ? 'some' : 'none'}
      aria-live="polite"
      aria-labelledby="verdict-sentence"
    >
      <div class="verdict-top">
        {all ? <span class="level level-blocked">{t('popBlockedPill')}</span> : <LevelBadge level={shown.level} />}
        <span class="verdict-count">{t(providers === 1 ? 'popOneService' : 'popServices', [providers])}</span>
      </div>
      <h1 id="verdict-sentence">{all ? t('popBlockedHeadline', [blockedNames]) : shown.sentence}</h1>
      {all ? <p class="verdict-was">{verdict.sentence}</p> : shown.reason ? <p class="verdict-reason">{shown.reason}</p> : null}
      {!all && blocks.blocked.length > 0 ? <p class="verdict-partly">{t('popPartlyBlocked', [blockedNames])}</p> : null}
      {blockPage && site ? <p class="block-page-note">{t('popBlockPageNote', [site])}</p> : null}
      {requests > 0 ? (
        <p class="blocked-count" data-blocked-requests={requests}>
          {t(requests === 1 ? 'popBlockedRequestOne' : 'popBlockedRequests', [count])}
        </p>
      ) : null}
      {advice ? (
        <p class="advice" data-advice={advice.kind}>
          {advice.kind === 'approved' ? t('popAdviceApproved', [listOf(t, advice.tools)]) : t('popAdviceUseLow')}
        </p>
      ) : null}
      {site && (
        <div class="site-actions">
          {product?.providerId ? (
            <>
              <BlockToggle settings={settings} list="blockedProviders" value={product.providerId} label={product.providerName} primary />
              {/* Once the product is blocked, blocking AI on its site adds nothing, unless that is what blocks it. */}
              {blockPage || (all && !siteListed(settings, site)) ? null : (
                <div class="site-block">
                  <BlockToggle settings={settings} list="blockedSites" value={site} label={t('popSiteLabel', [site])} />
                  <p class="hint" data-explains="blockedSites">
                    {t('popSiteBlockWhat')}
                  </p>
                </div>
              )}
            </>
          ) : (
            <BlockToggle settings={settings} list="blockedSites" value={site} label={t('popSiteLabel', [site])} />
          )}
          {blockPage ? null : <PauseSite settings={settings} site={site} pausedUntil={pausedUntil} userBlocksHere={userBlocksHere} />}
        </div>
      )}
    </section>
  );
}

/** Whether the user's or the organization's site list names `site`. */
function siteListed(settings: Settings, site: string): boolean {
  const view = settings.view;
  return !!view && (view.settings.org.blockedSites.includes(site) || (view.user.blockedSites ?? []).includes(site));
}
