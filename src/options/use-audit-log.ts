/**
 * The audit log for the options page, read straight from IndexedDB (src/shared/audit-db.ts) and
 * re-read when the background marks it changed (at most once a second), and the last storage
 * error and the events left out that the background recorded.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AuditEntry } from '../core/audit/audit-entry.ts';
import {
  AUDIT_DROPPED_KEY,
  AUDIT_ERROR_KEY,
  AUDIT_REVISION_KEY,
  type AuditDropped,
  auditTally,
  AUDIT_TRIMMED_KEY,
  type AuditStorageError,
  clearAuditLog,
  dismissAuditTally,
  dismissAuditError,
  lastAuditError,
  readAuditEntries,
} from '../shared/audit-db.ts';

/** Re-reads at most this often while entries keep coming. */
const RELOAD_DELAY_MS = 1_000;
/** A slow re-read as well, in case a change mark was missed. */
const FALLBACK_MS = 60_000;

export interface AuditLog {
  entries: AuditEntry[] | null;
  readError: string | null;
  storageError: AuditStorageError | null;
  /** Events left out because a page sent too many. */
  dropped: AuditDropped | null;
  /** Oldest entries deleted because the log was full (AUDIT_MAX_ENTRIES). */
  trimmed: AuditDropped | null;
  reload(): Promise<void>;
  clear(): Promise<void>;
  dismissError(): Promise<void>;
  dismissDropped(): Promise<void>;
  dismissTrimmed(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error));

export function useAuditLog(): AuditLog {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [storageError, setStorageError] = useState<AuditStorageError | null>(null);
  const [dropped, setDropped] = useState<AuditDropped | null>(null);
  const [trimmed, setTrimmed] = useState<AuditDropped | null>(null);
  const reload = useCallback(async () => {
    try {
      setEntries(await readAuditEntries());
      setReadError(null);
    } catch (error) {
      setReadError(messageOf(error));
    }
    setStorageError((await lastAuditError().catch(() => undefined)) ?? null);
    setDropped((await auditTally(AUDIT_DROPPED_KEY).catch(() => undefined)) ?? null);
    setTrimmed((await auditTally(AUDIT_TRIMMED_KEY).catch(() => undefined)) ?? null);
  }, []);
  useEffect(() => {
    void reload();
    let pending: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        void reload();
      }, RELOAD_DELAY_MS);
    };
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, FALLBACK_MS);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && AUDIT_REVISION_KEY in changes) soon();
      if (area === 'local' && (AUDIT_ERROR_KEY in changes || AUDIT_DROPPED_KEY in changes || AUDIT_TRIMMED_KEY in changes)) soon();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearTimeout(pending);
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
  const dismissDropped = useCallback(async () => {
    await dismissAuditTally(AUDIT_DROPPED_KEY);
    setDropped(null);
  }, []);
  const dismissTrimmed = useCallback(async () => {
    await dismissAuditTally(AUDIT_TRIMMED_KEY);
    setTrimmed(null);
  }, []);
  return { entries, readError, storageError, dropped, trimmed, reload, clear, dismissError, dismissDropped, dismissTrimmed };
}
