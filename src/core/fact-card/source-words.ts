/** How a source is named when shown: its site, and the day it was reviewed in the UI language. */

/** `https://www.example.com/privacy` → `example.com`; the URL itself when it does not parse. */
export function sourceHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** `2026-11-22` as a date in `locale` ("Nov 22, 2026", "2026年11月22日"); as written when it is not a date. */
export function reviewedDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
}
