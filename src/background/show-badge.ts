/** Applies the badge view of a tab's state to the toolbar button of that tab. */
import browser from 'webextension-polyfill';
import { badgeFor } from '../core/badge.ts';
import type { TabState } from '../core/tab-state.ts';

export async function showBadge(tabId: number, state: TabState | undefined): Promise<void> {
  const { text, color, title } = badgeFor(state);
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color }),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch (error) {
    // The tab may have closed between the message and now; nothing to show then.
    console.debug('badge not updated for tab', tabId, error);
  }
}
