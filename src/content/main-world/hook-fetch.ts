/** `fetch`: reports the destination (and the model of a JSON body), then calls the original. */
import { disguised, replaceValue } from './disguise.ts';
import { apply, dataProp, urlStringOf, withoutFrame } from './natives.ts';
import { observe } from './observe.ts';

export function hookFetch(): void {
  const original = globalThis.fetch;
  if (typeof original !== 'function') return;
  const handler: ProxyHandler<typeof fetch> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      observe('fetch', urlStringOf(args[0]), dataProp(args[1], 'body'));
      try {
        return apply(target, thisArg, args);
      } catch (error) {
        throw withoutFrame(error, handler.apply!);
      }
    },
  };
  const wrapper = disguised(original, handler);
  replaceValue(globalThis, 'fetch', wrapper);
}
