/**
 * Text for people comes from `_locales/<lang>/messages.json` (browser.i18n). Browser-free code
 * that words things (verdicts, reasons) takes a `Translate` instead of a language, so pages use
 * the browser's, while the scanner and unit tests use `translatorFrom` over a loaded locale.
 *
 * Source messages (src/locales/<lang>/*.json) are plain strings with positional `$1`..`$9`;
 * the build turns each into the browsers' format with named placeholders (`toBrowserMessage`).
 */

/** Message key → text in one language. */
export type Messages = Readonly<Record<string, string>>;

/** Looks up a message; `$1`..`$9` in its text are replaced by the substitutions, in order. */
export type Translate = (key: string, substitutions?: readonly (string | number)[]) => string;

/** Keys: letters, digits and `_`, as `browser.i18n` requires (and case-insensitive there). */
export const MESSAGE_KEY_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

const POSITIONAL_RE = /\$([1-9])/g;

/** The `$n` a message uses, ascending. */
export function positionsIn(text: string): number[] {
  return [...new Set([...text.matchAll(POSITIONAL_RE)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/**
 * Chrome and Firefox both substitute named placeholders (`$p1$` → `{content: "$1"}`); a bare `$1`
 * in the message is not handled the same way by both, so the build always names them.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n#concepts_and_usage
 */
export function toBrowserMessage(text: string): { message: string; placeholders?: Record<string, { content: string }> } {
  const positions = positionsIn(text);
  if (positions.length === 0) return { message: text };
  const placeholders: Record<string, { content: string }> = {};
  for (const n of positions) placeholders[`p${n}`] = { content: `$${n}` };
  return { message: text.replace(POSITIONAL_RE, (_m, n: string) => `$p${n}$`), placeholders };
}

/** A `Translate` over loaded messages; an unknown key gives the key itself, so a gap is visible. */
export function translatorFrom(messages: Messages): Translate {
  return (key, substitutions = []) => {
    const text = messages[key];
    if (text === undefined) return key;
    return text.replace(POSITIONAL_RE, (_m, n: string) => String(substitutions[Number(n) - 1] ?? ''));
  };
}

/** "a", "a and b", "a, b and c", with the locale's own joining words. */
export function listOf(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('listAnd', [items.slice(0, -1).join(t('listSeparator')), items[items.length - 1]!]);
}
