/**
 * `fetch`: reports the destination (and the model of a JSON body), then calls the original. A
 * request naming a blocked model is re-sent without its body to a URL the extension's rule fails,
 * so the page gets the browser's own rejection (`TypeError: Failed to fetch` in Chrome).
 */
import { disguised, replaceValue } from './disguise.ts';
import { apply, dataProp, urlStringOf, withoutFrame } from './natives.ts';
import { observe } from './observe.ts';

export function hookFetch(): void {
  const original = globalThis.fetch;
  if (typeof original !== 'function') return;
  const handler: ProxyHandler<typeof fetch> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      const stop = observe('fetch', urlStringOf(args[0]), dataProp(args[1], 'body'));
      try {
        return apply(target, thisArg, stop ? [stop.url] : args);
      } catch (error) {
        throw withoutFrame(error, handler.apply!);
      }
    },
  };
  const wrapper = disguised(original, handler);
  replaceValue(globalThis, 'fetch', wrapper);
}
