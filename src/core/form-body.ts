/**
 * Reads a form-encoded request body (`model=gpt-4o&prompt=…`, what `URLSearchParams` bodies
 * and `application/x-www-form-urlencoded` strings carry) as the JSON object it stands for, so
 * that the one JSON-prefix reader (json-prefix.ts, via api-shape.ts) finds its top-level keys
 * and `model` as it does for a JSON body. Only keys and the model's value survive: other
 * values become "" (the shape checks need only the keys), so the result stays small.
 *
 * Runs in the page hook on bodies a page wrote: bounded by `limit` characters, one pass, never
 * throws, and calls only built-ins captured when this module loads (before any page script), so
 * a page that replaces `String.prototype.slice` or `decodeURIComponent` sees nothing and
 * changes nothing.
 */
import { MAX_MODEL_LENGTH } from './model-name.ts';

const apply = Reflect.apply;
const charCodeAt = String.prototype.charCodeAt;
const sliceText = String.prototype.slice;
const floor = Math.floor;
const decodeComponent = decodeURIComponent;
const toJson = JSON.stringify;

/** Pairs read from one body, and the length of a key kept: as many as the JSON reader keeps. */
const MAX_PAIRS = 64;
const MAX_KEY_LENGTH = 64;

const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const PLUS = 0x2b;

const code = (s: string, i: number) => apply(charCodeAt, s, [i]) as number;
const cut = (s: string, from: number, to: number) => apply(sliceText, s, [from, to]) as string;

/**
 * The JSON text `{"<key>":"",…,"model":"<model>"}` for a form-encoded `text`, or undefined when
 * the text is JSON-like (starts with `{` or `[`) or holds no `key=value` pair. The first `model`
 * wins, as `URLSearchParams.get` and most form parsers read it (servers differ on duplicates:
 * docs/policy.md lists that limit).
 */
export function formBodyAsJson(text: string, limit: number): string | undefined {
  if (typeof text !== 'string') return undefined;
  const end = limit >= 0 && limit < text.length ? floor(limit) : text.length;
  const first = end > 0 ? code(text, 0) : NaN;
  // JSON (or anything starting with whitespace, as JSON bodies may) is the JSON reader's.
  if (first === 0x7b || first === 0x5b || first <= 0x20 || first === 0xfeff || first !== first) return undefined;
  let out = '';
  let pairs = 0;
  let model: string | undefined;
  let start = 0;
  while (start < end && pairs < MAX_PAIRS) {
    let stop = start;
    let equals = -1;
    while (stop < end) {
      const c = code(text, stop);
      if (c === AMPERSAND) break;
      if (c === EQUALS && equals < 0) equals = stop;
      stop++;
    }
    // A pair cut by the limit is left out: its value may be cut too.
    const whole = stop < end || end === text.length;
    if (equals > start && whole) {
      const key = decodeForm(text, start, equals < start + MAX_KEY_LENGTH * 3 ? equals : start + MAX_KEY_LENGTH * 3, MAX_KEY_LENGTH);
      if (key !== 'model') {
        out += `,${toJson(key)}:""`;
        pairs++;
      } else if (model === undefined) {
        model = decodeForm(text, equals + 1, stop < equals + 1 + MAX_MODEL_LENGTH * 3 ? stop : equals + 1 + MAX_MODEL_LENGTH * 3, MAX_MODEL_LENGTH);
        pairs++;
      }
    }
    start = stop + 1;
  }
  if (pairs === 0) return undefined;
  if (model !== undefined) out += `,"model":${toJson(model)}`;
  return `{${cut(out, 1, out.length)}}`;
}

/**
 * `text[from, to)` decoded as form encoding does (`+` is a space, `%XX` bytes are UTF-8), cut to
 * `cap` characters. A malformed escape keeps the raw text, as servers that cannot decode it would.
 */
function decodeForm(text: string, from: number, to: number, cap: number): string {
  let plain = '';
  let last = from;
  let escaped = false;
  for (let i = from; i < to; i++) {
    const c = code(text, i);
    if (c === PLUS) {
      plain += `${cut(text, last, i)} `;
      last = i + 1;
    } else if (c === 0x25) escaped = true;
  }
  plain += cut(text, last, to);
  if (escaped) {
    try {
      plain = decodeComponent(plain) as string;
    } catch {
      // Keep it as written.
    }
  }
  if (plain.length <= cap) return plain;
  // A cut must not end in half a surrogate pair.
  const high = code(plain, cap - 1);
  return cut(plain, 0, high >= 0xd800 && high <= 0xdbff ? cap - 1 : cap);
}
