/**
 * navigator.sendBeacon: reports the destination and the model of a JSON body; a beacon naming a
 * blocked model goes, without its data, to a URL the extension's rule fails (as a beacon to a
 * blocked host would, it is still queued).
 */
import { disguised, replaceValue } from './disguise.ts';
import { apply, urlStringOf, withoutFrame } from './natives.ts';
import { observe } from './observe.ts';

export function hookBeacon(): void {
  const proto = globalThis.Navigator?.prototype;
  if (!proto || typeof proto.sendBeacon !== 'function') return;
  const handler: ProxyHandler<Navigator['sendBeacon']> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      const stop = observe('beacon', urlStringOf(args[0]), args[1]);
      try {
        return apply(target, thisArg, stop ? [stop.url] : args);
      } catch (error) {
        throw withoutFrame(error, handler.apply!);
      }
    },
  };
  replaceValue(proto, 'sendBeacon', disguised(proto.sendBeacon, handler));
}
