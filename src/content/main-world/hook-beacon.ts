/**
 * navigator.sendBeacon: reports the destination and the model of a JSON body; a beacon naming a
 * blocked model goes, without its data, to a URL the extension's rule fails (as a beacon to a
 * blocked host would, it is still queued).
 */
import { disguised, replaceValue } from './disguise.ts';
import { apply, urlArgOf, withFirst, withoutFrame } from './natives.ts';
import { observe } from './observe.ts';

export function hookBeacon(): void {
  const proto = globalThis.Navigator?.prototype;
  if (!proto || typeof proto.sendBeacon !== 'function') return;
  const handler: ProxyHandler<Navigator['sendBeacon']> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      try {
        const input = args.length > 0 ? urlArgOf(args[0], false) : { url: undefined, arg: undefined };
        const stop = observe('beacon', input.url, args[1]);
        return apply(target, thisArg, stop ? [stop.url] : input.arg !== args[0] ? withFirst(args, input.arg) : args);
      } catch (error) {
        throw withoutFrame(error, handler.apply!);
      }
    },
  };
  replaceValue(proto, 'sendBeacon', disguised(proto.sendBeacon, handler));
}
