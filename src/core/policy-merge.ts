/**
 * Settings in layers (docs/policy.md): defaults, then the user's, then the organization's policy.
 *
 * - A single-valued setting (mode, country levels, warning, retention) is the user's unless the
 *   policy locks it; an unlocked policy value is the default the user starts from.
 * - Block and allow lists and the level threshold are kept per tier: the organization's entries
 *   always apply; the user's own entries add to them unless the policy locks that key.
 *
 * The user's stored values are never rewritten here: a key locked today is theirs again when the
 * lock is lifted.
 */
import {
  DEFAULT_ALLOW_BYPASS,
  DEFAULT_SETTINGS,
  EMPTY_TIER,
  type ExtraProvider,
  type Policy,
  SCALAR_KEYS,
  type ScalarSettings,
  TIER_KEYS,
  type TierRules,
  type UserKey,
  type UserSettings,
} from './settings.ts';

export type SettingSource = 'default' | 'user' | 'organization';

export interface EffectiveSettings extends ScalarSettings {
  /** The organization's decisions; empty without a policy. */
  org: TierRules;
  /** The user's own decisions that apply (empty for keys the policy locks). */
  user: TierRules;
  extraProviders: ExtraProvider[];
  locked: UserKey[];
  allowBypass: boolean;
  /** The organization's model-name patterns (policy `blockedModels`). */
  blockedModels: string[];
  /** Where each single-valued setting's value comes from. */
  sources: Record<(typeof SCALAR_KEYS)[number], SettingSource>;
}

export function effectiveSettings(user: Partial<UserSettings>, policy: Policy): EffectiveSettings {
  const locked = [...new Set(policy.lockedSettings ?? [])];
  const isLocked = (key: UserKey) => locked.includes(key);
  const scalars = {} as ScalarSettings;
  const sources = {} as EffectiveSettings['sources'];
  const setScalar = <K extends (typeof SCALAR_KEYS)[number]>(key: K) => {
    const fromPolicy = policy[key];
    const fromUser = isLocked(key) ? undefined : user[key];
    const [value, source]: [ScalarSettings[K], SettingSource] =
      fromUser !== undefined ? [fromUser as ScalarSettings[K], 'user'] : fromPolicy !== undefined ? [fromPolicy as ScalarSettings[K], 'organization'] : [DEFAULT_SETTINGS[key], 'default'];
    scalars[key] = (typeof value === 'object' ? { ...value } : value) as ScalarSettings[K];
    sources[key] = isLocked(key) && fromPolicy === undefined ? 'organization' : source;
  };
  for (const key of SCALAR_KEYS) setScalar(key);
  // A locked country-levels map is the policy's alone; an unlocked one lets the user add countries.
  if (!isLocked('countryLevels') && policy.countryLevels && user.countryLevels) scalars.countryLevels = { ...policy.countryLevels, ...user.countryLevels };
  const tier = (from: Partial<UserSettings>, skipLocked: boolean): TierRules => {
    // Fresh lists: EMPTY_TIER's own arrays must never be handed out (a caller could push to them).
    const out: TierRules = { ...EMPTY_TIER, blockedProviders: [], allowedProviders: [], blockedCountries: [], allowedCountries: [], blockedSites: [], allowedSites: [], blockedModelBuilders: [], blockedModelOrigins: [] };
    for (const key of TIER_KEYS) {
      if (skipLocked && isLocked(key)) continue;
      const value = from[key];
      if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
    }
    return out;
  };
  return {
    ...scalars,
    org: tier(policy, false),
    user: tier(user, true),
    extraProviders: policy.extraProviders ?? [],
    locked,
    allowBypass: policy.allowBypass ?? DEFAULT_ALLOW_BYPASS,
    blockedModels: [...(policy.blockedModels ?? [])],
    sources,
  };
}

/** Whether the user may change `key` (the popup and options show it locked otherwise). */
export function isLockedKey(settings: Pick<EffectiveSettings, 'locked'>, key: UserKey): boolean {
  return settings.locked.includes(key);
}
