/**
 * A baseline lets a site that knowingly uses some AI services keep a strict `--fail-on`: the
 * services it has reviewed are written to a small JSON file kept in the repository, and a later
 * scan fails only on what changed: a service not in the file, a service now reaching a country it
 * did not, or a service seen at a worse level than accepted.
 *
 * Decision: a service is accepted for the whole scan, not per page. Pages come and go with every
 * crawl; a file listing them would change on every run and stop being reviewed. The key is the
 * provider id, or `unknown/<host>` for an endpoint the database cannot place.
 */
import { compareLevels, isRiskLevel, type RiskLevel, worstLevel } from '../../../src/core/risk-level.ts';
import { type FailLevel, reachesFailLevel } from '../args.ts';
import type { ScanResult } from '../scanner.ts';
import { countriesOf, findingsByService, serviceNameOf } from './service-key.ts';
import { compareText } from './site-summary.ts';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  key: string;
  /** For the reviewer only; matching is by key. */
  name: string;
  /** Countries accepted for this service, sorted. */
  countries: string[];
  /** The worst level accepted. */
  level: RiskLevel;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  /** When it was made (ISO date or date-time, passed in so output is reproducible). */
  generated: string;
  /** Sorted by key, so a regenerated file diffs line by line. */
  services: BaselineEntry[];
}

export type ChangeKind = 'new-service' | 'new-country' | 'raised-level';

/** One service on one page that the baseline does not cover. */
export interface BaselineChange {
  page: string;
  key: string;
  name: string;
  level: RiskLevel;
  /** Every way it differs (a new service is only `new-service`). */
  changes: ChangeKind[];
  /** Countries not in the baseline (all of them for a new service). */
  newCountries: string[];
  /** The level the baseline accepted, when the service is in it. */
  acceptedLevel?: RiskLevel;
}

export interface BaselineComparison {
  /** In scan order, then in the order the page's services were first seen. */
  changes: BaselineChange[];
  /** How many (page, service) pairs the baseline covered. */
  accepted: number;
  /** Service keys with at least one change, sorted. */
  changedKeys: string[];
}

/** The baseline a scan would accept as it is: every service with its countries and worst level. */
export function baselineOf(results: readonly ScanResult[], generated: string): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const r of results) {
    for (const [key, findings] of findingsByService(r.findings)) {
      const e = entries.get(key) ?? { key, name: serviceNameOf(findings[0]!), countries: [], level: findings[0]!.level };
      e.level = worstLevel([e.level, ...findings.map((f) => f.level)])!;
      e.countries = [...new Set([...e.countries, ...findings.flatMap(countriesOf)])].sort();
      entries.set(key, e);
    }
  }
  return { version: BASELINE_VERSION, generated, services: [...entries.values()].sort((a, b) => compareText(a.key, b.key)) };
}

export function compareWithBaseline(results: readonly ScanResult[], baseline: Baseline): BaselineComparison {
  const known = new Map(baseline.services.map((e) => [e.key, e]));
  const changes: BaselineChange[] = [];
  let accepted = 0;
  for (const r of results) {
    for (const [key, findings] of findingsByService(r.findings)) {
      const level = worstLevel(findings.map((f) => f.level))!;
      const countries = [...new Set(findings.flatMap(countriesOf))].sort();
      const entry = known.get(key);
      const base = { page: r.url, key, name: serviceNameOf(findings[0]!), level };
      if (!entry) {
        changes.push({ ...base, changes: ['new-service'], newCountries: countries });
        continue;
      }
      const newCountries = countries.filter((c) => !entry.countries.includes(c));
      const kinds: ChangeKind[] = [];
      if (newCountries.length) kinds.push('new-country');
      if (compareLevels(level, entry.level) > 0) kinds.push('raised-level');
      if (kinds.length) changes.push({ ...base, changes: kinds, newCountries, acceptedLevel: entry.level });
      else accepted++;
    }
  }
  return { changes, accepted, changedKeys: [...new Set(changes.map((c) => c.key))].sort(compareText) };
}

/**
 * Does this page fail the run? Without a baseline: its level reaches `failOn`. With one: one of its
 * changes reaches `failOn` (an accepted high-risk service does not fail; a new low one under
 * `--fail-on medium` does not either).
 */
export function pageFails(result: ScanResult, failOn: FailLevel | undefined, comparison?: BaselineComparison): boolean {
  if (failOn === undefined) return false;
  if (!comparison) return reachesFailLevel(result.level, failOn);
  return comparison.changes.some((c) => c.page === result.url && reachesFailLevel(c.level, failOn));
}

/** Does the whole scan fail `--fail-on` (exit 3)? Pages that could not load are a separate exit status. */
export function failsWith(results: readonly ScanResult[], failOn: FailLevel | undefined, comparison?: BaselineComparison): boolean {
  return results.some((r) => pageFails(r, failOn, comparison));
}

/** A baseline file's text → the baseline, or every problem found, each naming where it is. */
export function parseBaseline(text: string): { baseline: Baseline } | { problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problems: [`not JSON: ${(e as Error).message}`] };
  }
  if (!isObject(data)) return { problems: ['the baseline must be a JSON object with "version", "generated" and "services"'] };
  const problems: string[] = [];
  for (const key of Object.keys(data)) {
    if (!['version', 'generated', 'services', '$schema'].includes(key)) problems.push(`"${key}": unknown key`);
  }
  if (data.version !== BASELINE_VERSION) problems.push(`"version": must be ${BASELINE_VERSION}, not ${JSON.stringify(data.version)}`);
  if (typeof data.generated !== 'string' || data.generated === '') problems.push('"generated": must be a date string');
  const services: BaselineEntry[] = [];
  if (!Array.isArray(data.services)) problems.push('"services": must be a list');
  else {
    const seen = new Set<string>();
    data.services.forEach((raw: unknown, i: number) => {
      const at = `"services"[${i}]`;
      if (!isObject(raw)) return void problems.push(`${at}: must be an object`);
      const before = problems.length;
      for (const key of Object.keys(raw)) {
        if (!['key', 'name', 'countries', 'level'].includes(key)) problems.push(`${at}."${key}": unknown key`);
      }
      if (typeof raw.key !== 'string' || raw.key === '') problems.push(`${at}."key": must be a provider id or unknown/<host>`);
      else if (seen.has(raw.key)) problems.push(`${at}."key": ${JSON.stringify(raw.key)} is listed twice`);
      else seen.add(raw.key);
      if (typeof raw.name !== 'string') problems.push(`${at}."name": must be a string`);
      if (!Array.isArray(raw.countries) || !raw.countries.every((c: unknown) => typeof c === 'string' && /^[A-Z]{2}$/.test(c))) {
        problems.push(`${at}."countries": must be a list of two-letter country codes (CN, US, …)`);
      }
      if (!isRiskLevel(raw.level)) problems.push(`${at}."level": must be one of low, unknown, medium, high`);
      if (problems.length === before) {
        services.push({ key: raw.key as string, name: raw.name as string, countries: [...(raw.countries as string[])].sort(), level: raw.level as RiskLevel });
      }
    });
  }
  if (problems.length) return { problems };
  return { baseline: { version: BASELINE_VERSION, generated: data.generated as string, services } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
