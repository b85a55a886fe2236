/**
 * The audit log in IndexedDB, shared by the service worker (which writes it) and the options page
 * (which reads, exports and clears it). Both run on the extension's origin and so open the same
 * database; the page reads it directly instead of through messages, so a large log is not copied
 * through runtime messaging and the page works while the worker sleeps.
 *
 * IndexedDB lives in the browser profile and survives restarts. A failed write (a full disk is a
 * QuotaExceededError) is kept in storage.local under AUDIT_ERROR_KEY for the options page to
 * show: nothing is lost without the user being told.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import browser from 'webextension-polyfill';
import type { AuditEntry } from '../core/audit/audit-entry.ts';

export const AUDIT_DB_NAME = 'audit-log';
export const AUDIT_ERROR_KEY = 'audit:last-error';
/**
 * storage.session key the writer sets after each change of the log, so that an open options page
 * re-reads it when it changed instead of reading everything on a timer (20,000 entries take about
 * half a second to read).
 */
export const AUDIT_REVISION_KEY = 'audit:revision';

export function markAuditChanged(): Promise<void> {
  return browser.storage.session.set({ [AUDIT_REVISION_KEY]: Date.now() });
}

/** Events left out because a tab exceeded its rate (audit-throttle.ts), so that the user is told. */
export const AUDIT_DROPPED_KEY = 'audit:dropped';
/** Oldest entries deleted because the log reached AUDIT_MAX_ENTRIES, so that the user is told. */
export const AUDIT_TRIMMED_KEY = 'audit:trimmed';

/** A running count of entries lost for one reason (`audit:dropped`, `audit:trimmed`). */
export interface AuditDropped {
  count: number;
  /** Epoch ms of the last one. */
  lastAt: number;
}

interface AuditSchema extends DBSchema {
  entries: { key: number; value: AuditEntry; indexes: { time: number } };
}

/** The last storage error, as the options page shows it. */
export interface AuditStorageError {
  name: string;
  message: string;
  at: number;
  /** What was being done: "write", "delete", "read". */
  during: string;
}

let opening: Promise<IDBPDatabase<AuditSchema>> | undefined;

function db(): Promise<IDBPDatabase<AuditSchema>> {
  opening ??= openDB<AuditSchema>(AUDIT_DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore('entries', { keyPath: 'id', autoIncrement: true });
      store.createIndex('time', 'time');
    },
    // Another context upgraded or deleted the database: reopen next time.
    terminated: () => (opening = undefined),
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Records `error` for the options page, then rethrows it. */
async function reported<T>(during: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error instanceof Error || error instanceof DOMException ? error : new Error(String(error));
    const record: AuditStorageError = { name: e.name, message: e.message, at: Date.now(), during };
    await browser.storage.local.set({ [AUDIT_ERROR_KEY]: record }).catch((stored: unknown) => console.error('audit error not recorded', stored));
    throw error;
  }
}

export function addAuditEntry(entry: AuditEntry): Promise<number> {
  return reported('write', async () => (await db()).add('entries', entry));
}

/** Raises the counts of stored entries (repeats coalesced into them). */
export function setAuditCounts(counts: readonly { id: number; count: number }[]): Promise<void> {
  return reported('write', async () => {
    const tx = (await db()).transaction('entries', 'readwrite');
    for (const { id, count } of counts) {
      const entry = await tx.store.get(id);
      if (entry && entry.count < count) await tx.store.put({ ...entry, count });
    }
    await tx.done;
  });
}

/** Every entry, oldest first. */
export function readAuditEntries(): Promise<AuditEntry[]> {
  return reported('read', async () => (await db()).getAllFromIndex('entries', 'time'));
}

/** Deletes entries from before `cutoff` (epoch ms); returns how many. */
export function deleteAuditBefore(cutoff: number): Promise<number> {
  return reported('delete', async () => {
    const tx = (await db()).transaction('entries', 'readwrite');
    let deleted = 0;
    for (let cursor = await tx.store.index('time').openCursor(IDBKeyRange.upperBound(cutoff, true)); cursor; cursor = await cursor.continue()) {
      await cursor.delete();
      deleted++;
    }
    await tx.done;
    return deleted;
  });
}

/** Deletes the oldest entries past the newest `keep`; returns how many. */
export function deleteAuditOldest(keep: number): Promise<number> {
  return reported('delete', async () => {
    const tx = (await db()).transaction('entries', 'readwrite');
    let excess = (await tx.store.count()) - keep;
    let deleted = 0;
    for (let cursor = excess > 0 ? await tx.store.index('time').openCursor() : null; cursor && excess > 0; cursor = await cursor.continue(), excess--) {
      await cursor.delete();
      deleted++;
    }
    await tx.done;
    return deleted;
  });
}

export function clearAuditLog(): Promise<void> {
  return reported('delete', async () => (await db()).clear('entries'));
}

export async function lastAuditError(): Promise<AuditStorageError | undefined> {
  return (await browser.storage.local.get(AUDIT_ERROR_KEY))[AUDIT_ERROR_KEY] as AuditStorageError | undefined;
}

export function dismissAuditError(): Promise<void> {
  return browser.storage.local.remove(AUDIT_ERROR_KEY);
}

type TallyKey = typeof AUDIT_DROPPED_KEY | typeof AUDIT_TRIMMED_KEY;

/** Adds `count` entries lost at `at` to the stored total under `key`. */
export async function addAuditTally(key: TallyKey, count: number, at: number): Promise<void> {
  const stored = (await browser.storage.local.get(key))[key] as AuditDropped | undefined;
  const next: AuditDropped = { count: (stored?.count ?? 0) + count, lastAt: at };
  await browser.storage.local.set({ [key]: next });
}

export async function auditTally(key: TallyKey): Promise<AuditDropped | undefined> {
  return (await browser.storage.local.get(key))[key] as AuditDropped | undefined;
}

export function dismissAuditTally(key: TallyKey): Promise<void> {
  return browser.storage.local.remove(key);
}
