/** Free-text search as people type it: every word of the query, in any order, case-insensitive. */

/** The query's words, lower-cased; none for a blank query. */
export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether `text` holds every word (from searchWords); any text holds no words. */
export function holdsEvery(words: readonly string[], text: string): boolean {
  if (!words.length) return true;
  const haystack = text.toLowerCase();
  return words.every((w) => haystack.includes(w));
}
