/**
 * Content-script reports about a frame's document: it started (record it, update the badge) or
 * the top one went away (forget it, so the popup never shows a previous page's findings).
 */
import type { Runtime } from 'webextension-polyfill';
import { findingFacts } from '../core/assess.ts';
import { database, hostIndex } from '../core/database.ts';
import { lookupHost } from '../core/host-index.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { ContentToBgPageLeft, ContentToBgPageSeen } from '../core/messages.ts';
import { applyPageLeft, applyPageSeen } from '../core/tab-state.ts';
import { showBadge } from './show-badge.ts';
import { updateTabState } from './tab-store.ts';

export async function onPageSeen(message: ContentToBgPageSeen, sender: Runtime.MessageSender): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false };
  // The browser's own record of the frame URL wins over what the message says.
  const url = sender.url ?? message.url;
  const host = httpHostOf(url);
  if (!host) return { ok: false };
  const match = lookupHost(hostIndex, host);
  const facts = match && findingFacts(match, database.jurisdictions);
  const seen = { tabId, frameId: sender.frameId ?? 0, url, host, doc: message.doc, now: Date.now() };
  const state = await updateTabState(tabId, (prev) => applyPageSeen(prev, seen, facts));
  await showBadge(tabId, state);
  return { ok: true };
}

export async function onPageLeft(message: ContentToBgPageLeft, sender: Runtime.MessageSender): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false };
  // No frameId check: once the next document has committed, Chrome reports the leaving main
  // frame with a new frameId (documentLifecycle "pending_deletion"). Matching the top
  // document's random ID is what limits this to the tab's own page.
  const state = await updateTabState(tabId, (prev) => applyPageLeft(prev, message.doc));
  await showBadge(tabId, state);
  return { ok: true };
}
