/**
 * What a user or an organization can decide, and the defaults (docs/policy.md). Settings come in
 * layers: defaults, then the user's choices (storage.local), then the managed policy
 * (storage.managed). Block and allow lists and the level threshold are kept per tier: the
 * organization's entries always apply, and the user's own entries add to them (policy-merge.ts).
 */
import type { ApprovedAlternative, OrganizationMessage } from './guidance/guidance-policy.ts';
import type { PreferredTool } from './guidance/preferred-tool.ts';
import type { ReportingConfig } from './reporting/reporting-config.ts';
import type { CountryCode } from './provider.ts';
import type { RiskLevel } from './risk-level.ts';

/**
 * What happens to traffic the lists and the threshold name: `monitor` records it only; `warn`
 * lets it through and warns; `justify` blocks it, and the block page lets a person continue for
 * a while after giving a reason (core/block-actions/justify.ts); `block` blocks it.
 */
export const MODES = ['monitor', 'warn', 'justify', 'block'] as const;
export type Mode = (typeof MODES)[number];

/** Whether the mode stops traffic (block, and justify until a reason is given). */
export const isEnforcing = (mode: Mode | undefined): boolean => mode === 'block' || mode === 'justify';

/** How long a justified site stays open (policy `justifyMinutes`). */
export const DEFAULT_JUSTIFY_MINUTES = 60;
export const MIN_JUSTIFY_MINUTES = 5;
export const MAX_JUSTIFY_MINUTES = 7 * 24 * 60;

/** `off`, or the lowest level that is blocked (severity: low < unknown < medium < high). */
export const BLOCK_LEVELS = ['off', 'high', 'medium', 'unknown', 'low'] as const;
export type BlockLevel = (typeof BLOCK_LEVELS)[number];

/** A level an organization may give a country instead of the database's. */
export type CountryLevel = Exclude<RiskLevel, 'unknown'>;

/** One tier's decisions: the organization's (policy) or the user's own. */
export interface TierRules {
  /** Provider IDs of the database (`deepseek`) or of the policy's `extraProviders`. */
  blockedProviders: string[];
  allowedProviders: string[];
  /** ISO 3166-1 alpha-2 codes. */
  blockedCountries: CountryCode[];
  allowedCountries: CountryCode[];
  /** Hostnames of pages (each covers its subdomains) whose outbound AI traffic is blocked or allowed. */
  blockedSites: string[];
  allowedSites: string[];
  /**
   * Models by who built them, wherever they are served (the page check, core/model-block): the
   * models of these providers, and of builders run or owned from these countries.
   */
  blockedModelBuilders: string[];
  blockedModelOrigins: CountryCode[];
  blockLevel: BlockLevel;
}

export const LIST_KEYS = ['blockedProviders', 'allowedProviders', 'blockedCountries', 'allowedCountries', 'blockedSites', 'allowedSites', 'blockedModelBuilders', 'blockedModelOrigins'] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export const TIER_KEYS = [...LIST_KEYS, 'blockLevel'] as const;
export type TierKey = (typeof TIER_KEYS)[number];

/** Settings with one value for everyone (the user's unless the policy locks it). */
export interface ScalarSettings {
  mode: Mode;
  countryLevels: Record<CountryCode, CountryLevel>;
  /** Whether the in-page warning is shown (warn and block modes). */
  showWarning: boolean;
  /** Days the audit log keeps entries. */
  auditRetentionDays: number;
  /**
   * Strict network mode (core/browser-traffic): every reporting header is removed and, where the
   * optional `privacy` permission is granted, the browser's network prediction is turned off, so
   * the browser itself opens no connections a page chose.
   */
  strictNetwork: boolean;
  /** The AI tool the person would rather use, offered where a service is blocked or risky; null: none. */
  preferredTool: PreferredTool | null;
}

export const SCALAR_KEYS = ['mode', 'countryLevels', 'showWarning', 'auditRetentionDays', 'strictNetwork', 'preferredTool'] as const;
export type ScalarKey = (typeof SCALAR_KEYS)[number];

/** Everything a user may set (and an organization may lock). */
export type UserSettings = ScalarSettings & TierRules;
export const USER_KEYS = [...SCALAR_KEYS, ...TIER_KEYS] as const;
export type UserKey = (typeof USER_KEYS)[number];

/** An AI service the database does not list: a company's own gateway, or one too new to be in it. */
export interface ExtraProvider {
  /** Lower-case ID, unique among the database's providers and the other extras. */
  id: string;
  name: string;
  /** Where its operator is: ISO 3166-1 alpha-2. */
  country: CountryCode;
  /** Host patterns as in the database: each covers its subdomains; `*` is one label. */
  hosts: string[];
  /** Where it keeps data, if the organization knows. */
  dataCountries?: CountryCode[];
  /** A page that states the facts (the vendor's or an internal one). */
  url?: string;
}

/** Keys only a policy sets. */
export interface PolicyOnly {
  extraProviders: ExtraProvider[];
  /** User settings the user may not change. */
  lockedSettings: UserKey[];
  /** Whether the block page offers "allow once for this site". */
  allowBypass: boolean;
  /** Model-name patterns (lower case, `*` for any characters) stopped wherever they are served. */
  blockedModels: string[];
  /** The organization's own collector for audit events (docs/reporting.md); absent: no reporting. */
  reporting: ReportingConfig;
  /** Shown where a block meets a person (block page, popup): the organization's own words. */
  organizationMessage: OrganizationMessage;
  supportUrl: string;
  approvedAlternatives: ApprovedAlternative[];
  /** In justify mode, how long a site stays open once a person has given a reason. */
  justifyMinutes: number;
}

export const POLICY_ONLY_KEYS = ['extraProviders', 'lockedSettings', 'allowBypass', 'blockedModels', 'reporting', 'organizationMessage', 'supportUrl', 'approvedAlternatives', 'justifyMinutes'] as const;
export type PolicyOnlyKey = (typeof POLICY_ONLY_KEYS)[number];

/** A managed policy as it applies, after its bad keys and entries were left out. */
export type Policy = Partial<UserSettings & PolicyOnly>;
export const POLICY_KEYS = [...USER_KEYS, ...POLICY_ONLY_KEYS] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export const EMPTY_TIER: Readonly<TierRules> = Object.freeze({
  blockedProviders: [],
  allowedProviders: [],
  blockedCountries: [],
  allowedCountries: [],
  blockedSites: [],
  allowedSites: [],
  blockedModelBuilders: [],
  blockedModelOrigins: [],
  blockLevel: 'off',
});

/**
 * Defaults: `block` mode with nothing listed, so nothing is blocked until someone chooses to,
 * and a user's "block" takes effect at once.
 */
export const DEFAULT_SETTINGS: Readonly<UserSettings> = Object.freeze({
  mode: 'block',
  countryLevels: {},
  showWarning: true,
  auditRetentionDays: 30,
  strictNetwork: false,
  preferredTool: null,
  ...EMPTY_TIER,
});

export const DEFAULT_ALLOW_BYPASS = true;

/** Bounds of `auditRetentionDays` (ten years). */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
