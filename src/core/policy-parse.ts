/**
 * Reads settings from places the extension does not control: the managed policy (written by an
 * admin, by hand or by a console) and the user's stored settings (storage.local, which content
 * scripts could reach). Each key is checked on its own: a bad key or list entry is left out and
 * reported with the key and the reason, and everything valid still applies (docs/policy.md).
 */
import { MAX_EXTRA_PROVIDERS, MAX_HOSTS_PER_EXTRA_PROVIDER, MAX_LIST_ENTRIES } from './constants.ts';
import { isKnownCountryCode } from './country.ts';
import { expiringEntry } from './exceptions/expiring-entry.ts';
import { hostPatternProblem } from './host-pattern.ts';
import { parseAlternatives, parseOrganizationMessage, parseSupportUrl } from './guidance/guidance-policy.ts';
import { type PreferredTool, preferredToolOf } from './guidance/preferred-tool.ts';
import { parseReporting } from './reporting/reporting-config.ts';
import {
  BLOCK_LEVELS,
  type BlockLevel,
  type CountryLevel,
  type ExtraProvider,
  LIST_KEYS,
  type ListKey,
  MAX_JUSTIFY_MINUTES,
  MAX_RETENTION_DAYS,
  MIN_JUSTIFY_MINUTES,
  MIN_RETENTION_DAYS,
  MODES,
  type Mode,
  type Policy,
  POLICY_KEYS,
  type UserKey,
  type UserSettings,
  USER_KEYS,
} from './settings.ts';

/** One thing left out: `key` names the setting and, inside it, the entry (`blockedCountries[2]`). */
export interface SettingProblem {
  key: string;
  reason: string;
}

export interface Parsed<T> {
  value: T;
  problems: SettingProblem[];
}

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const COUNTRY_LEVELS: readonly CountryLevel[] = ['low', 'medium', 'high'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short rendering of an untrusted value for a problem report. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Checks one setting's value; pushes problems and returns the usable part, or undefined. */
type Check<T> = (value: unknown, key: string, problems: SettingProblem[]) => T | undefined;

const oneOf =
  <T extends string>(allowed: readonly T[]): Check<T> =>
  (value, key, problems) => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    problems.push({ key, reason: `${shown(value)} is not one of ${allowed.join(', ')}` });
    return undefined;
  };

const boolean: Check<boolean> = (value, key, problems) => {
  if (typeof value === 'boolean') return value;
  problems.push({ key, reason: `${shown(value)} is not true or false` });
  return undefined;
};

const retention: Check<number> = (value, key, problems) => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_RETENTION_DAYS && value <= MAX_RETENTION_DAYS) return value;
  problems.push({ key, reason: `${shown(value)} is not a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}` });
  return undefined;
};

const justifyMinutes: Check<number> = (value, key, problems) => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_JUSTIFY_MINUTES && value <= MAX_JUSTIFY_MINUTES) return value;
  problems.push({ key, reason: `${shown(value)} is not a whole number of minutes from ${MIN_JUSTIFY_MINUTES} to ${MAX_JUSTIFY_MINUTES}` });
  return undefined;
};

const preferredTool: Check<PreferredTool | null> = (value, key, problems) => {
  const r = preferredToolOf(value);
  if ('ok' in r) return r.ok;
  problems.push({ key, reason: r.problem });
  return undefined;
};

/** ISO 3166-1 alpha-2; lower case is accepted and upper-cased. */
export function countryProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `${shown(value)} is not a country code`;
  return isKnownCountryCode(value.toUpperCase()) ? undefined : `${shown(value)} is not an ISO 3166-1 alpha-2 country code`;
}

/** A site's hostname from `example.com`, `https://example.com/path` or `*.example.com`. */
export function siteHostOf(value: string): string | undefined {
  const text = value.trim().toLowerCase().replace(/^\*\./, '');
  if (!text || text.length > 253) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return undefined;
  }
  host = host.endsWith('.') ? host.slice(0, -1) : host;
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host) ? host : undefined;
}

/** A list whose entries are checked one by one; duplicates are dropped quietly. */
const listOf =
  (entry: (value: unknown) => { ok: string } | { problem: string }): Check<string[]> =>
  (value, key, problems) => {
    if (!Array.isArray(value)) {
      problems.push({ key, reason: `${shown(value)} is not a list` });
      return undefined;
    }
    if (value.length > MAX_LIST_ENTRIES) problems.push({ key, reason: `${value.length} entries: only the first ${MAX_LIST_ENTRIES} are used` });
    const out = new Set<string>();
    value.slice(0, MAX_LIST_ENTRIES).forEach((item, i) => {
      const r = entry(item);
      if ('ok' in r) out.add(r.ok);
      else problems.push({ key: `${key}[${i}]`, reason: r.problem });
    });
    return [...out];
  };

const countryEntry = (value: unknown) => {
  const problem = countryProblem(value);
  return problem ? { problem } : { ok: (value as string).toUpperCase() };
};

