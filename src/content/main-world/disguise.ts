/**
 * Makes wrapped built-ins look native: `Function.prototype.toString` answers for a wrapper what
 * it answers for the original (`function fetch() { [native code] }`), including for itself.
 * The wrappers are Proxies of the originals, so `name`, `length`, `prototype`, property
 * descriptors, `new.target` and the errors thrown all come from the originals unchanged.
 */
import { apply, defineProperty, getOwnPropertyDescriptor, ProxyCtor, SafeWeakMap, withoutFrame } from './natives.ts';

const originals = new SafeWeakMap<object, object>();
const nativeToString = Function.prototype.toString;

const toStringHandler: ProxyHandler<typeof nativeToString> = {
  apply(target, thisArg: unknown, args: unknown[]) {
    const original = (typeof thisArg === 'function' || typeof thisArg === 'object') && thisArg !== null ? originals.get(thisArg) : undefined;
    try {
      return apply(target, original ?? thisArg, args);
    } catch (error) {
      throw withoutFrame(error, toStringHandler.apply!);
    }
  },
};
const toStringProxy = new ProxyCtor(nativeToString, toStringHandler);
originals.set(toStringProxy, nativeToString);

let installed = false;

function installToString(): void {
  if (installed) return;
  installed = true;
  const d = getOwnPropertyDescriptor(Function.prototype, 'toString');
  if (d) defineProperty(Function.prototype, 'toString', { ...d, value: toStringProxy });
}

/** A Proxy of `original` with `handler`, shown as `original` by toString. */
export function disguised<T extends object>(original: T, handler: ProxyHandler<T>): T {
  installToString();
  const proxy = new ProxyCtor(original, handler);
  originals.set(proxy, original);
  return proxy;
}

/** Replaces `owner[key]` (a data property) keeping its attributes; false when it cannot. */
export function replaceValue(owner: object, key: string, value: unknown): boolean {
  const d = getOwnPropertyDescriptor(owner, key);
  if (!d || !('value' in d)) return false;
  return defineProperty(owner, key, { ...d, value });
}

/**
 * Puts a wrapper of the global constructor `name` in its place, and points its
 * `prototype.constructor` at the wrapper, as it pointed at the original before. Returns the
 * original, or undefined when this world has no such constructor.
 */
export function replaceConstructor<T extends new (...args: unknown[]) => object>(name: string, handler: ProxyHandler<T>): T | undefined {
  const original = (globalThis as unknown as Record<string, unknown>)[name];
  if (typeof original !== 'function') return undefined;
  const wrapper = disguised(original as T, handler);
  replaceValue(globalThis, name, wrapper);
  const proto = (original as { prototype?: object }).prototype;
  if (proto) replaceValue(proto, 'constructor', wrapper);
  return original as T;
}
