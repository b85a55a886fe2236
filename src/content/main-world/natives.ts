/**
 * The page's built-ins as they were before any page script ran. The hook runs in the page's own
 * JavaScript world, where a page may later replace `Reflect.apply`, `WeakMap.prototype.get`,
 * `JSON.stringify`, URL getters and so on; the hook calls only these captured originals, so a
 * page can neither break it nor see it call page-defined code through them.
 */
import { formBodyAsJson } from '../../core/form-body.ts';

import type { UrlParts } from '../../core/detection/quick-url-parts.ts';

export const apply = Reflect.apply;
export const construct = Reflect.construct;
export const defineProperty = Reflect.defineProperty;
export const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
export const ProxyCtor = Proxy;
export const stringify = JSON.stringify;
export const parseJson = JSON.parse;
export const encodeComponent = encodeURIComponent;
export const URLCtor = URL;
export const CustomEventCtor = CustomEvent;
export const TextDecoderCtor = TextDecoder;
export const Uint8ArrayCtor = Uint8Array;
const captureStackTrace = (Error as { captureStackTrace?: (target: object, fn: Function) => void }).captureStackTrace;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * An error a native function threw while the hook's trap was on the stack carries the trap as
 * one extra frame; this takes the stack again from the trap's caller, as the page would see it
 * without the hook (V8's Error.captureStackTrace, https://v8.dev/docs/stack-trace-api; `stack`
 * is an own accessor in current Chrome, so the string cannot simply be edited). Errors without
 * an own `stack` are left alone, so nothing new appears on them.
 */
export function withoutFrame(error: unknown, trap: Function): unknown {
  try {
    if (captureStackTrace && typeof error === 'object' && error !== null && apply(hasOwn, error, ['stack'])) captureStackTrace(error, trap);
  } catch {
    // Leave the error as it was.
  }
  return error;
}

function getter(proto: object, key: string): ((this: unknown) => unknown) | undefined {
  return getOwnPropertyDescriptor(proto, key)?.get as ((this: unknown) => unknown) | undefined;
}

const weakGet = WeakMap.prototype.get;
const weakSet = WeakMap.prototype.set;
const weakHas = WeakMap.prototype.has;
const weakDelete = WeakMap.prototype.delete;
const dispatchEventNative = EventTarget.prototype.dispatchEvent;
const addListenerNative = EventTarget.prototype.addEventListener;
const removeListenerNative = EventTarget.prototype.removeEventListener;
const eventTarget = getter(Event.prototype, 'target');
const eventDetail = getter(CustomEvent.prototype, 'detail');
const baseUriGet = getter(Node.prototype, 'baseURI');
const documentUrlGet = getter(Document.prototype, 'URL');
const requestUrlGet = getter(Request.prototype, 'url');
const arrayBufferLength = getter(ArrayBuffer.prototype, 'byteLength');
// Views of a buffer (Uint8Array and the other typed arrays, DataView) as fetch bodies.
const isView = ArrayBuffer.isView;
const typedArrayProto = Reflect.getPrototypeOf(Uint8Array.prototype) as object;
const viewGetters = (proto: object) => ({ buffer: getter(proto, 'buffer'), offset: getter(proto, 'byteOffset'), length: getter(proto, 'byteLength') });
const typedArrayGetters = viewGetters(typedArrayProto);
const dataViewGetters = viewGetters(DataView.prototype);
const decodeNative = TextDecoder.prototype.decode;
const toLowerCase = String.prototype.toLowerCase;
const splitNative = String.prototype.split;
const sliceNative = String.prototype.slice;
const setTimeoutNative = setTimeout;
const parentNodeGet = getter(Node.prototype, 'parentNode');
const removeChildNative = Node.prototype.removeChild;
const urlParts = ['protocol', 'host', 'hostname', 'pathname', 'search'] as const;
const urlGetters = urlParts.map((k) => getter(URL.prototype, k));

/** A WeakMap whose methods cannot be replaced by the page. */
export class SafeWeakMap<K extends object, V> {
  private readonly map = new WeakMap<K, V>();
  get(key: K): V | undefined {
    return apply(weakGet, this.map, [key]) as V | undefined;
  }
  set(key: K, value: V): void {
    apply(weakSet, this.map, [key, value]);
  }
  has(key: K): boolean {
    return apply(weakHas, this.map, [key]) as boolean;
  }
  delete(key: K): void {
    apply(weakDelete, this.map, [key]);
  }
}

