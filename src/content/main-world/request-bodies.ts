/**
 * The model a request names, read from bodies the fetch and XHR hooks cannot read at the moment
 * of the call: a `Request` object's body and a `Blob`'s content. Both are bytes inside the
 * browser by then: a Request's body is a stream that can only be read asynchronously and only by
 * teeing or consuming it (which the page could see, and which would delay the request), and a
 * Blob's bytes only through promises. So the text is taken where the page still hands it over
 * synchronously, at construction: `new Request(url, { body })` and `new Blob(parts)` / `new
 * File(parts, name)` record a bounded prefix (MAX_BODY_SCAN characters) of the body in a
 * SafeWeakMap keyed by the object; `new Request(request, init)` and `request.clone()` carry it
 * over. Nothing here reads, tees, delays or reorders a request: the original constructors and
 * methods run first, with the caller's arguments and `new.target`, and their results and errors
 * are handed back unchanged.
 *
 * Not read (docs/policy.md, limits): a ReadableStream body (readable only by consuming it);
 * FormData; a Blob the page did not build here (a File from an <input>, `response.blob()`,
 * `blob.slice()`), whose bytes could only be read asynchronously, after the request has gone;
 * a Blob whose parts the page passes through its own iterator, getters or a Proxy (the hook does
 * not run the page's code a second time to see them).
 *
 * Cost: a SafeWeakMap write and a few descriptor reads per construction; a string body is kept
 * as it is (a copy only past MAX_BODY_SCAN), a buffer body is decoded at construction (the page
 * may change its bytes later). Body kinds are told by prototype, not by brand checks that throw.
 * A Blob that is not JSON-like, form-typed or short text (an image, a large CSV) stores nothing.
 * Measured in Chromium on a loaded 2-core machine (median of 31 interleaved batches of 1,000
 * calls, the extension with versus without these wrappers): `new Request(url)` +0.5 µs on 4 µs;
 * with a 2 KB string body +2.2 µs on 13.8 µs; a 2 KB Uint8Array (decoded here) +5.3 µs on 10 µs;
 * URLSearchParams +2.2 µs; FormData +0.2 µs; `clone()` +0.8 µs on 6.6 µs; `new Blob` of text
 * +6-10 % of its own 0.27-0.38 ms (recorded: likely the SafeWeakMap entries at garbage
 * collection), of binary bytes within noise (not recorded).
 */
import { MAX_BODY_SCAN } from '../../core/json-prefix.ts';
import { disguised, replaceConstructor, replaceValue } from './disguise.ts';
import {
  apply,
  arrayIteratorNext,
  arrayIteratorProto,
  arrayProto,
  arrayValues,
  bufferBytesOf,
  bytesView,
  construct,
  dataProp,
  decodeView,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  isArray,
  iteratorKey,
  lower,
  objectProto,
  paramsToString,
  readOtherBodiesWith,
  SafeWeakMap,
  sliceString,
  tryGetter,
  withoutFrame,
} from './natives.ts';

/** What is known of a Blob's content: a prefix of its text, and whether that is all of it. */
interface BlobText {
  text: string;
  complete: boolean;
}

/** Text prefixes of the bodies of Requests the page built, by Request. */
const requests = new SafeWeakMap<object, string>();
/** Text prefixes of Blobs (and Files) the page built from known parts, by Blob. */
const blobs = new SafeWeakMap<object, BlobText>();

const FORM_TYPE = 'application/x-www-form-urlencoded';
const charCodeAt = String.prototype.charCodeAt;
const hasOwn = Object.prototype.hasOwnProperty;
const setPrototypeOf = Reflect.setPrototypeOf;
// Read with `?.`: a frame's world lacking one of them must not stop the whole hook from loading.
const blobProto = globalThis.Blob?.prototype;
const blobSize = blobProto ? getOwnPropertyDescriptor(blobProto, 'size')?.get : undefined;
const isViewNative = ArrayBuffer.isView;
const bufferProto = ArrayBuffer.prototype;
const paramsProto = globalThis.URLSearchParams?.prototype;
const fileProto = globalThis.File?.prototype;
const formDataProto = globalThis.FormData?.prototype;
const streamProto = globalThis.ReadableStream?.prototype;

/**
 * At most `max` characters of `s`, without keeping a longer string alive: in V8 a slice is a
 * view that holds its whole parent, so a long one is copied out (flattening the concatenation
 * copies the characters) and the page's string can be collected with its Request or Blob.
 */
function prefixOf(s: string, max: number): string {
  if (s.length <= max) return s;
  return sliceString(` ${sliceString(s, 0, max)}`, 1);
}

