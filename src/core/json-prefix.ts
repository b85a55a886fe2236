/**
 * Reads the top-level keys and the `"model"` of a JSON request body without parsing it: the
 * page hook and the background see only a bounded prefix of a body that may be megabytes long,
 * cut anywhere, or not JSON at all, and they do this on every AI-shaped request. One pass over
 * at most `limit` characters, no recursion, no regex over the text, never throws.
 */
import { MAX_MODEL_LENGTH } from './model-name.ts';

/** Characters of a request body that are looked at; the rest is never read. */
export const MAX_BODY_SCAN = 65_536;

/** Top-level keys kept, and the length each is cut to: enough to recognise an API's shape. */
const MAX_KEYS = 32;
const MAX_KEY_LENGTH = 64;

export interface JsonPrefixScan {
  /** Keys of the outermost object, in order of first appearance, de-duplicated. */
  keys: string[];
  /** The outermost `"model"` when its value is a string (JSON escapes decoded). */
  model?: string;
  /** The scan ended before the outermost object closed (cut body, or limit reached). */
  truncated: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

export function scanJsonPrefix(text: string, limit: number = MAX_BODY_SCAN): JsonPrefixScan | undefined {
  // `limit >= 0` is false for NaN, which then scans nothing rather than everything.
  const bound = limit >= 0 ? Math.min(text.length, Math.floor(limit)) : 0;
  // A slice is a view in V8 (no copy); it lets indexOf stop at the limit on its own.
  const s = bound < text.length ? text.slice(0, bound) : text;
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== OPEN_BRACE) return undefined;

  const keys: string[] = [];
  let model: string | undefined;
  let depth = 1;
  // At depth 1: the next string is a key (after `{` or `,`), else a value.
  let expectKey = true;
  // The key just read was "model": its value decides `model`.
  let modelValue = false;
  i++;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      const close = stringEnd(s, i + 1);
      if (close < 0) break; // cut inside a string: a partial key or model is not reported
      if (depth === 1) {
        if (expectKey) {
          const key = decodeJsonString(s, i + 1, close, MAX_KEY_LENGTH);
          if (keys.length < MAX_KEYS && !keys.includes(key)) keys.push(key);
          // Duplicate keys: JSON.parse and most servers keep the last, so the last one wins here.
          modelValue = key === 'model';
          if (modelValue) model = undefined;
          expectKey = false;
        } else if (modelValue) {
          model = decodeJsonString(s, i + 1, close, MAX_MODEL_LENGTH);
          modelValue = false;
        }
      }
      i = close + 1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      modelValue = false;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      // Bracket kinds are not matched: a malformed body only has to not fool the depth count.
      if (--depth === 0) return model === undefined ? { keys, truncated: false } : { keys, model, truncated: false };
    } else if (depth === 1) {
      if (c === COMMA) expectKey = true;
      // A number, true, false or null: the "model" is not a string.
      else if (modelValue && !isSpace(c) && c !== 0x3a) modelValue = false;
    }
    i++;
  }
  return model === undefined ? { keys, truncated: true } : { keys, model, truncated: true };
}

function isSpace(c: number): boolean {
  // JSON's four whitespace characters, plus a byte-order mark some clients send first.
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

/** Index of the quote closing the string whose content starts at `from`; -1 when cut. */
function stringEnd(s: string, from: number): number {
  let at = from;
  for (;;) {
    const q = s.indexOf('"', at);
    if (q < 0) return -1;
    // The quote is escaped when an odd number of backslashes precede it.
    let b = q - 1;
    while (b >= from && s.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    at = q + 1;
  }
}

/** The content of `s[from, to)` with JSON escapes decoded, cut to `cap` UTF-16 units. */
function decodeJsonString(s: string, from: number, to: number, cap: number): string {
  const firstEscape = s.indexOf('\\', from);
  if (firstEscape < 0 || firstEscape >= to) return trimCut(s.slice(from, Math.min(to, from + cap)), to - from > cap);
  let out = s.slice(from, Math.min(firstEscape, from + cap));
  let i = firstEscape;
  while (i < to && out.length < cap) {
    if (s.charCodeAt(i) !== BACKSLASH) {
      const next = s.indexOf('\\', i);
      const stop = next < 0 || next > to ? to : next;
      out += s.slice(i, Math.min(stop, i + cap - out.length));
      i = stop;
      continue;
    }
    // stringEnd guarantees a character after every backslash before `to`.
    const e = s.charCodeAt(i + 1);
    const code = e === 0x75 ? hex4(s, i + 2) : -1;
    if (code >= 0) {
      out += String.fromCharCode(code);
      i += 6;
    } else {
      out += unescaped(e);
      i += 2;
    }
  }
  return trimCut(out, i < to);
}

/** The value of four hex digits at `at`, or -1. */
function hex4(s: string, at: number): number {
  let value = 0;
  for (let k = at; k < at + 4; k++) {
    const c = s.charCodeAt(k); // NaN past the end fails every test below
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/** What `\<c>` stands for. `\"`, `\\`, `\/` and escapes JSON does not define (invalid, but a
 * lenient server may accept them, `\u` without four hex digits included) stand for the character. */
function unescaped(c: number): string {
  switch (c) {
    case 0x62:
      return '\b';
    case 0x66:
      return '\f';
    case 0x6e:
      return '\n';
    case 0x72:
      return '\r';
    case 0x74:
      return '\t';
    default:
      return String.fromCharCode(c);
  }
}

/** A cut string must not end in half a surrogate pair. */
function trimCut(value: string, cut: boolean): string {
  if (!cut || value.length === 0) return value;
  const last = value.charCodeAt(value.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? value.slice(0, -1) : value;
}