export const dispatch = (target: EventTarget, event: Event) => apply(dispatchEventNative, target, [event]);
export const listen = (target: EventTarget, type: string, fn: (e: Event) => void, capture: boolean) => apply(addListenerNative, target, [type, fn, capture]);
export const unlisten = (target: EventTarget, type: string, fn: (e: Event) => void, capture: boolean) => apply(removeListenerNative, target, [type, fn, capture]);
export const detailOf = (event: Event): unknown => (eventDetail ? apply(eventDetail, event, []) : undefined);
export const targetOf = (event: Event) => (eventTarget ? (apply(eventTarget, event, []) as EventTarget | null) : null);
export const lower = (s: string) => apply(toLowerCase, s, []) as string;
export const split = (s: string, by: string) => apply(splitNative, s, [by]) as string[];
export const later = (fn: () => void, ms: number) => apply(setTimeoutNative, globalThis, [fn, ms]);

/** The document's base URL and own URL, read through the original getters. */
export const baseUrl = () => (baseUriGet ? (apply(baseUriGet, document, []) as string) : undefined);
export const documentUrl = () => (documentUrlGet ? (apply(documentUrlGet, document, []) as string) : '');

/** `get` called on `value` when it is the right kind of object, else undefined (never throws). */
function tryGetter(get: ((this: unknown) => unknown) | undefined, value: unknown): unknown {
  if (!get || typeof value !== 'object' || value === null) return undefined;
  try {
    return apply(get, value, []);
  } catch {
    return undefined;
  }
}

const StringFn = String;

/**
 * A URL argument as the browser will read it, and what to pass on in its place. A string, or a
 * Request where the call takes one (`takesRequest`: fetch), is passed as it is. Anything else (a URL object, a String object, an object with its
 * own toString) the browser turns into a string with ToString, which runs page code that could
 * answer the hook one URL and the browser another; so it is turned into a string here, once, and
 * that string is passed on: the page's code runs as often and in the same place as without the
 * hook. Throws what the page's conversion throws (the caller hands it on as the native would).
 */
export function urlArgOf(input: unknown, takesRequest = true): { url: string | undefined; arg: unknown } {
  if (typeof input === 'string') return { url: input, arg: input };
  const requestUrl = takesRequest ? tryGetter(requestUrlGet, input) : undefined;
  if (typeof requestUrl === 'string') return { url: requestUrl, arg: input };
  // A symbol makes the native throw its own TypeError; undefined/null stay for its own handling.
  if (typeof input === 'symbol' || input === undefined || input === null) return { url: undefined, arg: input };
  const url = StringFn(input);
  return { url, arg: url };
}

/** The URL getters' values the hook reads (core/detection/quick-url-parts.ts reads the same without the parser). */
export type ParsedUrl = UrlParts;

export function parseUrl(url: string, base: string | undefined): ParsedUrl | undefined {
  try {
    const u = construct(URLCtor, base === undefined ? [url] : [url, base]) as URL;
    const [protocol, host, hostname, pathname, search] = urlGetters.map((g) => (g ? (apply(g, u, []) as string) : ''));
    return { protocol: protocol!, host: host!, hostname: hostname!, pathname: pathname!, search: search! };
  } catch {
    return undefined;
  }
}

/**
 * A parser of one changing URL (the document's own, its base) that parses again only when the
 * text changed: the hook reads them on every request, and they rarely change.
 */
export function parseUrlOnce(): (url: string | undefined) => ParsedUrl | undefined {
  let last: string | undefined;
  let parts: ParsedUrl | undefined;
  return (url) => {
    if (url !== last) {
      last = url;
      parts = url === undefined ? undefined : parseUrl(url, undefined);
    }
    return parts;
  };
}

const decoder = new TextDecoder('utf-8');

/** The bytes a view covers, read through the captured getters; undefined for anything else. */
function viewBytes(body: object): [ArrayBuffer, number, number] | undefined {
  if (!apply(isView, ArrayBuffer, [body])) return undefined;
  const g = tryGetter(typedArrayGetters.buffer, body) !== undefined ? typedArrayGetters : dataViewGetters;
  const buffer = tryGetter(g.buffer, body);
  const offset = tryGetter(g.offset, body);
  const length = tryGetter(g.length, body);
  return typeof offset === 'number' && typeof length === 'number' && buffer !== undefined ? [buffer as ArrayBuffer, offset, length] : undefined;
}

