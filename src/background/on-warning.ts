/**
 * The in-page warning, asked for by the top frame's content script (src/content/page-warning.ts).
 * The background decides (core/page-warning.ts) from what the browser says about the sender and
 * from the tab's stored findings: a page can only ask when, never what. A dismissal is recorded
 * for the sender's own site only, and the details open the popup view of the sender's own tab.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { MAX_DISMISSED_SITES, WARNING_DISMISSED_KEY } from '../core/constants.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { ContentToBgGetWarning, PageWarningView } from '../core/messages.ts';
import { pageWarning, withDismissed } from '../core/page-warning.ts';
import { t } from '../shared/t.ts';
import { isActiveDocument } from './sender.ts';
import { currentState } from './settings-store.ts';
import { getTabState } from './tab-store.ts';

/** The tab and host of a top-frame sender that is what its tab shows; undefined otherwise. */
function topPage(sender: Runtime.MessageSender): { tabId: number; host: string } | undefined {
  const tabId = sender.tab?.id;
  const host = sender.url === undefined ? undefined : httpHostOf(sender.url);
  if (tabId === undefined || tabId < 0 || sender.frameId !== 0 || !host || !isActiveDocument(sender)) return undefined;
  return { tabId, host };
}

async function dismissedSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(WARNING_DISMISSED_KEY))[WARNING_DISMISSED_KEY];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

export async function getWarning(message: ContentToBgGetWarning, sender: Runtime.MessageSender): Promise<PageWarningView | null> {
  const page = topPage(sender);
  if (!page) return null;
  // On opening only the page itself counts: its findings are not read (every top page asks).
  const [{ settings, db }, state, dismissed] = await Promise.all([currentState(), message.trigger === 'input' ? getTabState(page.tabId) : undefined, dismissedSites()]);
  return pageWarning({ settings, db, pageHost: page.host, trigger: message.trigger, state, dismissed }, t) ?? null;
}

export async function dismissWarning(sender: Runtime.MessageSender): Promise<{ ok: boolean }> {
  const page = topPage(sender);
  if (!page) return { ok: false };
  await browser.storage.local.set({ [WARNING_DISMISSED_KEY]: withDismissed(await dismissedSites(), page.host, MAX_DISMISSED_SITES) });
  return { ok: true };
}

/** The popup's view of the sender's tab, in a new tab next to it (popup.html?tab=<id>). */
export async function openWarningDetails(sender: Runtime.MessageSender): Promise<{ ok: boolean }> {
  const page = topPage(sender);
  if (!page) return { ok: false };
  await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?tab=${page.tabId}`), openerTabId: page.tabId, ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}) });
  return { ok: true };
}
