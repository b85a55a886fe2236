/**
 * The audit log for the options page, read straight from IndexedDB (src/shared/audit-db.ts),
 * re-read every few seconds while the page is visible so new entries show up, and the last
 * storage error the background recorded.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AuditEntry } from '../core/audit-entry.ts';
import { AUDIT_ERROR_KEY, type AuditStorageError, clearAuditLog, dismissAuditError, lastAuditError, readAuditEntries } from '../shared/audit-db.ts';

const REFRESH_MS = 5_000;

export interface AuditLog {
  entries: AuditEntry[] | null;
  readError: string | null;
  storageError: AuditStorageError | null;
  reload(): Promise<void>;
  clear(): Promise<void>;
  dismissError(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error));

export function useAuditLog(): AuditLog {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [storageError, setStorageError] = useState<AuditStorageError | null>(null);
  const reload = useCallback(async () => {
    try {
      setEntries(await readAuditEntries());
      setReadError(null);
    } catch (error) {
      setReadError(messageOf(error));
    }
    setStorageError((await lastAuditError().catch(() => undefined)) ?? null);
  }, []);
  useEffect(() => {
    void reload();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, REFRESH_MS);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && AUDIT_ERROR_KEY in changes) void reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearInterval(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [reload]);
  const clear = useCallback(async () => {
    try {
      await clearAuditLog();
    } catch (error) {
      setReadError(messageOf(error));
    }
    await reload();
  }, [reload]);
  const dismissError = useCallback(async () => {
    await dismissAuditError();
    setStorageError(null);
  }, []);
  return { entries, readError, storageError, reload, clear, dismissError };
}
