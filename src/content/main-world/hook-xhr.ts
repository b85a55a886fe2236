/**
 * XMLHttpRequest: `open` remembers where a request goes, `send` reports it with its body. The
 * originals do all the work (including synchronous requests and their errors).
 */
import { disguised, replaceValue } from './disguise.ts';
import { apply, SafeWeakMap, urlStringOf } from './natives.ts';
import { observe } from './observe.ts';

export function hookXhr(): void {
  const proto = globalThis.XMLHttpRequest?.prototype;
  if (!proto) return;
  const opened = new SafeWeakMap<object, string>();
  const open = proto.open;
  const send = proto.send;
  replaceValue(proto, 'open', disguised(open, {
    apply(target, thisArg: unknown, args: unknown[]) {
      const result = apply(target, thisArg, args);
      // Only after the original accepted the arguments (a bad method throws first).
      try {
        const url = urlStringOf(args[1]);
        if (typeof thisArg === 'object' && thisArg !== null && url !== undefined) opened.set(thisArg, url);
      } catch {
        // Never into the page.
      }
      return result;
    },
  }));
  replaceValue(proto, 'send', disguised(send, {
    apply(target, thisArg: unknown, args: unknown[]) {
      if (typeof thisArg === 'object' && thisArg !== null) observe('xhr', opened.get(thisArg), args[0]);
      return apply(target, thisArg, args);
    },
  }));
}