/**
 * What kind of body object this is, told by its prototype first: a failed brand check (a native
 * getter called on the wrong object) throws, and a thrown error costs microseconds, so the try
 * below runs only for objects whose prototype is not a known one (subclasses, other frames').
 */
function kindOf(body: object): 'buffer' | 'params' | 'opaque' | 'other' {
  if (isViewNative(body)) return 'buffer';
  const proto = getPrototypeOf(body);
  if (proto === bufferProto) return 'buffer';
  if (proto === paramsProto) return 'params';
  return proto === blobProto || proto === fileProto || proto === formDataProto || proto === streamProto ? 'opaque' : 'other';
}

/** A body given to `new Request` (or fetch/XHR): the text the request will carry, bounded; undefined when unknown. */
function bodyText(body: unknown, max: number, onlyText: boolean): string | undefined {
  if (typeof body === 'string') return prefixOf(body, max);
  if (typeof body !== 'object' || body === null) return undefined;
  const blob = blobs.get(body);
  if (blob !== undefined) return blob.text.length > max ? sliceString(blob.text, 0, max) : blob.text;
  const kind = kindOf(body);
  if (kind === 'opaque') return undefined;
  const bytes = kind === 'params' ? undefined : bufferBytesOf(body);
  if (bytes) {
    const view = bytesView(bytes, max);
    // Binary uploads are not decoded: a body naming a model is text.
    return view && (!onlyText || startsAsText(view)) ? decodeView(view) : undefined;
  }
  try {
    return prefixOf(apply(paramsToString, body, []) as string, max);
  } catch {
    // Not a URLSearchParams (FormData, ReadableStream, anything else): not read.
    return undefined;
  }
}

/** The first byte that is not JSON whitespace (or a UTF-8 byte-order mark); -1 when none. */
function firstByte(view: Uint8Array): number {
  for (let i = 0; i < view.length; i++) {
    const b = view[i]!;
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    if (b === 0xef && i === 0 && view[1] === 0xbb && view[2] === 0xbf) {
      i = 2;
      continue;
    }
    return b;
  }
  return -1;
}

/** Whether bytes start, after JSON whitespace, with a printable ASCII character (text, not an image). */
function startsAsText(view: Uint8Array): boolean {
  const b = firstByte(view);
  return b > 0x20 && b < 0x7f;
}

/** The first character that is not JSON whitespace (or a byte-order mark), as a char code; -1 when none. */
function firstCode(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = apply(charCodeAt, text, [i]) as number;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return c;
  }
  return -1;
}

/**
 * How an init object leaves the body of the Request it is given with: 'own' when it names a body
 * of its own (`value`), 'keeps' when the Request's body goes on (no init, or a body that is
 * null/undefined: https://fetch.spec.whatwg.org/#dom-request, "If init["body"] exists and is
 * non-null"), 'absent' when the init has no own `body` (an inherited one would decide: see
 * `keepsBody`), 'unknown' for a getter (the hook never calls it). One descriptor read, as the
 * fetch hook always did.
 */
type InitBody = { kind: 'own'; value: unknown } | { kind: 'keeps' | 'absent' | 'unknown' };

function initBody(init: unknown): InitBody {
  if (typeof init !== 'object' || init === null) return { kind: 'keeps' };
  const d = getOwnPropertyDescriptor(init, 'body');
  if (!d) return { kind: 'absent' };
  if (!apply(hasOwn, d, ['value'])) return { kind: 'unknown' };
  return d.value === undefined || d.value === null ? { kind: 'keeps' } : { kind: 'own', value: d.value };
}

/** Whether an init without an own `body` leaves a Request's body: a plain object cannot inherit one. */
function keepsBody(init: object): boolean {
  const proto = getPrototypeOf(init);
  return proto === objectProto || proto === null;
}

/**
 * The body fetch(input, init) sends, for observe(): init's own body as given (observe reads it
 * only for a possible AI request), or the recorded text of a Request's body. A string URL costs
 * what it did before: one descriptor read of init's `body`.
 */
export function fetchBodyOf(input: unknown, init: unknown): unknown {
  try {
    const recorded = typeof input === 'object' && input !== null ? requests.get(input) : undefined;
    if (recorded === undefined) return dataProp(init, 'body');
    return bodyLeft(initBody(init), init, recorded);
  } catch {
    return undefined;
  }
}