const siteEntry = (value: unknown) => {
  const host = typeof value === 'string' ? siteHostOf(value) : undefined;
  return host ? { ok: host } : { problem: `${shown(value)} is not a site's hostname` };
};

const providerEntry = (isProvider: (id: string) => boolean) => (value: unknown) => {
  if (typeof value !== 'string' || !ID_RE.test(value)) return { problem: `${shown(value)} is not a provider ID` };
  return isProvider(value) ? { ok: value } : { problem: `${shown(value)} is not a provider in the database or in extraProviders` };
};

const countryLevels: Check<Record<string, CountryLevel>> = (value, key, problems) => {
  if (!isObj(value)) {
    problems.push({ key, reason: `${shown(value)} is not an object of country codes and levels` });
    return undefined;
  }
  const out: Record<string, CountryLevel> = {};
  for (const [country, level] of Object.entries(value).slice(0, 300)) {
    const at = `${key}.${country.slice(0, 20)}`;
    const problem = countryProblem(country);
    if (problem) problems.push({ key: at, reason: problem });
    else if (typeof level !== 'string' || !(COUNTRY_LEVELS as readonly string[]).includes(level)) problems.push({ key: at, reason: `${shown(level)} is not one of ${COUNTRY_LEVELS.join(', ')}` });
    else out[country.toUpperCase()] = level as CountryLevel;
  }
  return out;
};

const EXTRA_FIELDS = ['id', 'name', 'country', 'hosts', 'dataCountries', 'url'];

function extraProvider(value: unknown, at: string, problems: SettingProblem[], taken: (id: string) => boolean): ExtraProvider | undefined {
  if (!isObj(value)) return void problems.push({ key: at, reason: `${shown(value)} is not an object` });
  const before = problems.length;
  const fail = (field: string, reason: string) => problems.push({ key: `${at}.${field}`, reason });
  for (const field of Object.keys(value)) if (!EXTRA_FIELDS.includes(field)) fail(field.slice(0, 40), `unknown field (allowed: ${EXTRA_FIELDS.join(', ')})`);
  const { id, name, country, hosts, dataCountries, url } = value;
  if (typeof id !== 'string' || !ID_RE.test(id)) fail('id', `${shown(id)} is not an ID (lower-case letters, digits and dashes)`);
  else if (taken(id)) fail('id', `${shown(id)} is already a provider ID`);
  if (typeof name !== 'string' || !name.trim() || name.length > 100) fail('name', `${shown(name)} is not a name of 1 to 100 characters`);
  const countryWhy = countryProblem(country);
  if (countryWhy) fail('country', countryWhy);
  const hostList: string[] = [];
  if (!Array.isArray(hosts) || hosts.length === 0 || hosts.length > MAX_HOSTS_PER_EXTRA_PROVIDER) {
    fail('hosts', `must be a list of 1 to ${MAX_HOSTS_PER_EXTRA_PROVIDER} host patterns`);
  } else {
    hosts.forEach((h, i) => {
      const host = typeof h === 'string' ? h.trim().toLowerCase() : h;
      const why = typeof host === 'string' ? hostPatternProblem(host) : 'is not a host pattern';
      if (why) fail(`hosts[${i}]`, `${shown(h)} ${why}`);
      else hostList.push(host as string);
    });
  }
  const data = dataCountries === undefined ? undefined : listOf(countryEntry)(dataCountries, `${at}.dataCountries`, problems);
  if (url !== undefined && (typeof url !== 'string' || url.length > 2048 || !/^https?:\/\/\S+$/.test(url))) fail('url', `${shown(url)} is not an http(s) URL`);
  if (problems.length > before) return undefined; // an extra provider is all or nothing: half of one would mislead
  return { id: id as string, name: (name as string).trim(), country: (country as string).toUpperCase(), hosts: hostList, ...(data?.length ? { dataCountries: data } : {}), ...(url ? { url: url as string } : {}) };
}

/**
 * The policy's extra providers: each with a unique ID that is not a database provider's. A bad
 * entry is left out whole; the others apply.
 */
function extraProviders(value: unknown, key: string, problems: SettingProblem[], isDatabaseProvider: (id: string) => boolean): ExtraProvider[] | undefined {
  if (!Array.isArray(value)) return void problems.push({ key, reason: `${shown(value)} is not a list` });
  if (value.length > MAX_EXTRA_PROVIDERS) problems.push({ key, reason: `${value.length} entries: only the first ${MAX_EXTRA_PROVIDERS} are used` });
  const out: ExtraProvider[] = [];
  const ids = new Set<string>();
  value.slice(0, MAX_EXTRA_PROVIDERS).forEach((item, i) => {
    const extra = extraProvider(item, `${key}[${i}]`, problems, (id) => isDatabaseProvider(id) || ids.has(id));
    if (extra) {
      ids.add(extra.id);
      out.push(extra);
    }
  });
  return out;
}

