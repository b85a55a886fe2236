/**
 * `fetch`: reports the destination (and the model of a JSON body), then calls the original. A
 * request naming a blocked model is re-sent without its body to a URL the extension's rule fails,
 * so the page gets the browser's own rejection (`TypeError: Failed to fetch` in Chrome).
 */
import { disguised, replaceValue } from './disguise.ts';
import { modelListReady, whenModelListReady } from './model-block.ts';
import { apply, construct, dataProp, PromiseCtor, urlStringOf, withoutFrame } from './natives.ts';
import { namedModel, observe } from './observe.ts';

export function hookFetch(): void {
  const original = globalThis.fetch;
  if (typeof original !== 'function') return;
  const handler: ProxyHandler<typeof fetch> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      const url = urlStringOf(args[0]);
      const body = dataProp(args[1], 'body');
      const go = (): unknown => {
        const stop = observe('fetch', url, body);
        return apply(target, thisArg, stop ? [stop.url] : args);
      };
      // At the very start of a page the list may not be here yet: a request naming a model waits for it.
      if (!modelListReady() && namedModel(url, body) !== undefined) {
        return construct(PromiseCtor, [(resolve: (v: unknown) => void, reject: (e: unknown) => void) => whenModelListReady(() => {
          try {
            resolve(go());
          } catch (error) {
            reject(error);
          }
        })]);
      }
      try {
        return go();
      } catch (error) {
        throw withoutFrame(error, handler.apply!);
      }
    },
  };
  const wrapper = disguised(original, handler);
  replaceValue(globalThis, 'fetch', wrapper);
}
