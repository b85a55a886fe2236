/**
 * What the toolbar button shows for a tab: short text, a colour and a tooltip sentence. The
 * text and tooltip carry the level in words, so colour is never the only signal.
 */
import { EXTENSION_NAME } from './constants.ts';
import { type DescribedFinding, providerLabel, worstOf } from './facts.ts';
import { findingsByProvider } from './verdict.ts';
import type { RiskLevel } from './risk-level.ts';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

const LEVEL_BADGE: Record<RiskLevel, { text: string; color: string; words: string }> = {
  high: { text: 'HIGH', color: '#c5221f', words: 'High risk' },
  medium: { text: 'MED', color: '#b45309', words: 'Medium risk' },
  low: { text: 'LOW', color: '#137333', words: 'Low risk' },
  unknown: { text: '?', color: '#5f6368', words: 'Unknown risk' },
};

export function badgeFor(findings: readonly DescribedFinding[]): BadgeView {
  const level = worstOf(findings);
  if (!level) return { text: '', color: '#5f6368', title: `${EXTENSION_NAME}: no AI service seen on this page` };
  // Worst first, each provider by its worst finding (an aggregator with a closed model names the builder).
  const providers = findingsByProvider(findings).map(providerLabel).join(', ');
  const { text, color, words } = LEVEL_BADGE[level];
  return { text, color, title: `${EXTENSION_NAME}: ${words}. AI on this page: ${providers}` };
}