/** Checks for every user setting; provider lists need to know which IDs exist. */
function userChecks(isProvider: (id: string) => boolean): { [K in UserKey]: Check<UserSettings[K]> } {
  const providers = listOf(providerEntry(isProvider));
  const countries = listOf(countryEntry);
  const sites = listOf(siteEntry);
  return {
    mode: oneOf<Mode>(MODES),
    countryLevels,
    showWarning: boolean,
    strictNetwork: boolean,
    preferredTool,
    auditRetentionDays: retention,
    blockedProviders: providers,
    // Allow-list entries may end: `deepseek until 2026-12-31` (exceptions/expiring-entry.ts).
    allowedProviders: listOf(expiringEntry(providerEntry(isProvider))),
    blockedCountries: countries,
    allowedCountries: listOf(expiringEntry(countryEntry)),
    blockedSites: sites,
    allowedSites: listOf(expiringEntry(siteEntry)),
    blockedModelBuilders: providers,
    blockedModelOrigins: countries,
    blockLevel: oneOf<BlockLevel>(BLOCK_LEVELS),
  };
}

/** A model-name pattern: lower case, the characters model names use, `*` for any run of them. */
export const MODEL_PATTERN_RE = /^[a-z0-9*][a-z0-9._:/@+*-]{0,127}$/;

function modelPatternEntry(v: unknown): { ok: string } | { problem: string } {
  if (typeof v !== 'string') return { problem: `${shown(v)} is not a text` };
  const pattern = v.trim().toLowerCase();
  if (!MODEL_PATTERN_RE.test(pattern)) return { problem: `${shown(v)} is not a model-name pattern (letters, digits, . _ : / @ + - and * for any characters)` };
  if (/^[*]+$/.test(pattern)) return { problem: `${shown(v)} would match every model; block AI by level or country instead` };
  return { ok: pattern };
}

function parseKeys<K extends string>(raw: Obj, keys: readonly K[], checks: Partial<Record<K, Check<unknown>>>, problems: SettingProblem[]): Partial<Record<K, unknown>> {
  const out: Partial<Record<K, unknown>> = {};
  for (const key of Object.keys(raw)) {
    if (!(keys as readonly string[]).includes(key)) {
      problems.push({ key: key.slice(0, 60), reason: 'unknown key' });
      continue;
    }
    const check = checks[key as K];
    if (!check) continue;
    const value = check(raw[key], key, problems);
    if (value !== undefined) out[key as K] = value;
  }
  return out;
}

/**
 * A managed policy: `raw` is what storage.managed returned. Chrome has already dropped values of
 * the wrong type (it checks them against managed_schema.json and lists them on chrome://policy);
 * Firefox passes policies.json on as written, so every check is repeated here.
 */
export function parsePolicy(raw: unknown, isDatabaseProvider: (id: string) => boolean): Parsed<Policy> {
  const problems: SettingProblem[] = [];
  if (!isObj(raw)) return { value: {}, problems: raw === undefined || raw === null ? [] : [{ key: '(policy)', reason: `${shown(raw)} is not an object of settings` }] };
  // Extra providers first: the lists may name them.
  const extras = 'extraProviders' in raw ? extraProviders(raw.extraProviders, 'extraProviders', problems, isDatabaseProvider) : undefined;
  const extraIds = new Set(extras?.map((e) => e.id));
  const checks: Partial<Record<(typeof POLICY_KEYS)[number], Check<unknown>>> = {
    ...userChecks((id) => isDatabaseProvider(id) || extraIds.has(id)),
    lockedSettings: listOf((v) => (typeof v === 'string' && (USER_KEYS as readonly string[]).includes(v) ? { ok: v } : { problem: `${shown(v)} is not a setting name (one of ${USER_KEYS.join(', ')})` })),
    allowBypass: boolean,
    justifyMinutes,
    blockedModels: listOf(modelPatternEntry),
    reporting: (value, _key, problems) => parseReporting(value, problems),
    organizationMessage: (value, _key, problems) => parseOrganizationMessage(value, problems),
    supportUrl: (value, _key, problems) => parseSupportUrl(value, problems),
    approvedAlternatives: (value, _key, problems) => parseAlternatives(value, problems, (id) => isDatabaseProvider(id) || extraIds.has(id), isKnownCountryCode),
  };
  const value = parseKeys(raw, POLICY_KEYS, checks, problems) as Policy;
  if (extras) value.extraProviders = extras;
  return { value, problems };
}

/** The user's stored settings (storage.local); a bad key falls back to the layer below. */
export function parseUserSettings(raw: unknown, isProvider: (id: string) => boolean): Parsed<Partial<UserSettings>> {
  const problems: SettingProblem[] = [];
  if (!isObj(raw)) return { value: {}, problems: raw === undefined ? [] : [{ key: '(settings)', reason: `${shown(raw)} is not an object of settings` }] };
  return { value: parseKeys(raw, USER_KEYS, userChecks(isProvider), problems) as Partial<UserSettings>, problems };
}

export const isListKey = (key: string): key is ListKey => (LIST_KEYS as readonly string[]).includes(key);
