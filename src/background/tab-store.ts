/**
 * Per-tab state in storage.session: it survives the service worker being stopped (MV3 stops it
 * after ~30 s idle) and is dropped with the browser session.
 */
import browser from 'webextension-polyfill';
import { TAB_STATE_KEY_PREFIX } from '../core/constants.ts';
import type { TabState } from '../core/tab-state.ts';

const keyOf = (tabId: number) => `${TAB_STATE_KEY_PREFIX}${tabId}`;

export async function getTabState(tabId: number): Promise<TabState | undefined> {
  const key = keyOf(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return isTabState(stored) ? stored : undefined;
}

/**
 * Read-modify-write of one tab's state. Two messages for the same tab arriving together would
 * otherwise both read the old value and one update would be lost, so updates of a tab run one
 * after another (an update returning undefined removes the state). The queue only orders work in this worker's lifetime; the state itself lives
 * in storage.
 */
const queues = new Map<number, Promise<unknown>>();

export function updateTabState(
  tabId: number,
  update: (prev: TabState | undefined) => TabState | undefined,
): Promise<TabState | undefined> {
  const run = async () => {
    const prev = await getTabState(tabId);
    const next = update(prev);
    if (next) await browser.storage.session.set({ [keyOf(tabId)]: next });
    else if (prev) await browser.storage.session.remove(keyOf(tabId));
    return next;
  };
  const result = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  const tail = result.catch(() => undefined);
  queues.set(tabId, tail);
  void tail.then(() => {
    if (queues.get(tabId) === tail) queues.delete(tabId);
  });
  return result;
}

export async function removeTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

function isTabState(value: unknown): value is TabState {
  return typeof value === 'object' && value !== null && Array.isArray((value as TabState).findings);
}
