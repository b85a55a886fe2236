/**
 * Bounds what a page can add to the audit log. A hostile page can fire thousands of requests to
 * blocked hosts, each a browser event: identical events within a window become one entry with a
 * count, and each tab gets a limited number of new entries per clock minute. Pure: the caller
 * passes the time. The per-tab counts are what bounds the log, so the caller stores them
 * (`rates`) and gives them to the next worker (`restoreRates`): a worker stopped mid-flood does
 * not hand the page a fresh minute. The coalescing memory is not kept; a restarted worker may
 * start a new entry for a repeat, within the same cap.
 */
import { coalesceKey, type AuditEntry } from './audit-entry.ts';

/** Identical events this close together are one entry. */
export const AUDIT_COALESCE_MS = 60_000;
/** New entries per tab per minute; the rest are counted as dropped. */
export const AUDIT_MAX_PER_MINUTE_PER_TAB = 60;
const MINUTE = 60_000;
/** Keys remembered at most (old ones are forgotten first), so memory stays bounded too. */
const MAX_KEYS = 2_000;

/**
 * `add`: store a new entry, then tell the throttle its ID (`stored`); `coalesced`: counted into
 * an entry already stored (write the counts from `takeCounts` soon); `drop`: over the tab's cap.
 */
export type ThrottleVerdict = 'add' | 'coalesced' | 'drop';

interface Recent {
  id: number | undefined;
  since: number;
  count: number;
}

export class AuditThrottle {
  private readonly recent = new Map<string, Recent>();
  private readonly dirty = new Set<string>();
  private readonly perTab = new Map<number, { minute: number; added: number }>();
  /** Events dropped by the per-tab cap, since the worker started. */
  dropped = 0;

  /** What to do with a new event from tab `tabId` (-1 when there is none). */
  offer(tabId: number, entry: Omit<AuditEntry, 'id' | 'count'>, now: number): ThrottleVerdict {
    const key = `${tabId}|${coalesceKey(entry)}`;
    const last = this.recent.get(key);
    if (last && now - last.since < AUDIT_COALESCE_MS) {
      last.count += 1;
      this.dirty.add(key);
      return 'coalesced';
    }
    const minute = Math.floor(now / MINUTE);
    const tab = this.perTab.get(tabId);
    const added = tab && tab.minute === minute ? tab.added : 0;
    if (added >= AUDIT_MAX_PER_MINUTE_PER_TAB) {
      this.dropped += 1;
      return 'drop';
    }
    this.perTab.set(tabId, { minute, added: added + 1 });
    this.recent.delete(key);
    this.recent.set(key, { id: undefined, since: now, count: 1 });
    if (this.recent.size > MAX_KEYS) {
      const oldest = this.recent.keys().next().value!;
      this.recent.delete(oldest);
      this.dirty.delete(oldest);
    }
    return 'add';
  }

  /** The stored ID of the entry just added for this event, so later repeats raise its count. */
  stored(tabId: number, entry: Omit<AuditEntry, 'id' | 'count'>, id: number): void {
    const last = this.recent.get(`${tabId}|${coalesceKey(entry)}`);
    if (last) last.id = id;
  }

  /** The entry for this event could not be stored: its repeats are not counted into it. */
  failed(tabId: number, entry: Omit<AuditEntry, 'id' | 'count'>): void {
    const key = `${tabId}|${coalesceKey(entry)}`;
    this.recent.delete(key);
    this.dirty.delete(key);
  }

  /** Counts to write: stored entries that repeats have raised since the last call. */
  takeCounts(): { id: number; count: number }[] {
    const out: { id: number; count: number }[] = [];
    for (const key of this.dirty) {
      const recent = this.recent.get(key);
      // Not stored yet: its count is written on a later call.
      if (recent?.id === undefined) continue;
      out.push({ id: recent.id, count: recent.count });
      this.dirty.delete(key);
    }
    return out;
  }

  /** Whether counts wait for their entry's ID. */
  get pending(): boolean {
    return this.dirty.size > 0;
  }

  forgetTab(tabId: number): void {
    this.perTab.delete(tabId);
  }

  /** The per-tab counts of the minute of `now`, to store (older minutes no longer bound anything). */
  rates(now: number): Record<string, number> {
    const minute = Math.floor(now / MINUTE);
    const out: Record<string, number> = { minute };
    for (const [tabId, tab] of this.perTab) {
      if (tab.minute === minute) out[tabId] = tab.added;
      else this.perTab.delete(tabId);
    }
    return out;
  }

  /** Counts stored by an earlier worker: kept if they are of the minute of `now`; anything malformed is ignored. */
  restoreRates(stored: unknown, now: number): void {
    if (!stored || typeof stored !== 'object') return;
    const minute = Math.floor(now / MINUTE);
    const record = stored as Record<string, unknown>;
    if (record.minute !== minute) return;
    for (const [key, added] of Object.entries(record)) {
      const tabId = Number(key);
      if (key === 'minute' || !Number.isInteger(tabId) || typeof added !== 'number' || !Number.isInteger(added) || added < 0) continue;
      const current = this.perTab.get(tabId);
      const mine = current?.minute === minute ? current.added : 0;
      this.perTab.set(tabId, { minute, added: Math.min(AUDIT_MAX_PER_MINUTE_PER_TAB, Math.max(mine, added)) });
    }
  }
}