/**
 * The first `max` characters of a body, for the model it names: a string, ArrayBuffer or
 * ArrayBuffer view is read here; other objects (Blob, URLSearchParams: request-bodies.ts) by the
 * reader registered with `readOtherBodiesWith`. Form-encoded text is handed on as the JSON object
 * it stands for (core/form-body.ts), so the one JSON-prefix reader finds its `model`.
 */
export function bodyTextOf(body: unknown, max: number): string | undefined {
  const text = rawBodyTextOf(body, max);
  return text === undefined ? undefined : (formBodyAsJson(text, max) ?? text);
}

let otherBodies: ((body: object, max: number) => string | undefined) | undefined;

/** Who reads the bodies bodyTextOf does not read itself (kept apart to avoid an import cycle). */
export function readOtherBodiesWith(reader: (body: object, max: number) => string | undefined): void {
  otherBodies = reader;
}

function rawBodyTextOf(body: unknown, max: number): string | undefined {
  if (typeof body === 'string') return body.length > max ? (apply(sliceNative, body, [0, max]) as string) : body;
  if (typeof body !== 'object' || body === null) return undefined;
  let bytes: [unknown, number, number] | undefined;
  const length = tryGetter(arrayBufferLength, body);
  if (typeof length === 'number') bytes = [body, 0, length];
  else bytes = viewBytes(body);
  if (!bytes) return otherBodies ? otherBodies(body, max) : undefined;
  try {
    const view = construct(Uint8ArrayCtor, [bytes[0], bytes[1], bytes[2] > max ? max : bytes[2]]);
    return apply(decodeNative, decoder, [view]) as string;
  } catch {
    return undefined;
  }
}

/** An own data property of a plain init object; getters are not called (the browser calls them once). */
export function dataProp(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  try {
    const d = getOwnPropertyDescriptor(obj, key);
    // Own `value` only: an accessor's descriptor has none, and `in` would read a page-defined
    // Object.prototype.value (a getter body would then name a model of the page's choosing).
    return d && apply(hasOwn, d, ['value']) ? d.value : undefined;
  } catch {
    return undefined;
  }
}

/** `args` with its first item replaced, built without the page's (replaceable) Array methods. */
export function withFirst(args: unknown[], first: unknown): unknown[] {
  const out: unknown[] = [first];
  for (let i = 1; i < args.length; i++) out[i] = args[i];
  return out;
}

/** Takes `node` out of its parent, if it has one, without the page's (replaceable) DOM methods. */
export function detach(node: Node): void {
  try {
    const parent = parentNodeGet ? (apply(parentNodeGet, node, []) as Node | null) : null;
    if (parent) apply(removeChildNative, parent, [node]);
  } catch {
    // Never into the page.
  }
}

// Request and Blob bodies (request-bodies.ts): captured like the rest, before any page script.
export const getPrototypeOf = Reflect.getPrototypeOf;
export const isArray = Array.isArray;
export const arrayProto = Array.prototype;
export const arrayValues = Array.prototype[Symbol.iterator];
export const arrayIteratorProto = Reflect.getPrototypeOf(arrayValues.call([])) as object;
export const arrayIteratorNext = (arrayIteratorProto as { next: Function }).next;
export const objectProto = Object.prototype;
export const paramsToString = URLSearchParams.prototype.toString;
export const iteratorKey = Symbol.iterator;
export const sliceString = (s: string, from: number, to?: number) => apply(sliceNative, s, to === undefined ? [from] : [from, to]) as string;

/** The bytes an ArrayBuffer or view body covers, read through the captured getters; undefined for anything else. */
export function bufferBytesOf(body: object): [ArrayBuffer, number, number] | undefined {
  if (apply(isView, ArrayBuffer, [body])) return viewBytes(body);
  const length = tryGetter(arrayBufferLength, body);
  return typeof length === 'number' ? [body as ArrayBuffer, 0, length] : undefined;
}

/** A Uint8Array over at most `max` of those bytes (its elements are read without page code). */
export function bytesView(bytes: [ArrayBuffer, number, number], max: number): Uint8Array | undefined {
  try {
    return construct(Uint8ArrayCtor, [bytes[0], bytes[1], bytes[2] > max ? max : bytes[2]]) as Uint8Array;
  } catch {
    return undefined;
  }
}

/** UTF-8 text of a view, through the captured decoder. */
export const decodeView = (view: Uint8Array) => apply(decodeNative, decoder, [view]) as string;
export { tryGetter };
