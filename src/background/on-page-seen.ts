/** A content script reported that a frame's document started: record it and update the badge. */
import type { Runtime } from 'webextension-polyfill';
import { findingFacts } from '../core/assess.ts';
import { database, hostIndex } from '../core/database.ts';
import { lookupHost } from '../core/host-index.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { ContentToBgPageSeen } from '../core/messages.ts';
import { applyPageSeen } from '../core/tab-state.ts';
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
  const frameId = sender.frameId ?? 0;
  const state = await updateTabState(tabId, (prev) => applyPageSeen(prev, { tabId, frameId, url, host, now: Date.now() }, facts));
  await showBadge(tabId, state);
  return { ok: true };
}
