/** Loads the state of the tab the popup is about, and follows it while the popup is open. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { TAB_STATE_KEY_PREFIX } from '../core/constants.ts';
import { tabIdFromSearch } from '../core/tab-param.ts';
import type { TabState } from '../core/tab-state.ts';
import { sendMessage } from '../shared/send-message.ts';

export type TabView =
  | { status: 'loading' }
  | { status: 'no-tab' }
  /** Nothing checked: a page extensions may not run on, or one opened before the install. */
  | { status: 'unavailable'; tabId: number }
  | { status: 'ready'; tabId: number; state: TabState };

async function resolveTabId(): Promise<number | undefined> {
  const fromUrl = tabIdFromSearch(location.search);
  if (fromUrl !== undefined) return fromUrl;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

async function load(tabId: number): Promise<TabView> {
  const state = await sendMessage({ type: 'ui-to-bg/get-tab-state', tabId });
  // No state: no content script reported this page, or it left. Without the "tabs" permission
  // the tab's URL is not visible, and none is needed: either way nothing was checked here.
  return state ? { status: 'ready', tabId, state } : { status: 'unavailable', tabId };
}

export function useTabView(): TabView {
  const [view, setView] = useState<TabView>({ status: 'loading' });
  useEffect(() => {
    let tabId: number | undefined;
    const refresh = () => tabId !== undefined && load(tabId).then(setView, () => setView({ status: 'no-tab' }));
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && tabId !== undefined && `${TAB_STATE_KEY_PREFIX}${tabId}` in changes) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    resolveTabId().then(
      (id) => {
        tabId = id;
        if (id === undefined) setView({ status: 'no-tab' });
        else void refresh();
      },
      () => setView({ status: 'no-tab' }),
    );
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return view;
}
