/**
 * Field checks shared by the database validators. Each problem is one line naming the file, the
 * entry and the field: `src/data/providers/x.json: provider "x": operator.country: …`.
 */
import { isKnownCountryCode } from '../country.ts';
import { reviewDateProblem } from './review-date.ts';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const URL_RE = /^https:\/\/[^\s/]+\.[^\s]+$/;

export class Checker {
  constructor(
    readonly file: string,
    readonly today: string,
    readonly problems: string[],
  ) {}

  fail(entry: string, at: string, why: string): void {
    this.problems.push(`${this.file}: ${entry}: ${at || '(entry)'}: ${why}`);
  }

  /** Reports fields that are not in `allowed` (a typo would otherwise drop a fact silently). */
  known(entry: string, obj: Obj, at: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(entry, `${at}${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  string(entry: string, obj: Obj, at: string, key: string, re?: RegExp): string | undefined {
    const v = obj[key];
    if (typeof v !== 'string' || v.trim() === '') return void this.fail(entry, `${at}${key}`, 'missing or empty');
    if (re && !re.test(v)) return void this.fail(entry, `${at}${key}`, `${JSON.stringify(v)} is not valid`);
    return v;
  }

  optionalString(entry: string, obj: Obj, at: string, key: string): void {
    if (key in obj) this.string(entry, obj, at, key);
  }

  /** `value` if it is a known ISO 3166-1 country code; otherwise reported (`at` names the field). */
  country(entry: string, at: string, value: unknown): string | undefined {
    if (typeof value === 'string' && isKnownCountryCode(value)) return value;
    this.fail(entry, at, `${JSON.stringify(value)} is not an ISO 3166-1 country code`);
    return undefined;
  }

  boolean(entry: string, obj: Obj, at: string, key: string): void {
    if (typeof obj[key] !== 'boolean') this.fail(entry, `${at}${key}`, 'must be true or false');
  }

  array(entry: string, obj: Obj, at: string, key: string): unknown[] {
    const v = obj[key];
    if (!Array.isArray(v) || v.length === 0) {
      this.fail(entry, `${at}${key}`, 'missing or empty list');
      return [];
    }
    return v;
  }

  /** `{ url, reviewed }` at `obj[key]`; `what` says why it is needed. */
  sourceAt(entry: string, obj: Obj, at: string, key: string, what = 'every fact needs a source URL and a review date'): void {
    const src = obj[key];
    if (!isObj(src)) return this.fail(entry, `${at}${key}`, `missing (${what})`);
    this.known(entry, src, `${at}${key}.`, ['url', 'reviewed']);
    const url = this.string(entry, src, `${at}${key}.`, 'url');
    if (url !== undefined && !URL_RE.test(url)) this.fail(entry, `${at}${key}.url`, `${JSON.stringify(url)} is not an https URL`);
    this.date(entry, src, `${at}${key}.`, 'reviewed');
  }

  /** A `YYYY-MM-DD` date at `obj[key]`, not in the future. */
  date(entry: string, obj: Obj, at: string, key: string): void {
    const reviewed = this.string(entry, obj, at, key, DATE_RE);
    if (reviewed === undefined) return;
    const problem = reviewDateProblem(reviewed, this.today);
    if (problem) this.fail(entry, `${at}${key}`, problem);
  }

  source(entry: string, obj: Obj, at: string): void {
    this.sourceAt(entry, obj, at, 'source');
  }
}
