/**
 * The organization's own words where people meet a block (issue 19): `organizationMessage` (plain
 * text, per language), `supportUrl` (https or mailto) and `approvedAlternatives` (the AI tools it
 * provides, optionally only for some blocked providers, countries or levels). Policy only; all of
 * it is text to show, never markup, and bounded here.
 */
import type { RiskLevel } from '../risk-level.ts';

export interface ApprovedAlternative {
  name: string;
  /** https only: opened in a new tab from the block page, the warning or the popup. */
  url: string;
  description?: string;
  /** Shown only for these blocked providers, countries (operator's) or levels; none set: for every block. */
  providers?: string[];
  countries?: string[];
  levels?: RiskLevel[];
}

/** Language tag (`en`, `zh-CN`; `zh_CN` is read as `zh-CN`) or `*` for any other → plain text. */
export type OrganizationMessage = Record<string, string>;

export interface GuidanceProblem {
  key: string;
  reason: string;
}

export const MAX_ALTERNATIVES = 20;
const MAX_NAME = 100;
const MAX_DESCRIPTION = 300;
const MAX_MESSAGE = 1000;
const LANG_RE = /^(?:\*|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/;
const LEVELS: readonly RiskLevel[] = ['unknown', 'low', 'medium', 'high'];

const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v) : Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));
/** Text on one or more lines, without control characters other than line breaks. */
const plain = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.trim() && v.length <= max && !/[\x00-\x09\x0b-\x1f\x7f]/.test(v) ? v.trim() : undefined);

/** An https address without credentials, normalized; undefined otherwise. */
export function httpsUrl(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 2048) return undefined;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function parseSupportUrl(v: unknown, problems: GuidanceProblem[]): string | undefined {
  if (typeof v === 'string' && /^mailto:[^\s<>"]{3,320}$/i.test(v)) return v;
  const url = httpsUrl(v);
  if (!url) problems.push({ key: 'supportUrl', reason: `${shown(v)} is not an https or mailto address` });
  return url;
}

export function parseOrganizationMessage(v: unknown, problems: GuidanceProblem[]): OrganizationMessage | undefined {
  if (typeof v === 'string') {
    const text = plain(v, MAX_MESSAGE);
    if (text) return { '*': text };
    problems.push({ key: 'organizationMessage', reason: `${shown(v)} is not a text of 1 to ${MAX_MESSAGE} characters` });
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    problems.push({ key: 'organizationMessage', reason: `${shown(v)} is not a text, nor an object of texts by language` });
    return undefined;
  }
  const out: OrganizationMessage = {};
  for (const [lang, text] of Object.entries(v).slice(0, 50)) {
    const tag = lang.replace('_', '-');
    const value = plain(text, MAX_MESSAGE);
    if (!LANG_RE.test(tag)) problems.push({ key: `organizationMessage.${lang.slice(0, 20)}`, reason: 'not a language tag such as en or zh-CN, nor *' });
    else if (!value) problems.push({ key: `organizationMessage.${lang}`, reason: `${shown(text)} is not a text of 1 to ${MAX_MESSAGE} characters` });
    else out[tag] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

export function parseAlternatives(v: unknown, problems: GuidanceProblem[], isProvider: (id: string) => boolean, isCountry: (code: string) => boolean): ApprovedAlternative[] | undefined {
  if (!Array.isArray(v)) {
    problems.push({ key: 'approvedAlternatives', reason: `${shown(v)} is not a list` });
    return undefined;
  }
  if (v.length > MAX_ALTERNATIVES) problems.push({ key: 'approvedAlternatives', reason: `${v.length} entries: only the first ${MAX_ALTERNATIVES} are used` });
  const out: ApprovedAlternative[] = [];
  v.slice(0, MAX_ALTERNATIVES).forEach((item, i) => {
    const key = `approvedAlternatives[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return void problems.push({ key, reason: `${shown(item)} is not an object with name and url` });
    const r = item as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!['name', 'url', 'description', 'providers', 'countries', 'levels'].includes(k)) problems.push({ key: `${key}.${k.slice(0, 40)}`, reason: 'unknown key' });
    const name = plain(r.name, MAX_NAME);
    const url = httpsUrl(r.url);
    if (!name || name.includes('\n')) return void problems.push({ key: `${key}.name`, reason: `${shown(r.name)} is not a name of 1 to ${MAX_NAME} characters on one line` });
    if (!url) return void problems.push({ key: `${key}.url`, reason: `${shown(r.url)} is not an https address` });
    const alt: ApprovedAlternative = { name, url };
    if (r.description !== undefined) {
      const description = plain(r.description, MAX_DESCRIPTION);
      if (description) alt.description = description;
      else problems.push({ key: `${key}.description`, reason: `not a text of 1 to ${MAX_DESCRIPTION} characters` });
    }
    const list = (field: 'providers' | 'countries' | 'levels', ok: (s: string) => string | undefined) => {
      const raw = r[field];
      if (raw === undefined) return undefined;
      if (!Array.isArray(raw)) return void problems.push({ key: `${key}.${field}`, reason: `${shown(raw)} is not a list` });
      const kept: string[] = [];
      raw.slice(0, 100).forEach((e, j) => {
        const value = typeof e === 'string' ? ok(e) : undefined;
        if (value) kept.push(value);
        else problems.push({ key: `${key}.${field}[${j}]`, reason: `${shown(e)} is not ${field === 'providers' ? 'a provider ID' : field === 'countries' ? 'an ISO 3166-1 alpha-2 country code' : 'a level (unknown, low, medium, high)'}` });
      });
      return kept;
    };
    const providers = list('providers', (s) => (isProvider(s) ? s : undefined));
    const countries = list('countries', (s) => (isCountry(s.toUpperCase()) ? s.toUpperCase() : undefined));
    const levels = list('levels', (s) => ((LEVELS as readonly string[]).includes(s) ? s : undefined));
    if (providers?.length) alt.providers = providers;
    if (countries?.length) alt.countries = countries;
    if (levels?.length) alt.levels = levels as RiskLevel[];
    out.push(alt);
  });
  return out;
}

/** What a blocked service is, for choosing the alternatives offered. */
export interface BlockedService {
  providerId?: string;
  country?: string;
  level?: RiskLevel;
}

/** The alternatives for a block: those with no condition, or a condition the service meets. */
export function alternativesFor(alternatives: readonly ApprovedAlternative[] | undefined, service: BlockedService): ApprovedAlternative[] {
  return (alternatives ?? []).filter((a) => {
    if (!a.providers && !a.countries && !a.levels) return true;
    return (!!service.providerId && !!a.providers?.includes(service.providerId)) || (!!service.country && !!a.countries?.includes(service.country)) || (!!service.level && !!a.levels?.includes(service.level));
  });
}

/** The message in `language` (a BCP 47 tag as the browser gives it), else its primary language, else `*`, else English, else any. */
export function messageIn(message: OrganizationMessage | undefined, language: string): string | undefined {
  if (!message) return undefined;
  const tag = language.replace('_', '-');
  const lower = Object.fromEntries(Object.entries(message).map(([k, v]) => [k.toLowerCase(), v]));
  return lower[tag.toLowerCase()] ?? lower[tag.split('-')[0]!.toLowerCase()] ?? lower['*'] ?? lower.en ?? Object.values(message)[0];
}
