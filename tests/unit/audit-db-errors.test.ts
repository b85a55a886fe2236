/**
 * A failed audit write (a full disk is a QuotaExceededError) must reach the user: audit-db.ts
 * stores it in storage.local, where the options page reads it, and still rejects so the writer
 * knows. IndexedDB is replaced by an `idb` whose open fails the way a full profile does.
 */
import { describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';

vi.mock('idb', () => ({
  openDB: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
}));

const { addAuditEntry, AUDIT_ERROR_KEY, dismissAuditError, lastAuditError, readAuditEntries } = await import('../../src/shared/audit-db.ts');

describe('audit storage errors', () => {
  it('records a QuotaExceededError on write for the options page, and rejects', async () => {
    const entry = { time: 1, type: 'finding' as const, site: 'a.example', host: 'api.mistral.ai', kind: 'request', count: 1 };
    await expect(addAuditEntry(entry)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await lastAuditError()).toMatchObject({ name: 'QuotaExceededError', message: 'The quota has been exceeded.', during: 'write' });
    await dismissAuditError();
    expect((await browser.storage.local.get(AUDIT_ERROR_KEY))[AUDIT_ERROR_KEY]).toBeUndefined();
  });

  it('records a failed read too', async () => {
    await expect(readAuditEntries()).rejects.toBeInstanceOf(DOMException);
    expect(await lastAuditError()).toMatchObject({ name: 'QuotaExceededError', during: 'read' });
  });
});
