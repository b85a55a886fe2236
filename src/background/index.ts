/**
 * Background service worker. Listeners are registered synchronously at the top level, as MV3
 * requires for events that wake a stopped worker; no state is kept in module variables beyond
 * one worker lifetime (see tab-store.ts, settings-store.ts).
 */
import browser from 'webextension-polyfill';
import { applyRules } from './apply-rules.ts';
import { openFirstRun } from './first-run.ts';
import { watchAudit } from './audit-watch.ts';
import { observeNetwork } from './observe-network.ts';
import { onMessage } from './on-message.ts';
import { warningChanged } from './on-warning.ts';
import { watchNavigation } from './on-navigation.ts';
import { watchPauses } from './pause-site.ts';
import { watchExceptionEnds } from './exception-expiry.ts';
import { watchJustified } from './justify-site.ts';
import { exposeReportingBench } from './reporting/reporting-bench.ts';
import { syncReporting, watchReporting } from './reporting/report-sink.ts';

declare const __AJG_BENCH__: boolean;
import { invalidateState, refreshPolicy } from './settings-store.ts';
import { showBadge } from './show-badge.ts';
import { onTabStateCommitted, removeTabState } from './tab-store.ts';

onTabStateCommitted(showBadge);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => onMessage(message, sender));

observeNetwork();
watchNavigation();
watchAudit();
watchPauses();
watchReporting();
watchExceptionEnds();
watchJustified();
if (typeof __AJG_BENCH__ !== 'undefined' && __AJG_BENCH__) exposeReportingBench();

browser.tabs.onRemoved.addListener((tabId: number) => {
  void removeTabState(tabId);
});

/**
 * Rules first from what is stored (the cached policy), then again once the managed policy has
 * been read: Chrome can take seconds to deliver it, and protection must not wait for it.
 */
async function protect(reason: string): Promise<void> {
  try {
    await applyRules(reason);
    if (await refreshPolicy()) await applyRules(`${reason}, policy read`);
  } catch (error) {
    console.error('block rules could not be brought up to date:', error);
  }
  await syncReporting().catch((error: unknown) => console.error('reporting could not be brought up to date:', error));
}

// Install and update (a new database), browser start-up, and every start of this worker.
browser.runtime.onInstalled.addListener(() => void protect('installed or updated'));
// Its own listener: the first-run page waits for the policy, protection does not.
browser.runtime.onInstalled.addListener(({ reason }: browser.Runtime.OnInstalledDetailsType) => void openFirstRun(reason));
browser.runtime.onStartup.addListener(() => void protect('browser start-up'));
void protect('worker start');
// Strict network mode turns prediction off once the optional `privacy` permission is granted
// (options page), and gives the setting back when it is withdrawn (network-prediction.ts).
browser.permissions.onAdded.addListener(() => void applyRules('permission granted'));
browser.permissions.onRemoved.addListener(() => void applyRules('permission withdrawn'));

// Chrome and Edge deliver policy changes live; Firefox reads policies.json at start-up only.
browser.storage.onChanged.addListener((_changes: Record<string, unknown>, area: string) => {
  if (area === 'managed') void refreshPolicy().then(() => applyRules('policy changed')).then(warningChanged).then(syncReporting).catch((error: unknown) => console.error('policy change not applied in full:', error));
  else if (area === 'local') invalidateState();
});
