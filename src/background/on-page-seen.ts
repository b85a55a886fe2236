/**
 * Content-script reports about a frame's document: it started (record it if it is an AI
 * product) or it went away (forget what it alone established, so the popup never shows a
 * previous page's findings). The page's URL is the browser's record (`sender.url`), never a
 * value from the message.
 */
import type { Runtime } from 'webextension-polyfill';
import { MAX_URL_LENGTH } from '../core/constants.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { ContentToBgPageLeft, ContentToBgPageSeen } from '../core/messages.ts';
import { applyPageLeft, applyPageSeen, pageUrlOf } from '../core/tab-state.ts';
import { documentIdOf, isActiveDocument } from './sender.ts';
import { updateTabState } from './tab-store.ts';

type Result = { ok: boolean };

export async function onPageSeen(message: ContentToBgPageSeen, sender: Runtime.MessageSender): Promise<Result> {
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (tabId === undefined || tabId < 0 || url === undefined || url.length > MAX_URL_LENGTH) return { ok: false };
  // A prerendering, cached or unloading document is not what the tab shows.
  if (!isActiveDocument(sender)) return { ok: false };
  const host = httpHostOf(url);
  const pageUrl = pageUrlOf(url);
  if (!host || !pageUrl) return { ok: false };
  const documentId = documentIdOf(sender);
  const seen = { tabId, frameId: sender.frameId ?? 0, url: pageUrl, host, doc: message.doc, ...(documentId ? { documentId } : {}), now: Date.now() };
  await updateTabState(tabId, (prev, db) => {
    const match = db.lookupHost(host);
    const ref = match && { providerId: match.provider.id, productId: match.product.id, role: match.host.role };
    return applyPageSeen(prev, seen, ref) ?? prev;
  });
  return { ok: true };
}

export async function onPageLeft(message: ContentToBgPageLeft, sender: Runtime.MessageSender): Promise<Result> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false };
  // No frameId or lifecycle check: once the next document has committed, Chrome reports the
  // leaving main frame with a new frameId and documentLifecycle "pending_deletion". Matching
  // the document's random ID is what limits the effect to that document's own findings.
  await updateTabState(tabId, (prev) => applyPageLeft(prev, message.doc));
  return { ok: true };
}
