/**
 * WebSocket and EventSource: the constructor reports the URL, then the original constructs the
 * object with the caller's `new.target`, so subclasses, `instanceof` and errors are unchanged.
 * `prototype.constructor` is pointed at the wrapper, as it pointed at the original before.
 * A socket whose URL names a blocked model (`/v1/realtime?model=…`) is opened to the marker URL
 * instead, which the extension's session rule fails: the page gets the browser's own `error`
 * and an unclean `close` (code 1006), as for any socket a network rule blocks. Open streams are
 * remembered so that a later block of their host ends them (open-streams.ts).
 */
import { replaceConstructor } from './disguise.ts';
import { construct, urlArgOf, withFirst, withoutFrame } from './natives.ts';
import { observe } from './observe.ts';
import { trackStream } from './open-streams.ts';
import { hookRequestBodies } from './request-bodies.ts';

function hookConstructor(name: 'WebSocket' | 'EventSource', channel: 'websocket' | 'eventsource'): void {
  const close = ((globalThis as unknown as Record<string, { prototype?: { close?: Function } } | undefined>)[name])?.prototype?.close;
  const handler: ProxyHandler<new (...args: unknown[]) => object> = {
    construct(target, args: unknown[], newTarget: Function) {
      try {
        const input = args.length > 0 ? urlArgOf(args[0], false) : { url: undefined, arg: undefined };
        const stop = observe(channel, input.url);
        const stream = construct(target, stop ? withFirst(args, stop.url) : input.arg !== args[0] ? withFirst(args, input.arg) : args, newTarget) as object;
        if (!stop) trackStream(stream, input.url, close);
        return stream;
      } catch (error) {
        throw withoutFrame(error, handler.construct!);
      }
    },
  };
  replaceConstructor(name, handler);
}

export function hookConstructors(): void {
  hookConstructor('WebSocket', 'websocket');
  hookConstructor('EventSource', 'eventsource');
  // Request, Blob and File record the text of the bodies they are built with.
  hookRequestBodies();
}
