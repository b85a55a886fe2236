/** Keeps each tab's toolbar button in step with its stored state. */
import browser from 'webextension-polyfill';
import { badgeFor } from '../core/badge.ts';
import { currentState } from './settings-store.ts';
import { describeFindings } from '../core/facts.ts';
import { t } from '../shared/t.ts';
import type { TabChange } from './tab-store.ts';

export async function showBadge({ tabId, prev, next }: TabChange): Promise<void> {
  const { db } = await currentState();
  const view = badgeFor(describeFindings(db, next, t), t);
  // Chrome resets a tab's badge when its top document changes, so a new page always gets one;
  // otherwise the toolbar is only touched when what it shows changes.
  const newPage = next?.doc !== prev?.doc;
  const before = badgeFor(describeFindings(db, prev, t), t);
  if (!newPage && before.text === view.text && before.title === view.title && before.color === view.color) return;
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: view.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: view.color }),
      browser.action.setTitle({ tabId, title: view.title }),
    ]);
  } catch (error) {
    // The tab may have closed between the message and now; nothing to show then.
    console.debug('badge not updated for tab', tabId, error);
  }
}
