/** Risk levels and block thresholds as the options page names them (message keys). */
import type { RiskLevel } from '../core/risk-level.ts';

export const LEVEL_NAME_KEYS: Record<RiskLevel, string> = { high: 'optLevelHigh', medium: 'optLevelMedium', low: 'optLevelLow', unknown: 'optLevelUnknown' };
