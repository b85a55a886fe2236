/**
 * Background service worker. Listeners are registered synchronously at the top level, as MV3
 * requires for events that wake a stopped worker; no state is kept in module variables beyond
 * one worker lifetime (see tab-store.ts).
 */
import browser from 'webextension-polyfill';
import { observeNetwork } from './observe-network.ts';
import { onMessage } from './on-message.ts';
import { watchNavigation } from './on-navigation.ts';
import { showBadge } from './show-badge.ts';
import { onTabStateCommitted, removeTabState } from './tab-store.ts';

onTabStateCommitted(showBadge);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => onMessage(message, sender));

observeNetwork();
watchNavigation();

browser.tabs.onRemoved.addListener((tabId: number) => {
  void removeTabState(tabId);
});
