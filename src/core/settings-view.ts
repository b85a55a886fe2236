/** What the popup, options and block pages are told about settings (ui-to-bg/get-settings). */
import type { SettingProblem } from './policy-parse.ts';
import type { EffectiveSettings } from './policy-merge.ts';
import type { RuleStats } from './block-rules.ts';
import type { Policy, UserSettings } from './settings.ts';

/** The rules last applied to the browser, as stored by the background (apply-rules.ts). */
export interface RulesStatus extends RuleStats {
  /** When they were applied (ms since epoch). */
  appliedAt: number;
  /** Rules left out to stay in the browser's limits. */
  problems: string[];
  /** Why the browser refused the last update, when it did (the previous rules stay). */
  error?: string;
  /** Why the browser refused the rules removing reporting headers (core/browser-traffic), if it did. */
  reportingError?: string;
  /** The browser's network prediction under strict network mode (background/network-prediction.ts). */
  networkPrediction?: 'off' | 'browser' | 'no-permission' | 'not-controllable';
}

export interface SettingsView {
  settings: EffectiveSettings;
  user: Partial<UserSettings>;
  policy: Policy;
  policyProblems: SettingProblem[];
  userProblems: SettingProblem[];
  /** When the managed policy was last read; null before the first read. */
  policyReadAt: number | null;
  /** Why the last read failed (the cached policy applies meanwhile). */
  policyError?: string;
  rules: RulesStatus | null;
}
