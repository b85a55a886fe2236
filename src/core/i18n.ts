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
    return spaceHan(text.replace(POSITIONAL_RE, (_m, n: string) => String(substitutions[Number(n) - 1] ?? '')));
  };
}

// Han ideographs (CJK Unified Ideographs and Extension A); full-width punctuation is not in them.
const HAN = '\u3400-\u4dbf\u4e00-\u9fff';
const HAS_HAN = new RegExp(`[${HAN}]`, 'u');

/** Whether `text` holds a Han character (Chinese text, not just full-width punctuation). */
export const hasHan = (text: string) => HAS_HAN.test(text);
const SPACE_BETWEEN_HAN = new RegExp(`([${HAN}]) +(?=[${HAN}])`, 'gu');
const HAN_THEN_LATIN = new RegExp(`([${HAN}])(?=[A-Za-z])`, 'gu');
const LATIN_THEN_HAN = new RegExp(`([A-Za-z])(?=[${HAN}])`, 'gu');

/**
 * Spacing of Chinese text once its placeholders are filled, as Chinese typesetting has it: no
 * space between two Han characters ("拦截中国", not "拦截 中国") and one between Han and a Latin
 * word ("拦截 DeepSeek", "chat.deepseek.com 上的"). A template cannot get both right, since the
 * same `$1` takes a country in Chinese or a company's Latin name. Digits are left as written
 * ("2026年3月5日"). Text without Han characters is returned unchanged.
 */
export function spaceHan(text: string): string {
  if (!hasHan(text)) return text;
  return text.replace(SPACE_BETWEEN_HAN, '$1').replace(HAN_THEN_LATIN, '$1 ').replace(LATIN_THEN_HAN, '$1 ');
}

/** "a", "a and b", "a, b and c", with the locale's own joining words. */
export function listOf(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return t('listAnd', [items.slice(0, -1).join(t('listSeparator')), items[items.length - 1]!]);
}
