/**
 * A top-level navigation to another document starts the tab's state over. The browser's commit
 * event arrives before the new page's requests, so those are kept for it; the new page's own
 * report (on-page-seen.ts) names the same document (Chrome's documentId) and keeps them too.
 * Same-document navigations (fragment, history.pushState) do not commit and keep the state.
 */
import browser, { type WebNavigation } from 'webextension-polyfill';
import { applyTopDocument, pageUrlOf } from '../core/tab-state.ts';
import { updateTabState } from './tab-store.ts';

type Details = WebNavigation.OnCommittedDetailsType & { documentId?: string; documentLifecycle?: string };

export function onCommitted(details: Details): void {
  if (details.frameId !== 0 || details.tabId < 0) return;
  if (details.documentLifecycle !== undefined && details.documentLifecycle !== 'active') return;
  const url = pageUrlOf(details.url);
  const http = url !== undefined && /^https?:/.test(url);
  // Without a document ID (Firefox) the page's own report is what starts the new state.
  if (http && details.documentId === undefined) return;
  const { tabId, documentId } = details;
  void updateTabState(tabId, (prev) => (http ? applyTopDocument(prev, { tabId, url, ...(documentId ? { documentId } : {}) }) : undefined));
}

export function watchNavigation(): void {
  browser.webNavigation?.onCommitted.addListener(onCommitted);
}
