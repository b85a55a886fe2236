/**
 * The same view runs in two places: the toolbar popup, and a full tab (`popup.html?tab=<id>`,
 * which the in-page warning's "Details" opens and support staff use). The popup is a fixed
 * 400 px panel; in a tab it is laid out as a page (centred column, page heading). The mode is
 * set on <html data-view> so the stylesheet alone decides the layout.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { tabIdFromSearch } from '../core/tab-param.ts';

export type ViewMode = 'popup' | 'page';

let mode: ViewMode = 'popup';
const listeners = new Set<(m: ViewMode) => void>();

function apply(next: ViewMode): void {
  mode = next;
  document.documentElement.dataset.view = next;
  for (const listener of listeners) listener(next);
}

/**
 * Sets the mode before the first render, so neither view flashes in the other's layout: a
 * `?tab=` address is a tab (the toolbar popup never has one). Then asks the browser, which
 * knows for sure: `tabs.getCurrent()` gives no tab in the toolbar popup (Chrome and Firefox),
 * and the page's own tab when it is open in one, with or without the parameter.
 */
export function detectViewMode(): void {
  apply(tabIdFromSearch(location.search) === undefined ? 'popup' : 'page');
  browser.tabs.getCurrent().then(
    (tab) => {
      const actual: ViewMode = tab ? 'page' : 'popup';
      if (actual !== mode) apply(actual);
    },
    () => undefined, // keep the first guess
  );
}

export function useViewMode(): ViewMode {
  const [current, setCurrent] = useState(mode);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(mode);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
