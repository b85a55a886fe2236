/**
 * Hands the page hook the blocked-model list (core/model-block) and the hosts blocked everywhere
 * (core/browser-traffic) on its private line, at start and whenever the background changes them. storage.local is readable from content scripts; the
 * page is not. Without the polyfill, as send-to-background.ts says why.
 *
 * The change listener is removed while the page sits in the back/forward cache and added again
 * (with a fresh read) when it is restored: an extension event delivered to a cached page would
 * evict it (https://developer.chrome.com/docs/web-platform/bfcache#extensions).
 */
import { BLOCKED_HOSTS_KEY, BRIDGE_HOSTS, BRIDGE_RULES, MODEL_BLOCK_KEY } from '../core/constants.ts';
import { completeModelBlockList } from '../core/model-block/complete-model-block-list.ts';

type Changes = Record<string, { newValue?: unknown }>;
type ChangeListener = (changes: Changes, area: string) => void;

interface StorageApi {
  local: { get(keys: string[]): Promise<Record<string, unknown>> };
  onChanged: { addListener(fn: ChangeListener): void; removeListener(fn: ChangeListener): void };
}

declare const browser: { storage: StorageApi } | undefined;
declare const chrome: { storage: StorageApi } | undefined;

export function feedModelBlockList(hand: (event: string, json: string) => void): void {
  let storage: StorageApi;
  try {
    storage = typeof browser !== 'undefined' ? browser.storage : chrome!.storage;
  } catch {
    return;
  }
  const pass = (value: unknown) => hand(BRIDGE_RULES, JSON.stringify(completeModelBlockList(value)));
  const passHosts = (value: unknown) => hand(BRIDGE_HOSTS, JSON.stringify(Array.isArray(value) ? value : []));
  const read = () =>
    storage.local.get([MODEL_BLOCK_KEY, BLOCKED_HOSTS_KEY]).then(
      (got) => {
        pass(got[MODEL_BLOCK_KEY]);
        passHosts(got[BLOCKED_HOSTS_KEY]);
      },
      () => undefined,
    );
  const onChanged: ChangeListener = (changes, area) => {
    if (area !== 'local') return;
    if (MODEL_BLOCK_KEY in changes) pass(changes[MODEL_BLOCK_KEY]!.newValue);
    if (BLOCKED_HOSTS_KEY in changes) passHosts(changes[BLOCKED_HOSTS_KEY]!.newValue);
  };
  void read();
  storage.onChanged.addListener(onChanged);
  addEventListener('pagehide', (event) => {
    if (event.isTrusted && event.persisted) storage.onChanged.removeListener(onChanged);
  });
  addEventListener('pageshow', (event) => {
    if (!event.isTrusted || !event.persisted) return;
    storage.onChanged.addListener(onChanged);
    void read();
  });
}
