/**
 * A top-level navigation to another document starts the tab's state over. The browser's commit
 * event arrives before the new page's requests, so those are kept for it; the new page's own
 * report (on-page-seen.ts) names the same document (Chrome's documentId) and keeps them too.
 * Same-document navigations (fragment, history.pushState) do not commit and keep the state.
 */
import browser, { type WebNavigation } from 'webextension-polyfill';
import { httpHostOf } from '../core/hostname.ts';
import { applyBlockPage, applyTopDocument, pageUrlOf } from '../core/tab-state.ts';
import { isBlockPageUrl } from './block-page-url.ts';
import { updateTabState } from './tab-store.ts';

type Details = WebNavigation.OnCommittedDetailsType & { documentId?: string; documentLifecycle?: string };

export function onCommitted(details: Details): void {
  if (details.frameId !== 0 || details.tabId < 0) return;
  if (details.documentLifecycle !== undefined && details.documentLifecycle !== 'active') return;
  if (isBlockPageUrl(details.url)) return onBlockPage(details);
  const url = pageUrlOf(details.url);
  const http = url !== undefined && /^https?:/.test(url);
  // Without a document ID (Firefox) the page's own report is what starts the new state.
  if (http && details.documentId === undefined) return;
  const { tabId, documentId } = details;
  void updateTabState(tabId, (prev) => (http ? applyTopDocument(prev, { tabId, url, ...(documentId ? { documentId } : {}) }) : undefined));
}

/**
 * The block page replaced a blocked navigation (its address carries the blocked URL after `#`):
 * the tab's state becomes the blocked page's, so the badge and popup say what is blocked there
 * instead of going blank. Read from the browser's record of the tab, never from a page.
 */
function onBlockPage(details: Details): void {
  const hash = details.url.indexOf('#');
  const blocked = hash < 0 ? undefined : details.url.slice(hash + 1);
  const url = blocked === undefined ? undefined : pageUrlOf(blocked);
  const host = url === undefined ? undefined : httpHostOf(url);
  const { tabId, documentId } = details;
  void updateTabState(tabId, (_prev, db) => {
    if (!url || !host) return undefined;
    const match = db.lookupHost(host);
    const ref = match && { providerId: match.provider.id, productId: match.product.id, role: match.host.role };
    return applyBlockPage({ tabId, url, host, ...(documentId ? { documentId } : {}) }, ref, Date.now());
  });
}

export function watchNavigation(): void {
  browser.webNavigation?.onCommitted.addListener(onCommitted);
}
