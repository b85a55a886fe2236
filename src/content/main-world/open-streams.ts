/**
 * Sockets and event streams the page opened, so that a block made while one is open ends it:
 * network rules apply to new connections only, and an open WebSocket would otherwise go on
 * sending to a host blocked since (red-team suite). Held weakly (a closed, dropped socket is
 * collected) and only the newest MAX_TRACKED, so a page opening thousands costs a bounded list.
 * When the blocked hosts change (blocked-hosts.ts), each stream to a host now blocked is closed
 * with the original close(); the page sees the close event as for any socket its peer ended.
 */
import { isBlockedHost } from './blocked-hosts.ts';
import { apply, lower, parseUrl } from './natives.ts';

const MAX_TRACKED = 64;
const WeakRefCtor = globalThis.WeakRef;
const derefNative = WeakRefCtor?.prototype.deref;

interface Tracked {
  ref: WeakRef<object>;
  host: string;
  close: Function;
}

let tracked: Tracked[] = [];

/** Remembers `stream` (just constructed for `url`) with its own class's original close(). */
export function trackStream(stream: object, url: string | undefined, close: Function | undefined): void {
  if (!WeakRefCtor || !derefNative || url === undefined || typeof close !== 'function') return;
  const u = parseUrl(url, undefined);
  if (!u) return;
  const entry: Tracked = { ref: new WeakRefCtor(stream), host: lower(u.hostname), close };
  if (tracked.length >= MAX_TRACKED) {
    const kept: Tracked[] = [];
    for (let i = 1; i < tracked.length; i++) kept[kept.length] = tracked[i]!;
    tracked = kept;
  }
  tracked[tracked.length] = entry;
}

/** Closes the streams to hosts blocked now; called when the blocked hosts change. */
export function closeBlockedStreams(): void {
  const kept: Tracked[] = [];
  for (let i = 0; i < tracked.length; i++) {
    const entry = tracked[i]!;
    const stream = apply(derefNative!, entry.ref, []) as object | undefined;
    if (!stream) continue;
    if (isBlockedHost(entry.host)) {
      try {
        apply(entry.close, stream, []);
      } catch {
        // Already closed, or not closable: nothing more to do.
      }
      continue;
    }
    kept[kept.length] = entry;
  }
  tracked = kept;
}
