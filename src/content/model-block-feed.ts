/**
 * Hands the page hook the blocked-model list (core/model-block) on its private line, at start
 * and whenever the background changes it. storage.local is readable from content scripts; the
 * page is not. Without the polyfill, as send-to-background.ts says why.
 */
import { MODEL_BLOCK_KEY } from '../core/constants.ts';

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}
interface StorageApi {
  local: StorageArea;
  onChanged: { addListener(fn: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
}

declare const browser: { storage: StorageApi } | undefined;
declare const chrome: { storage: StorageApi } | undefined;

export function feedModelBlockList(hand: (json: string) => void): void {
  let storage: StorageApi;
  try {
    storage = typeof browser !== 'undefined' ? browser.storage : chrome!.storage;
  } catch {
    return;
  }
  const pass = (value: unknown) => hand(JSON.stringify(value ?? { families: [], names: {}, prefixes: {}, namespaces: {}, ownServing: [] }));
  storage.local.get(MODEL_BLOCK_KEY).then(
    (got) => pass(got[MODEL_BLOCK_KEY]),
    () => pass(undefined),
  );
  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && MODEL_BLOCK_KEY in changes) pass(changes[MODEL_BLOCK_KEY]!.newValue);
  });
}
