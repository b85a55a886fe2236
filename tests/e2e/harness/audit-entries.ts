/** The audit log as the extension stored it, read from its IndexedDB on an extension page, oldest first. */
import type { Page } from 'playwright-core';
import type { AuditEntry } from '../../../src/core/audit/audit-entry.ts';

export async function storedEntries(page: Page): Promise<AuditEntry[]> {
  return page.evaluate(
    () =>
      new Promise<AuditEntry[]>((resolve, reject) => {
        const open = indexedDB.open('audit-log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('entries').objectStore('entries').index('time').getAll();
          req.onsuccess = () => (resolve(req.result as AuditEntry[]), open.result.close());
          req.onerror = () => reject(req.error);
        };
      }),
  );
}
