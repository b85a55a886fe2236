/**
 * XMLHttpRequest: `open` remembers where a request goes, `send` reports it with its body. The
 * originals do all the work (including synchronous requests and their errors).
 */
import { disguised, replaceValue } from './disguise.ts';
import { apply, SafeWeakMap, urlArgOf, withoutFrame } from './natives.ts';
import { observe } from './observe.ts';

export function hookXhr(): void {
  const proto = globalThis.XMLHttpRequest?.prototype;
  if (!proto) return;
  const opened = new SafeWeakMap<object, { url: string; sync: boolean }>();
  const open = proto.open;
  const send = proto.send;
  const openHandler: ProxyHandler<typeof open> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      let result: unknown;
      let url: string | undefined;
      let use = args;
      try {
        // The URL is converted here, once, only when the method is a plain string: the browser
        // converts the method first, and its conversion must stay first.
        if (args.length > 1 && typeof args[0] === 'string') {
          const input = urlArgOf(args[1], false);
          url = input.url;
          if (input.arg !== args[1]) {
            use = [args[0], input.arg];
            for (let i = 2; i < args.length; i++) use[i] = args[i];
          }
        }
        result = apply(target, thisArg, use);
      } catch (error) {
        throw withoutFrame(error, openHandler.apply!);
      }
      // Only after the original accepted the arguments (a bad method throws first).
      try {
        if (typeof thisArg === 'object' && thisArg !== null && url !== undefined) opened.set(thisArg, { url, sync: args.length > 2 && !args[2] });
      } catch {
        // Never into the page.
      }
      return result;
    },
  };
  const sendHandler: ProxyHandler<typeof send> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      const request = typeof thisArg === 'object' && thisArg !== null ? opened.get(thisArg) : undefined;
      const stop = request ? observe('xhr', request.url, args[0]) : undefined;
      try {
        // A blocked model: the request is opened again, without its body, to a URL the
        // extension's rule fails, so the page gets the browser's own error event.
        if (stop && request) {
          apply(open, thisArg, ['GET', stop.url, !request.sync]);
          return apply(target, thisArg, []);
        }
        return apply(target, thisArg, args);
      } catch (error) {
        throw withoutFrame(error, sendHandler.apply!);
      }
    },
  };
  replaceValue(proto, 'open', disguised(open, openHandler));
  replaceValue(proto, 'send', disguised(send, sendHandler));
}
