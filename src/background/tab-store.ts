/**
 * Per-tab state in storage.session: it survives the service worker being stopped (MV3 stops it
 * after ~30 s idle) and is dropped with the browser session.
 */
import browser from 'webextension-polyfill';
import { TAB_STATE_KEY_PREFIX } from '../core/constants.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import type { TabState } from '../core/tab-state.ts';
import { currentState } from './settings-store.ts';

const keyOf = (tabId: number) => `${TAB_STATE_KEY_PREFIX}${tabId}`;

export async function getTabState(tabId: number): Promise<TabState | undefined> {
  const key = keyOf(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return isTabState(stored) ? stored : undefined;
}

/**
 * An update returns the next state, the same object for "no change", or undefined to remove it.
 * It gets the policy's database (the bundled one plus the organization's own services), read
 * once per batch, so that updates are queued the moment they arrive and keep their order.
 */
export type TabUpdate = (prev: TabState | undefined, db: RiskDatabase) => TabState | undefined;

export interface TabChange {
  tabId: number;
  prev: TabState | undefined;
  next: TabState | undefined;
}

type CommitListener = (change: TabChange) => void | Promise<void>;
const commitListeners: CommitListener[] = [];

/** Called once per stored change of a tab's state (the badge follows the state this way). */
export function onTabStateCommitted(listener: CommitListener): void {
  commitListeners.push(listener);
}

/**
 * Read-modify-write of one tab's state. Updates for a tab run one batch at a time (two messages
 * arriving together would otherwise both read the old value, and one update would be lost), and
 * all updates that arrive while a batch waits are applied in a single read and write: a page that
 * floods reports costs one storage write per round trip, not one per report. The batches only
 * order work within this worker's lifetime; the state itself lives in storage.
 */
const waiting = new Map<number, { updates: TabUpdate[]; result: Promise<TabChange> }>();
const chains = new Map<number, Promise<unknown>>();

export function updateTabState(tabId: number, update: TabUpdate): Promise<TabChange> {
  const queued = waiting.get(tabId);
  if (queued) {
    queued.updates.push(update);
    return queued.result;
  }
  const updates = [update];
  const result = (chains.get(tabId) ?? Promise.resolve()).then(async () => {
    waiting.delete(tabId); // updates from now on go to the next batch
    const [prev, { db }] = await Promise.all([getTabState(tabId), currentState()]);
    const next = updates.reduce<TabState | undefined>((state, apply) => apply(state, db), prev);
    if (next !== prev) {
      if (next) await browser.storage.session.set({ [keyOf(tabId)]: next });
      else if (prev) await browser.storage.session.remove(keyOf(tabId));
      const change = { tabId, prev, next };
      await Promise.all(commitListeners.map((listener) => listener(change)));
    }
    return { tabId, prev, next };
  });
  waiting.set(tabId, { updates, result });
  const tail = result.catch(() => undefined);
  chains.set(tabId, tail);
  void tail.then(() => {
    if (chains.get(tabId) === tail) chains.delete(tabId);
  });
  return result;
}

export function removeTabState(tabId: number): Promise<TabChange> {
  return updateTabState(tabId, () => undefined);
}

function isTabState(value: unknown): value is TabState {
  return typeof value === 'object' && value !== null && Array.isArray((value as TabState).findings);
}
