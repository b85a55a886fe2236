/** `fetch`: reports the destination (and the model of a JSON body), then calls the original. */
import { disguised, replaceValue } from './disguise.ts';
import { apply, dataProp, urlStringOf } from './natives.ts';
import { observe } from './observe.ts';

export function hookFetch(): void {
  const original = globalThis.fetch;
  if (typeof original !== 'function') return;
  const wrapper = disguised(original, {
    apply(target, thisArg: unknown, args: unknown[]) {
      observe('fetch', urlStringOf(args[0]), dataProp(args[1], 'body'));
      return apply(target, thisArg, args);
    },
  });
  replaceValue(globalThis, 'fetch', wrapper);
}
