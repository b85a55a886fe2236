/** A risk level as a labelled chip: the word carries the meaning, the colour only repeats it. */
import type { RiskLevel } from '../core/risk-level.ts';
import { t } from '../shared/t.ts';

const LABEL: Record<RiskLevel, string> = { high: 'wLevelHighRisk', medium: 'wLevelMediumRisk', low: 'wLevelLowRisk', unknown: 'wLevelUnknownRisk' };
const ICON: Record<RiskLevel, string> = { high: '▲', medium: '◆', low: '●', unknown: '?' };

export function LevelBadge({ level }: { level: RiskLevel }) {
  return (
    <span class={`level level-${level}`} data-level={level}>
      <span aria-hidden="true">{ICON[level]}</span> {t(LABEL[level])}
    </span>
  );
}
