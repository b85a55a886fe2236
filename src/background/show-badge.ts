/**
 * Keeps each tab's toolbar button in step with its stored state and with what is blocked there:
 * after a block, a resume or a pause the badge changes at once (refreshBadges), not at the tab's
 * next report.
 */
import browser from 'webextension-polyfill';
import { isPaused, type Pauses } from '../core/block-actions/pause.ts';
import { tabBlockState } from '../core/block-actions/tab-blocks.ts';
import { type BadgeView, badgeFor } from '../core/badge.ts';
import { TAB_STATE_KEY_PREFIX } from '../core/constants.ts';
import { describeFindings } from '../core/facts.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { TabState } from '../core/tab-state.ts';
import { t } from '../shared/t.ts';
import { readPauses } from './pause-store.ts';
import { type BackgroundState, currentState } from './settings-store.ts';
import type { TabChange } from './tab-store.ts';

function badgeOf(state: TabState | undefined, { settings, db }: BackgroundState, pauses: Pauses, now: number): BadgeView {
  const findings = describeFindings(db, state, t);
  const site = state?.url ? httpHostOf(state.url) : undefined;
  const blocks = tabBlockState(findings, settings, db, site, isPaused(pauses, site, now));
  return badgeFor(findings, t, { blocked: blocks.blocked.map((b) => b.key), all: blocks.all || state?.blockPage === true, requests: state?.blocked ?? 0 });
}

async function setBadge(tabId: number, view: BadgeView): Promise<void> {
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

export async function showBadge({ tabId, prev, next }: TabChange): Promise<void> {
  const [state, pauses] = await Promise.all([currentState(), readPauses()]);
  const now = Date.now();
  const view = badgeOf(next, state, pauses, now);
  // Chrome resets a tab's badge when its top document changes, so a new page always gets one;
  // otherwise the toolbar is only touched when what it shows changes.
  const newPage = next?.doc !== prev?.doc || next?.documentId !== prev?.documentId;
  const before = badgeOf(prev, state, pauses, now);
  if (!newPage && before.text === view.text && before.title === view.title && before.color === view.color) return;
  await setBadge(tabId, view);
}

/** Every tab with a state again, for the settings and pauses now in force. */
export async function refreshBadges(): Promise<void> {
  const [stored, state, pauses] = await Promise.all([browser.storage.session.get(null), currentState(), readPauses()]);
  const now = Date.now();
  await Promise.all(
    Object.entries(stored)
      .filter(([key]) => key.startsWith(TAB_STATE_KEY_PREFIX))
      .map(([key, value]) => [Number(key.slice(TAB_STATE_KEY_PREFIX.length)), value as TabState] as const)
      .filter(([tabId, tab]) => Number.isSafeInteger(tabId) && tabId >= 0 && Array.isArray(tab?.findings))
      .map(([tabId, tab]) => setBadge(tabId, badgeOf(tab, state, pauses, now))),
  );
}
