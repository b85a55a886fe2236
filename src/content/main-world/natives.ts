/**
 * The page's built-ins as they were before any page script ran. The hook runs in the page's own
 * JavaScript world, where a page may later replace `Reflect.apply`, `WeakMap.prototype.get`,
 * `JSON.stringify`, URL getters and so on; the hook calls only these captured originals, so a
 * page can neither break it nor see it call page-defined code through them.
 */
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
const urlHrefGet = getter(URL.prototype, 'href');
const arrayBufferLength = getter(ArrayBuffer.prototype, 'byteLength');
const decodeNative = TextDecoder.prototype.decode;
const toLowerCase = String.prototype.toLowerCase;
const splitNative = String.prototype.split;
const setTimeoutNative = setTimeout;
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

const asString = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The URL string a fetch-like call was given: a string as is, a Request's or URL's own URL. Any
 * other object is skipped: turning it into a string would run the page's own toString a second
 * time, which a page could notice.
 */
export function urlStringOf(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  return asString(tryGetter(requestUrlGet, input)) ?? asString(tryGetter(urlHrefGet, input));
}

export interface ParsedUrl {
  protocol: string;
  host: string;
  hostname: string;
  pathname: string;
  search: string;
}

export function parseUrl(url: string, base: string | undefined): ParsedUrl | undefined {
  try {
    const u = construct(URLCtor, base === undefined ? [url] : [url, base]) as URL;
    const [protocol, host, hostname, pathname, search] = urlGetters.map((g) => (g ? (apply(g, u, []) as string) : ''));
    return { protocol: protocol!, host: host!, hostname: hostname!, pathname: pathname!, search: search! };
  } catch {
    return undefined;
  }
}

const decoder = new TextDecoder('utf-8');

/** The first `max` characters of a string or ArrayBuffer body; other bodies are not read. */
export function bodyTextOf(body: unknown, max: number): string | undefined {
  if (typeof body === 'string') return body.length > max ? body.slice(0, max) : body;
  const length = tryGetter(arrayBufferLength, body);
  if (typeof length !== 'number') return undefined;
  try {
    const view = construct(Uint8ArrayCtor, [body, 0, length > max ? max : length]);
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
    return d && 'value' in d ? d.value : undefined;
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