/** What a Request's body becomes under `init`: init's own body, the recorded text, or unknown. */
function bodyLeft(body: InitBody, init: unknown, recorded: string | undefined): unknown {
  if (body.kind === 'own') return body.value;
  if (body.kind === 'keeps' || (body.kind === 'absent' && keepsBody(init as object))) return recorded;
  return undefined;
}

/** The text a new Request's body carries, from its arguments (after the original accepted them). */
function requestText(args: unknown[]): string | undefined {
  const init = args.length > 1 ? args[1] : undefined;
  const input = args[0];
  const recorded = typeof input === 'object' && input !== null ? requests.get(input) : undefined;
  // `new Request(url)` and `new Request(url, { method: 'GET' })`: nothing to read or carry.
  if (recorded === undefined && (typeof init !== 'object' || init === null)) return undefined;
  const body = initBody(init);
  if (body.kind === 'own') return bodyText(body.value, MAX_BODY_SCAN, true);
  return bodyLeft(body, init, recorded) as string | undefined;
}

/**
 * Whether `parts` is a plain array iterated by the original iterator: only then are its
 * elements, read by index without getters, the parts the browser iterated. Checked before the
 * browser walks them (it looks up the iterator and its `next` once, at the start).
 */
function plainParts(parts: unknown): parts is unknown[] {
  if (!isArray(parts) || getPrototypeOf(parts as object) !== arrayProto) return false;
  if (getOwnPropertyDescriptor(parts as object, iteratorKey)) return false;
  return ownValue(getOwnPropertyDescriptor(arrayProto, iteratorKey)) === arrayValues && ownValue(getOwnPropertyDescriptor(arrayIteratorProto, 'next')) === arrayIteratorNext;
}

/** A descriptor's own `value` (a page may put a `value` on Object.prototype). */
function ownValue(d: PropertyDescriptor | undefined): unknown {
  return d !== undefined && apply(hasOwn, d, ['value']) ? d.value : undefined;
}
/** Parts read for one Blob at most: a Blob of more parts is not read. */
const MAX_PARTS = 1024;

/** What one part of a Blob is, as far as reading it needs: page code never runs to find out. */
type Part = { text: string; whole: boolean; bytes?: undefined } | { bytes: Uint8Array; whole: boolean } | 'unread' | 'page-code';

function partOf(value: unknown, room: number): Part {
  if (typeof value === 'string') {
    const text = prefixOf(value, room);
    return { text, whole: text.length === value.length };
  }
  // Primitives convert without page code; they are not worth reading.
  if (typeof value !== 'object' || value === null) return typeof value === 'symbol' ? 'page-code' : 'unread';
  const known = blobs.get(value);
  if (known) {
    const text = known.text.length > room ? sliceString(known.text, 0, room) : known.text;
    return { text, whole: known.complete && text.length === known.text.length };
  }
  const kind = kindOf(value);
  const bytes = kind === 'buffer' || kind === 'other' ? bufferBytesOf(value) : undefined;
  if (bytes) {
    const view = bytesView(bytes, room);
    return view ? { bytes: view, whole: bytes[2] <= room } : 'unread';
  }
  // A Blob not built here (a File from an <input>): its bytes are the browser's; anything else is
  // turned into a string by the page's own toString.
  return kind === 'opaque' || tryGetter(blobSize, value) !== undefined ? 'unread' : 'page-code';
}

/**
 * Characters of a Blob that is not itself a request body kept anyway, as a possible part of one:
 * `new Blob(['{"model"', new Blob([':"x"']), …])` must read as one body.
 */
const MAX_FRAGMENT = 4096;

/**
 * A prefix of the text of a Blob built from `parts`, when it may be (part of) a request body:
 * it starts with `{` (JSON) or its type says form-encoded (then up to MAX_BODY_SCAN characters
 * are kept), or it is short text (MAX_FRAGMENT). Strings, ArrayBuffers, views and Blobs built
 * here are read, in order; a part of another kind ends the prefix (what came before it is still
 * the start of the content). Binary content (an image, a font) is never decoded or kept.
 * Nothing is recorded when any part ran page code while the browser converted it (a getter, a
 * hole, an object's toString): that code could have changed the array after the browser read it.
 */
