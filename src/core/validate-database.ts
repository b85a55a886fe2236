/**
 * Runtime schema check of the database source files. The build runs it (scripts/
 * vite-plugin-database.ts) so that a bad entry fails `npm run build` with a message naming the
 * file, the entry and the field; the extension then trusts the compiled data.
 */
import { isRiskLevel } from './risk-level.ts';
import type { Jurisdiction, Provider, RiskDatabase } from './provider.ts';

export class DatabaseError extends Error {
  constructor(readonly problems: string[]) {
    super(`risk database is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'DatabaseError';
  }
}

const HOST_RE = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const COUNTRY_RE = /^[A-Z]{2}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const HOST_ROLES = ['chat', 'api', 'widget', 'asset'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems for one file; `at` is the path of the field being checked. */
class Checker {
  readonly problems: string[] = [];
  constructor(
    private readonly file: string,
    readonly today: string,
  ) {}

  fail(entry: string, at: string, why: string): void {
    this.problems.push(`${this.file}: ${entry}: ${at}: ${why}`);
  }

  string(entry: string, obj: Obj, at: string, key: string, re?: RegExp): string | undefined {
    const v = obj[key];
    if (typeof v !== 'string' || v.trim() === '') return void this.fail(entry, `${at}${key}`, 'missing or empty');
    if (re && !re.test(v)) return void this.fail(entry, `${at}${key}`, `${JSON.stringify(v)} is not valid`);
    return v;
  }

  source(entry: string, obj: Obj, at: string): void {
    const src = obj.source;
    if (!isObj(src)) return this.fail(entry, `${at}source`, 'missing (every fact needs a source URL and a review date)');
    const url = this.string(entry, src, `${at}source.`, 'url');
    if (url !== undefined && !/^https:\/\/[^\s]+$/.test(url)) this.fail(entry, `${at}source.url`, `${JSON.stringify(url)} is not an https URL`);
    const reviewed = this.string(entry, src, `${at}source.`, 'reviewed', DATE_RE);
    if (reviewed !== undefined && DATE_RE.test(reviewed)) {
      const problem = reviewDateProblem(reviewed, this.today);
      if (problem) this.fail(entry, `${at}source.reviewed`, problem);
    }
  }

  array(entry: string, obj: Obj, at: string, key: string): unknown[] {
    const v = obj[key];
    if (!Array.isArray(v) || v.length === 0) {
      this.fail(entry, `${at}${key}`, 'missing or empty list');
      return [];
    }
    return v;
  }
}

/** Codes ICU names that are not ISO 3166-1 countries (user-assigned, groupings, "unknown"). */
const NOT_COUNTRIES = /^(Q[M-Z]|X[A-Z]|ZZ|AA|EU|EZ|UN|UK)$/;

/** Why a `YYYY-MM-DD` review date is unusable, or undefined when it is fine. */
export function reviewDateProblem(date: string, today: string): string | undefined {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2026-02-31 over to March; a real date survives the round trip.
  if (parsed.getUTCFullYear() !== y || parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d) return `${date} is not a calendar date`;
  // One day of slack for contributors ahead of the build machine's time zone.
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  if (date > latest) return `${date} is in the future`;
  return undefined;
}

export function isKnownCountryCode(code: string): boolean {
  if (!COUNTRY_RE.test(code) || NOT_COUNTRIES.test(code)) return false;
  // Intl echoes unknown codes back unchanged (fallback "code"), so a name different from the
  // code means the region exists.
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(code);
  return name !== undefined && name !== code;
}

export interface DatabaseFiles {
  providers: { file: string; data: unknown };
  jurisdictions: { file: string; data: unknown };
}

/** `today` (YYYY-MM-DD, default: now) bounds review dates. */
export function validateDatabase(files: DatabaseFiles, today = new Date().toISOString().slice(0, 10)): RiskDatabase {
  const problems: string[] = [];
  const jurisdictions = checkJurisdictions(files.jurisdictions.file, files.jurisdictions.data, problems, today);
  const providers = checkProviders(files.providers.file, files.providers.data, problems, today);
  if (problems.length) throw new DatabaseError(problems);
  return { providers, jurisdictions };
}

function checkJurisdictions(file: string, data: unknown, problems: string[], today: string): Jurisdiction[] {
  const c = new Checker(file, today);
  const list = isObj(data) ? c.array('(file)', data, '', 'jurisdictions') : (c.fail('(file)', 'jurisdictions', 'file is not an object'), []);
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    const entry = `jurisdictions[${i}]`;
    if (!isObj(raw)) return c.fail(entry, '', 'not an object');
    const country = c.string(entry, raw, '', 'country');
    if (country !== undefined && !isKnownCountryCode(country)) c.fail(entry, 'country', `${JSON.stringify(country)} is not an ISO 3166-1 country code`);
    if (country !== undefined && seen.has(country)) c.fail(entry, 'country', `${country} is listed twice`);
    if (country !== undefined) seen.add(country);
    if (!isRiskLevel(raw.level)) c.fail(entry, 'level', `${JSON.stringify(raw.level)} is not a risk level`);
    c.string(entry, raw, '', 'reason');
    c.source(entry, raw, '');
  });
  problems.push(...c.problems);
  return list as Jurisdiction[];
}

function checkProviders(file: string, data: unknown, problems: string[], today: string): Provider[] {
  const c = new Checker(file, today);
  const list = isObj(data) ? c.array('(file)', data, '', 'providers') : (c.fail('(file)', 'providers', 'file is not an object'), []);
  const hostOwner = new Map<string, string>();
  const ids = new Set<string>();
  list.forEach((raw, i) => {
    if (!isObj(raw)) return c.fail(`providers[${i}]`, '', 'not an object');
    const id = c.string(`providers[${i}]`, raw, '', 'id', ID_RE);
    const entry = id ? `provider "${id}"` : `providers[${i}]`;
    if (id !== undefined && ids.has(id)) c.fail(entry, 'id', 'used by two providers');
    if (id !== undefined) ids.add(id);
    c.string(entry, raw, '', 'name');
    const operator = raw.operator;
    if (!isObj(operator)) c.fail(entry, 'operator', 'missing');
    else {
      c.string(entry, operator, 'operator.', 'name');
      const country = c.string(entry, operator, 'operator.', 'country');
      if (country !== undefined && !isKnownCountryCode(country)) c.fail(entry, 'operator.country', `${JSON.stringify(country)} is not an ISO 3166-1 country code`);
      c.source(entry, operator, 'operator.');
    }
    c.array(entry, raw, '', 'products').forEach((product, p) => {
      const at = `products[${p}].`;
      if (!isObj(product)) return c.fail(entry, at, 'not an object');
      const productId = c.string(entry, product, at, 'id', ID_RE);
      c.string(entry, product, at, 'name');
      c.array(entry, product, at, 'hosts').forEach((h, k) => {
        const hat = `${at}hosts[${k}].`;
        if (!isObj(h)) return c.fail(entry, hat, 'not an object');
        const host = c.string(entry, h, hat, 'host', HOST_RE);
        if (typeof h.role !== 'string' || !HOST_ROLES.includes(h.role)) c.fail(entry, `${hat}role`, `must be one of ${HOST_ROLES.join(', ')}`);
        c.source(entry, h, hat);
        if (host === undefined) return;
        const owner = hostOwner.get(host);
        const me = `${id ?? i}/${productId ?? p}`;
        if (owner) c.fail(entry, `${hat}host`, `${host} is already claimed by ${owner}`);
        else hostOwner.set(host, me);
      });
    });
  });
  problems.push(...c.problems);
  return list as Provider[];
}
