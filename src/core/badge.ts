/**
 * What the toolbar button shows for a tab: short text, a colour and a tooltip sentence. The
 * text and tooltip carry the level in words, so colour is never the only signal. A tab whose AI
 * services are all blocked (or that shows the block page) says that instead of a risk level, so
 * a block is seen at once; the tooltip names what is blocked and how many requests were.
 */
import { type DescribedFinding, providerLabel, worstOf } from './facts.ts';
import type { Translate } from './i18n.ts';
import { findingsByProvider } from './verdict.ts';
import type { RiskLevel } from './risk-level.ts';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** Message keys of the short badge text ("HIGH") and the level in words ("High risk"). */
const LEVEL_BADGE: Record<RiskLevel, { text: string; color: string; words: string }> = {
  high: { text: 'wBadgeHigh', color: '#c5221f', words: 'wLevelHighRisk' },
  medium: { text: 'wBadgeMedium', color: '#b45309', words: 'wLevelMediumRisk' },
  low: { text: 'wBadgeLow', color: '#137333', words: 'wLevelLowRisk' },
  unknown: { text: 'wBadgeUnknown', color: '#5f6368', words: 'wLevelUnknownRisk' },
};

/** Dark slate: unlike any level's colour, and the "no entry" sign on it stays readable. */
export const BLOCKED_BADGE_COLOR = '#3c4043';

/** What is blocked on the tab (core/block-actions/tab-blocks.ts, the block page, the request count). */
export interface BadgeBlocks {
  /** providerKeyOf of the providers whose traffic from this tab is blocked now. */
  blocked: readonly string[];
  /** Everything seen on the tab is blocked, or the tab shows the block page. */
  all: boolean;
  /** Requests the browser blocked on this tab since its page opened. */
  requests: number;
}

export function badgeFor(findings: readonly DescribedFinding[], t: Translate, blocks?: BadgeBlocks): BadgeView {
  const name = t('extName');
  const count = blocks?.requests ? t('wBadgeRequestsBlocked', [blocks.requests]) : '';
  const withCount = (title: string) => (count ? `${title} ${count}` : title);
  // Worst first, each provider by its worst finding (an aggregator with a closed model names the builder).
  const providers = findingsByProvider(findings);
  const isBlocked = (f: DescribedFinding) => blocks?.blocked.includes(f.providerId ?? `unknown:${f.host}`) ?? false;
  const labels = (list: readonly DescribedFinding[]) => list.map((f) => providerLabel(f, t)).join(t('listSeparator'));
  const blocked = providers.filter(isBlocked);
  // What still goes through decides the level; a blocked service is no risk from this tab.
  const open = providers.filter((f) => !isBlocked(f));
  if (blocks?.all || (blocked.length > 0 && open.length === 0)) {
    // The block page's tab: what it replaced is its page's own service.
    const what = blocked.length ? labels(blocked) : providers.length ? labels(providers) : t('wBadgeBlockedAi');
    return { text: t('wBadgeBlocked'), color: BLOCKED_BADGE_COLOR, title: withCount(t('wBadgeBlockedTitle', [name, what])) };
  }
  const level = worstOf(open);
  if (!level) return { text: '', color: '#5f6368', title: withCount(t('wBadgeNone', [name])) };
  const { text, color, words } = LEVEL_BADGE[level];
  const title = t('wBadgeTitle', [name, t(words), labels(open)]);
  return { text: t(text), color, title: withCount(blocked.length ? `${title} ${t('wBadgePartlyBlocked', [labels(blocked)])}` : title) };
}