function blobText(parts: unknown[], options: unknown): BlobText | undefined {
  const count = ownValue(getOwnPropertyDescriptor(parts, 'length'));
  if (typeof count !== 'number' || count > MAX_PARTS) return undefined;
  let text = '';
  let mode: 'undecided' | 'body' | 'fragment' = 'undecided';
  let reading = true;
  let complete = true;
  for (let i = 0; i < count; i++) {
    const d = getOwnPropertyDescriptor(parts, `${i}`);
    if (d === undefined || !apply(hasOwn, d, ['value'])) return undefined;
    const room = (mode === 'body' ? MAX_BODY_SCAN : MAX_FRAGMENT) - text.length;
    const part = partOf(d.value, reading ? room : 0);
    if (part === 'page-code') return undefined;
    if (!reading) continue;
    if (part === 'unread') {
      reading = complete = false;
      continue;
    }
    if (mode === 'undecided') {
      const first = part.bytes ? firstByte(part.bytes) : firstCode(part.text);
      if (part.bytes && first >= 0 && !(first > 0x20 && first < 0x7f)) return undefined;
      if (first >= 0) mode = first === 0x7b || formTyped(options) ? 'body' : 'fragment';
    }
    if (!part.whole && mode !== 'body') return undefined;
    text += part.bytes ? decodeView(part.bytes) : part.text;
    if (!part.whole || text.length >= MAX_BODY_SCAN) reading = complete = false;
  }
  if (mode === 'undecided' || (mode === 'fragment' && !complete)) return undefined;
  return { text, complete };
}

function formTyped(options: unknown): boolean {
  const type = dataProp(options, 'type');
  return typeof type === 'string' && type.length >= FORM_TYPE.length && sliceString(lower(type), 0, FORM_TYPE.length) === FORM_TYPE;
}

/** For bodyTextOf: a Blob's recorded text, or a URLSearchParams' text (read only for a possible AI request). */
function otherBodyText(body: object, max: number): string | undefined {
  try {
    return bodyText(body, max, false);
  } catch {
    return undefined;
  }
}

function record(map: SafeWeakMap<object, string>, key: unknown, text: string | undefined): void {
  if (text !== undefined && typeof key === 'object' && key !== null) map.set(key, text);
}

/** `new Blob(parts, options)` and `new File(parts, name, options)`: record the text of known parts. */
function hookBlob(name: 'Blob' | 'File', optionsAt: number): object | undefined {
  const handler: ProxyHandler<new (...args: unknown[]) => object> = {
    construct(target, args: unknown[], newTarget: Function) {
      // Read before the browser walks the parts, with the iterator it will use.
      const parts = args.length > 0 ? args[0] : undefined;
      let plain = false;
      try {
        plain = plainParts(parts);
      } catch {
        // A revoked Proxy and the like: not read.
      }
      let blob: object;
      try {
        blob = construct(target, args, newTarget) as object;
      } catch (error) {
        throw withoutFrame(error, handler.construct!);
      }
      try {
        if (plain) {
          const text = blobText(parts as unknown[], args.length > optionsAt ? args[optionsAt] : undefined);
          if (text) blobs.set(blob, text);
        }
      } catch {
        // Never into the page.
      }
      return blob;
    },
  };
  return replaceConstructor(name, handler);
}

/** `new Request(input, init)` records its body's text; `request.clone()` carries it over. */
function hookRequest(): void {
  const handler: ProxyHandler<new (...args: unknown[]) => object> = {
    construct(target, args: unknown[], newTarget: Function) {
      let request: object;
      try {
        request = construct(target, args, newTarget) as object;
      } catch (error) {
        throw withoutFrame(error, handler.construct!);
      }
      try {
        record(requests, request, requestText(args));
      } catch {
        // Never into the page.
      }
      return request;
    },
  };
  const original = replaceConstructor('Request', handler);
  const proto = original?.prototype as { clone?: Function } | undefined;
  const clone = proto?.clone;
  if (!proto || typeof clone !== 'function') return;
  const cloneHandler: ProxyHandler<Function> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      let copy: unknown;
      try {
        copy = apply(target, thisArg, args);
      } catch (error) {
        throw withoutFrame(error, cloneHandler.apply!);
      }
      try {
        if (typeof thisArg === 'object' && thisArg !== null) record(requests, copy, requests.get(thisArg));
      } catch {
        // Never into the page.
      }
      return copy;
    },
  };
  replaceValue(proto, 'clone', disguised(clone, cloneHandler));
}

export function hookRequestBodies(): void {
  readOtherBodiesWith(otherBodyText);
  const blob = hookBlob('Blob', 1);
  const file = hookBlob('File', 2);
  // File extends Blob: `Object.getPrototypeOf(File) === Blob` must stay true with the wrapper.
  const wrapper = ownValue(getOwnPropertyDescriptor(globalThis, 'Blob'));
  if (blob && file && wrapper && getPrototypeOf(file) === blob) setPrototypeOf(file, wrapper as object);
  hookRequest();
}
