/**
 * What the toolbar button shows for a tab: short text, a colour and a tooltip sentence. The
 * text and tooltip carry the level in words, so colour is never the only signal.
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

export function badgeFor(findings: readonly DescribedFinding[], t: Translate): BadgeView {
  const name = t('extName');
  const level = worstOf(findings);
  if (!level) return { text: '', color: '#5f6368', title: t('wBadgeNone', [name]) };
  // Worst first, each provider by its worst finding (an aggregator with a closed model names the builder).
  const providers = findingsByProvider(findings)
    .map((f) => providerLabel(f, t))
    .join(t('listSeparator'));
  const { text, color, words } = LEVEL_BADGE[level];
  return { text: t(text), color, title: t('wBadgeTitle', [name, t(words), providers]) };
}
