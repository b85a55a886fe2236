/** A risk level as a labelled chip: the word carries the meaning, the colour only repeats it. */
import type { RiskLevel } from '../core/risk-level.ts';

const LABEL: Record<RiskLevel, string> = { high: 'High risk', medium: 'Medium risk', low: 'Low risk', unknown: 'Unknown risk' };
const ICON: Record<RiskLevel, string> = { high: '▲', medium: '◆', low: '●', unknown: '?' };

export function LevelBadge({ level }: { level: RiskLevel }) {
  return (
    <span class={`level level-${level}`} data-level={level}>
      <span aria-hidden="true">{ICON[level]}</span> {LABEL[level]}
    </span>
  );
}
