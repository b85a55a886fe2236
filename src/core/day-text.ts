/**
 * A day typed as text, for the audit log's date filters where the browser's own date field would
 * show another language's order (Chromium lays out <input type="date"> by the browser's locale,
 * not by the page's language: mm/dd/yyyy next to Chinese words). Year first, as both Chinese and
 * ISO 8601 write it: `2026-03-05`, `2026/3/5`, `2026.03.05`, `2026年3月5日`.
 */

/** `YYYY-MM-DD` for a real calendar day, `''` for empty text, undefined for anything else. */
export function dayOfText(text: string): string | undefined {
  const value = text.trim();
  if (!value) return '';
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whether the browser's date field can be trusted to match the messages' language: it follows
 * the browser's locale, so only when that is the same language (`zh-CN` and `zh`, `en-GB` and `en`).
 */
export function nativeDateFits(browserLocale: string, messagesLocale: string): boolean {
  const lang = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return lang(browserLocale) === lang(messagesLocale);
}
