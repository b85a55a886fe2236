/**
 * Risk levels the product shows. The risk-model issue decides which facts lead to which level;
 * this module only fixes the scale and how levels compare.
 */
export const RISK_LEVELS = ['unknown', 'low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Severity order used for "worst level on the tab". `unknown` ranks above `low`: an AI service we
 * cannot place is worth a look, while a known low-risk one is not.
 */
const SEVERITY: Record<RiskLevel, number> = { low: 0, unknown: 1, medium: 2, high: 3 };

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RISK_LEVELS as readonly string[]).includes(value);
}

export function compareLevels(a: RiskLevel, b: RiskLevel): number {
  return SEVERITY[a] - SEVERITY[b];
}

/** The most severe of `levels`, or `undefined` for an empty list. */
export function worstLevel(levels: Iterable<RiskLevel>): RiskLevel | undefined {
  let worst: RiskLevel | undefined;
  for (const level of levels) {
    if (worst === undefined || compareLevels(level, worst) > 0) worst = level;
  }
  return worst;
}
