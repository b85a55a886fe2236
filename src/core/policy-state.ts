/**
 * Everything that follows from the stored settings and the managed policy, computed in one
 * place for the background, the popup, the options page and the block page: the effective
 * settings, the policy's view of the database, and every problem found on the way.
 */
import { parsePolicy, parseUserSettings, type SettingProblem } from './policy-parse.ts';
import { type EffectiveSettings, effectiveSettings } from './policy-merge.ts';
import { policyDatabase } from './policy-database.ts';
import type { RiskDatabase } from './risk-database.ts';
import type { Policy, UserSettings } from './settings.ts';

export interface PolicyState {
  settings: EffectiveSettings;
  /** The bundled database with the policy's extra providers and country levels. */
  db: RiskDatabase;
  policy: Policy;
  /** The user's own settings as stored (valid keys only). */
  user: Partial<UserSettings>;
  /** What the policy got wrong; each is left out and the rest applies. */
  policyProblems: SettingProblem[];
  /** Stored user settings that could not be used (their layer below applies). */
  userProblems: SettingProblem[];
}

export function policyStateOf(bundled: RiskDatabase, rawUser: unknown, rawPolicy: unknown, now = Date.now()): PolicyState {
  const isDatabaseProvider = (id: string) => bundled.provider(id) !== undefined;
  const policy = parsePolicy(rawPolicy, isDatabaseProvider);
  const extraIds = new Set(policy.value.extraProviders?.map((e) => e.id));
  const user = parseUserSettings(rawUser, (id) => isDatabaseProvider(id) || extraIds.has(id));
  const settings = effectiveSettings(user.value, policy.value, now);
  return {
    settings,
    db: policyDatabase(bundled, settings),
    policy: policy.value,
    user: user.value,
    policyProblems: policy.problems,
    userProblems: user.problems,
  };
}
