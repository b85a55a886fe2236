/** Starts the audit log: finding and block entries, and old entries deleted at each worker start. */
import { auditNewFindings } from './audit-findings.ts';
import { watchBlocks } from './audit-blocks.ts';
import { forgetAuditTab, pruneAudit } from './audit-log.ts';
import { onTabStateCommitted } from './tab-store.ts';
import browser from 'webextension-polyfill';

export function watchAudit(): void {
  // Not awaited: the tab's state is stored and its badge shown without waiting for the log. One
  // tab's changes are still handled one after another, in order, since each reads and writes what
  // the visit has recorded.
  const chains = new Map<number, Promise<void>>();
  onTabStateCommitted((change) => {
    const run = (chains.get(change.tabId) ?? Promise.resolve())
      .then(() => auditNewFindings(change))
      .catch((error: unknown) => console.error('findings not recorded:', error));
    chains.set(change.tabId, run);
    void run.then(() => {
      if (chains.get(change.tabId) === run) chains.delete(change.tabId);
    });
  });
  watchBlocks();
  browser.tabs.onRemoved.addListener((tabId: number) => forgetAuditTab(tabId));
  void pruneAudit();
}
