/**
 * Hands the page hook the blocked-model list (core/model-block) on its private line, at start
 * and whenever the background changes it. storage.local is readable from content scripts; the
 * page is not. Without the polyfill, as send-to-background.ts says why.
 *
 * The change listener is removed while the page sits in the back/forward cache and added again
 * (with a fresh read) when it is restored: an extension event delivered to a cached page would
 * evict it (https://developer.chrome.com/docs/web-platform/bfcache#extensions).
 */
import { MODEL_BLOCK_KEY } from '../core/constants.ts';
import { type BlockedFamily, EMPTY_MODEL_BLOCK_LIST, type ModelBlockList } from '../core/model-block/model-block-match.ts';

type Changes = Record<string, { newValue?: unknown }>;
type ChangeListener = (changes: Changes, area: string) => void;

interface StorageApi {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(fn: ChangeListener): void; removeListener(fn: ChangeListener): void };
}

declare const browser: { storage: StorageApi } | undefined;
declare const chrome: { storage: StorageApi } | undefined;

/**
 * The list as the hook is to read it: every key it looks at is the list's own. The hook parses it
 * in the page's world, where a page can give every object a property through
 * `Object.prototype` (`Object.prototype.exemptSites = [location.hostname]`); a key the list
 * left out would then be read from there and could exempt the page from its own block.
 */
export function completeModelBlockList(value: unknown): ModelBlockList {
  const list = (typeof value === 'object' && value !== null ? value : EMPTY_MODEL_BLOCK_LIST) as Partial<ModelBlockList>;
  const families = Array.isArray(list.families) ? list.families : [];
  return {
    families: families.map((f: BlockedFamily) => ({ ...f, anywhere: f.anywhere === true })),
    names: list.names ?? {},
    prefixes: list.prefixes ?? {},
    namespaces: list.namespaces ?? {},
    forwarders: list.forwarders ?? [],
    globs: list.globs ?? [],
    exemptHosts: list.exemptHosts ?? [],
    exemptSites: list.exemptSites ?? [],
  };
}

export function feedModelBlockList(hand: (json: string) => void): void {
  let storage: StorageApi;
  try {
    storage = typeof browser !== 'undefined' ? browser.storage : chrome!.storage;
  } catch {
    return;
  }
  const pass = (value: unknown) => hand(JSON.stringify(completeModelBlockList(value)));
  const read = () =>
    storage.local.get(MODEL_BLOCK_KEY).then(
      (got) => pass(got[MODEL_BLOCK_KEY]),
      () => undefined,
    );
  const onChanged: ChangeListener = (changes, area) => {
    if (area === 'local' && MODEL_BLOCK_KEY in changes) pass(changes[MODEL_BLOCK_KEY]!.newValue);
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
