/**
 * `fetch`: reports the destination (and the model its body names: init's body, or a Request's,
 * request-bodies.ts), then calls the original. A
 * request naming a blocked model is re-sent without its body to a URL the extension's rule fails,
 * so the page gets the browser's own rejection (`TypeError: Failed to fetch` in Chrome). One
 * naming a model before the blocked-model list has arrived starts once it has (model-block.ts).
 */
import { disguised, replaceValue } from './disguise.ts';
import { whenListed } from './model-block.ts';
import { apply, construct, urlArgOf, withFirst, withoutFrame } from './natives.ts';

import { candidateOf, observeCandidate } from './observe.ts';
import { fetchBodyOf } from './request-bodies.ts';

const PromiseCtor = Promise;
const PromiseReject = Promise.reject.bind(Promise) as (reason: unknown) => Promise<never>;

export function hookFetch(): void {
  const original = globalThis.fetch;
  if (typeof original !== 'function') return;
  const handler: ProxyHandler<typeof fetch> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      let use = args;
      let url: string | undefined;
      if (args.length > 0) {
        try {
          const input = urlArgOf(args[0]);
          url = input.url;
          if (input.arg !== args[0]) use = withFirst(args, input.arg);
        } catch (error) {
          // The page's own toString threw: fetch rejects with it, as the native does.
          return PromiseReject(error);
        }
      }
      // The body init gives, or the one a Request carries (recorded when the page built it): read
      // only for a request worth a look.
      const candidate = candidateOf(url);
      const verdict = candidate && observeCandidate('fetch', candidate, fetchBodyOf(args[0], args[1]), true);
      if (verdict && 'decide' in verdict) {
        // The blocked-model list has not arrived yet: the request starts once it has.
        return construct(PromiseCtor, [
          (resolve: (value: unknown) => void, reject: (reason: unknown) => void) =>
            whenListed(() => {
              try {
                const stop = verdict.decide();
                resolve(apply(target, thisArg, stop ? [stop.url] : use));
              } catch (error) {
                reject(error);
              }
            }),
        ]);
      }
      const stop = verdict;
      try {
        return apply(target, thisArg, stop ? [stop.url] : use);
      } catch (error) {
        throw withoutFrame(error, handler.apply!);
      }
    },
  };
  const wrapper = disguised(original, handler);
  replaceValue(globalThis, 'fetch', wrapper);
}
