/**
 * Exceptions that end: an entry of an allow list may carry an end, written after the value as
 * `deepseek until 2026-12-31` (to the end of that day, the device's time) or
 * `deepseek until 2026-12-31T18:00Z` (an ISO 8601 date-time; without a zone, the device's time).
 * Text, not an object, so that the same list works in every policy store (a registry list value
 * is a string) and in Chrome's policy schema, which has no "string or object".
 *
 * Entries are kept in that form (the end as an ISO time in UTC once read), and
 * `activeEntries` says which apply at a moment and when each ends.
 */

/** The allow lists whose entries may carry an end. */
export const EXPIRING_KEYS = ['allowedProviders', 'allowedCountries', 'allowedSites'] as const;
export type ExpiringKey = (typeof EXPIRING_KEYS)[number];
export const isExpiringKey = (key: string): key is ExpiringKey => (EXPIRING_KEYS as readonly string[]).includes(key);

const ENTRY_RE = /^\s*(\S+)\s+until\s+(\S+)\s*$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/i;
/** Ends further away than this are refused: a typo, not an exception. */
const MAX_YEAR = 2200;

/** The end an `until` text names (epoch ms), or undefined when it is not a date or date-time. */
export function parseUntil(text: string): number | undefined {
  const date = DATE_RE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const start = new Date(y, m - 1, d);
    // `new Date` rolls 2026-02-31 over into March: refuse what is not a real day.
    if (start.getFullYear() !== y || start.getMonth() !== m - 1 || start.getDate() !== d || y > MAX_YEAR) return undefined;
    return new Date(y, m - 1, d + 1).getTime();
  }
  if (!DATE_TIME_RE.test(text)) return undefined;
  // ECMA-262 §21.4.3.2: a date-time form without an offset is local time, as meant here.
  const at = Date.parse(text);
  return Number.isFinite(at) && new Date(at).getUTCFullYear() <= MAX_YEAR ? at : undefined;
}

export interface SplitEntry {
  value: string;
  /** Epoch ms; absent for an exception without end. */
  until?: number;
}

/** `value until end` as value and end; an entry without `until` is the value itself. */
export function splitEntry(entry: string): SplitEntry | { problem: string } {
  const match = ENTRY_RE.exec(entry);
  if (!match) {
    if (/\suntil(\s|$)/i.test(entry)) return { problem: 'write the end as "<value> until <YYYY-MM-DD or ISO date-time>"' };
    return { value: entry };
  }
  const until = parseUntil(match[2]!);
  if (until === undefined) return { problem: `"${match[2]!.slice(0, 40)}" is not a date (YYYY-MM-DD) or an ISO 8601 date-time` };
  return { value: match[1]!, until };
}

/** The stored form: the value, and the end as an ISO time in UTC. */
export const withUntil = (value: string, until: number | undefined): string => (until === undefined ? value : `${value} until ${new Date(until).toISOString()}`);

/**
 * A list checker for an allow list: the value is checked by `inner` (as for any entry), the end
 * by `parseUntil`.
 */
export function expiringEntry(inner: (value: unknown) => { ok: string } | { problem: string }): (value: unknown) => { ok: string } | { problem: string } {
  return (value) => {
    if (typeof value !== 'string') return inner(value);
    const split = splitEntry(value);
    if ('problem' in split) return split;
    const checked = inner(split.value);
    return 'ok' in checked ? { ok: withUntil(checked.ok, split.until) } : checked;
  };
}

export interface ActiveEntries {
  /** The values that apply at `now`. */
  values: string[];
  /** For values that apply until a time: value → end (the latest, where one is listed twice). */
  ends: Record<string, number>;
}

/** The entries that apply at `now`: those without end, and those whose end is still to come. */
export function activeEntries(entries: readonly string[], now: number): ActiveEntries {
  const forever = new Set<string>();
  const ends: Record<string, number> = {};
  const order: string[] = [];
  for (const entry of entries) {
    const split = splitEntry(entry);
    if ('problem' in split) continue;
    if (split.until !== undefined && split.until <= now) continue;
    if (!forever.has(split.value) && ends[split.value] === undefined) order.push(split.value);
    if (split.until === undefined) forever.add(split.value);
    else ends[split.value] = Math.max(ends[split.value] ?? 0, split.until);
  }
  for (const value of forever) delete ends[value];
  return { values: order, ends };
}

/** The value an entry names, without its end. */
export function entryValue(entry: string): string {
  const split = splitEntry(entry);
  return 'problem' in split ? entry : split.value;
}
