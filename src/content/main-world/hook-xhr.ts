/**
 * XMLHttpRequest: `open` remembers where a request goes, `send` reports it with its body. The
 * originals do all the work (including synchronous requests and their errors).
 */
import { disguised, replaceValue } from './disguise.ts';
import { apply, SafeWeakMap, urlStringOf, withoutFrame } from './natives.ts';
import { observe } from './observe.ts';

export function hookXhr(): void {
  const proto = globalThis.XMLHttpRequest?.prototype;
  if (!proto) return;
  const opened = new SafeWeakMap<object, string>();
  const open = proto.open;
  const send = proto.send;
  const openHandler: ProxyHandler<typeof open> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      let result: unknown;
      try {
        result = apply(target, thisArg, args);
      } catch (error) {
        throw withoutFrame(error, openHandler.apply!);
      }
      // Only after the original accepted the arguments (a bad method throws first).
      try {
        const url = urlStringOf(args[1]);
        if (typeof thisArg === 'object' && thisArg !== null && url !== undefined) opened.set(thisArg, url);
      } catch {
        // Never into the page.
      }
      return result;
    },
  };
  const sendHandler: ProxyHandler<typeof send> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      if (typeof thisArg === 'object' && thisArg !== null) observe('xhr', opened.get(thisArg), args[0]);
      try {
        return apply(target, thisArg, args);
      } catch (error) {
        throw withoutFrame(error, sendHandler.apply!);
      }
    },
  };
  replaceValue(proto, 'open', disguised(open, openHandler));
  replaceValue(proto, 'send', disguised(send, sendHandler));
}
