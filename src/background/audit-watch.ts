/** Starts the audit log: finding and block entries, and old entries deleted at each worker start. */
import { auditNewFindings } from './audit-findings.ts';
import { watchBlocks } from './audit-blocks.ts';
import { forgetAuditTab, pruneAudit } from './audit-log.ts';
import { onTabStateCommitted } from './tab-store.ts';
import browser from 'webextension-polyfill';

export function watchAudit(): void {
  // Not awaited: the tab's state is stored and its badge shown without waiting for the log.
  onTabStateCommitted((change) => {
    void auditNewFindings(change).catch((error: unknown) => console.error('findings not recorded:', error));
  });
  watchBlocks();
  browser.tabs.onRemoved.addListener((tabId: number) => forgetAuditTab(tabId));
  void pruneAudit();
}
