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
import { activeEntries, EXPIRING_KEYS, type ExpiringKey } from './exceptions/expiring-entry.ts';
import {
  DEFAULT_ALLOW_BYPASS,
  DEFAULT_JUSTIFY_MINUTES,
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

/** Per allow list, the entries that apply until a time: value → end (epoch ms). */
export type ExceptionEnds = Partial<Record<ExpiringKey, Record<string, number>>>;

export interface EffectiveSettings extends ScalarSettings {
  /** The organization's decisions; empty without a policy. */
  org: TierRules;
  /** The user's own decisions that apply (empty for keys the policy locks). */
  user: TierRules;
  extraProviders: ExtraProvider[];
  locked: UserKey[];
  allowBypass: boolean;
  /** In justify mode, minutes a site stays open after a reason (policy `justifyMinutes`). */
  justifyMinutes: number;
  /** The organization's model-name patterns (policy `blockedModels`). */
  blockedModels: string[];
  /** Where each single-valued setting's value comes from. */
  sources: Record<(typeof SCALAR_KEYS)[number], SettingSource>;
  /** Exceptions in force that end, per tier (the lists above hold their values only). */
  exceptionEnds: { org: ExceptionEnds; user: ExceptionEnds };
  /** When the first of them ends: these settings are out of date from then on. */
  nextExpiry?: number;
}

/**
 * The settings in force at `now`: exceptions that have ended are left out (they stay stored, so
 * the options page can still show and remove them).
 */
export function effectiveSettings(user: Partial<UserSettings>, policy: Policy, now = Date.now()): EffectiveSettings {
  const locked = [...new Set(policy.lockedSettings ?? [])];
  const isLocked = (key: UserKey) => locked.includes(key);
  const scalars = {} as ScalarSettings;
  const sources = {} as EffectiveSettings['sources'];
  const setScalar = <K extends (typeof SCALAR_KEYS)[number]>(key: K) => {
    const fromPolicy = policy[key];
    const fromUser = isLocked(key) ? undefined : user[key];
    const [value, source]: [ScalarSettings[K], SettingSource] =
      fromUser !== undefined ? [fromUser as ScalarSettings[K], 'user'] : fromPolicy !== undefined ? [fromPolicy as ScalarSettings[K], 'organization'] : [DEFAULT_SETTINGS[key], 'default'];
    scalars[key] = (value !== null && typeof value === 'object' ? { ...value } : value) as ScalarSettings[K];
    sources[key] = isLocked(key) && fromPolicy === undefined ? 'organization' : source;
  };
  for (const key of SCALAR_KEYS) setScalar(key);
  // A locked country-levels map is the policy's alone; an unlocked one lets the user add countries.
  if (!isLocked('countryLevels') && policy.countryLevels && user.countryLevels) scalars.countryLevels = { ...policy.countryLevels, ...user.countryLevels };
  const ends = { org: {} as ExceptionEnds, user: {} as ExceptionEnds };
  let nextExpiry: number | undefined;
  const tier = (from: Partial<UserSettings>, skipLocked: boolean): TierRules => {
    const tierEnds = skipLocked ? ends.user : ends.org;
    // Fresh lists: EMPTY_TIER's own arrays must never be handed out (a caller could push to them).
    const out: TierRules = { ...EMPTY_TIER, blockedProviders: [], allowedProviders: [], blockedCountries: [], allowedCountries: [], blockedSites: [], allowedSites: [], blockedModelBuilders: [], blockedModelOrigins: [] };
    for (const key of TIER_KEYS) {
      if (skipLocked && isLocked(key)) continue;
      const value = from[key];
      if (value === undefined) continue;
      if ((EXPIRING_KEYS as readonly string[]).includes(key) && Array.isArray(value)) {
        const active = activeEntries(value as string[], now);
        (out as unknown as Record<string, unknown>)[key] = active.values;
        if (Object.keys(active.ends).length) tierEnds[key as ExpiringKey] = active.ends;
        for (const end of Object.values(active.ends)) nextExpiry = Math.min(nextExpiry ?? end, end);
      } else (out as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
    }
    return out;
  };
  const org = tier(policy, false);
  const mine = tier(user, true);
  return {
    ...scalars,
    org,
    user: mine,
    extraProviders: policy.extraProviders ?? [],
    locked,
    allowBypass: policy.allowBypass ?? DEFAULT_ALLOW_BYPASS,
    justifyMinutes: policy.justifyMinutes ?? DEFAULT_JUSTIFY_MINUTES,
    blockedModels: [...(policy.blockedModels ?? [])],
    sources,
    exceptionEnds: ends,
    ...(nextExpiry !== undefined ? { nextExpiry } : {}),
  };
}

/** Whether the user may change `key` (the popup and options show it locked otherwise). */
export function isLockedKey(settings: Pick<EffectiveSettings, 'locked'>, key: UserKey): boolean {
  return settings.locked.includes(key);
}
