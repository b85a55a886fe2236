/** Moments as people read them in the UI language: "12 Mar 2026, 14:05". */
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';

/** The language of the messages shown, so dates and numbers match the words around them. */
const locale = () => intlLocaleOf(t);

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** With seconds, for the audit log, where events follow closely. */
export function formatTimeExact(ms: number): string {
  return new Date(ms).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A count in the UI language's digits and grouping. */
export function formatCount(n: number): string {
  return n.toLocaleString(locale());
}

/** `YYYY-MM-DD` in local time (for file names and date fields). */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight at the start of a `YYYY-MM-DD` date field's day, or undefined when empty. */
export function startOfLocalDay(value: string, plusDays = 0): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).getTime() : undefined;
}
