/**
 * Writes the audit log: each event goes through the throttle (repeats coalesced, a cap per tab
 * and minute), and old entries are deleted at start-up and every so often as entries are written.
 * Errors are recorded for the options page by audit-db.ts; here they are only logged.
 */
import browser from 'webextension-polyfill';
import { type AuditEntry, retentionCutoff } from '../core/audit/audit-entry.ts';
import { AuditThrottle } from '../core/audit/audit-throttle.ts';
import { AUDIT_MAX_ENTRIES } from '../core/constants.ts';
import { addAuditEntry, addAuditTally, AUDIT_DROPPED_KEY, AUDIT_TRIMMED_KEY, deleteAuditBefore, deleteAuditOldest, markAuditChanged, setAuditCounts } from '../shared/audit-db.ts';
import { reportAudit } from './reporting/report-sink.ts';
import { currentState } from './settings-store.ts';

/** Counts of coalesced repeats are written this long after the first repeat (one write per burst). */
const COUNT_FLUSH_MS = 1_000;
/** Events left out are added to the stored total at most this often (one storage write per burst). */
const DROPPED_FLUSH_MS = 2_000;
/** Old entries are deleted at most this often while entries are written. */
const PRUNE_EVERY_MS = 10 * 60_000;

/** storage.session: the throttle's per-tab counts of the current minute (AuditThrottle.rates). */
const RATE_KEY = 'audit:rate';

const throttle = new AuditThrottle();
let restored: Promise<void> | undefined;
let rateWrite: Promise<void> | undefined;
let rateDirty: number | undefined;
let flushTimer: ReturnType<typeof setTimeout> | undefined;
let lastPrune = 0;
let dropped = { count: 0, lastAt: 0 };
let droppedTimer: ReturnType<typeof setTimeout> | undefined;

export type AuditEvent = Omit<AuditEntry, 'id' | 'count'>;

export async function recordAudit(tabId: number, event: AuditEvent): Promise<void> {
  await (restored ??= restoreRates());
  const verdict = throttle.offer(tabId, event, event.time);
  if (verdict === 'drop') return noteDropped(event.time);
  if (verdict === 'coalesced') return scheduleFlush();
  saveRates(event.time);
  try {
    const id = await addAuditEntry({ ...event, count: 1 });
    throttle.stored(tabId, event, id);
    void reportAudit({ ...event, count: 1 }).catch((error: unknown) => console.error('reporting: audit event not queued:', error));
    changed();
    if (throttle.pending) scheduleFlush();
  } catch (error) {
    throttle.failed(tabId, event);
    console.error('audit entry not stored:', error);
  }
  if (event.time - lastPrune > PRUNE_EVERY_MS) void pruneAudit(event.time);
}

/** The counts an earlier worker stored, once per worker (a failed read leaves the cap to this worker alone). */
async function restoreRates(): Promise<void> {
  try {
    const stored = await browser.storage.session.get(RATE_KEY);
    throttle.restoreRates(stored[RATE_KEY], Date.now());
  } catch (error) {
    console.debug('audit rates not read', error);
  }
}

/** Stores the per-tab counts after each new entry: at most one write in flight, the last one wins. */
function saveRates(now: number): void {
  rateDirty = now;
  rateWrite ??= (async () => {
    while (rateDirty !== undefined) {
      const at = rateDirty;
      rateDirty = undefined;
      await browser.storage.session.set({ [RATE_KEY]: throttle.rates(at) }).catch((error: unknown) => console.debug('audit rates not stored', error));
    }
    rateWrite = undefined;
  })();
}

function scheduleFlush(): void {
  flushTimer ??= setTimeout(() => {
    flushTimer = undefined;
    const counts = throttle.takeCounts();
    if (counts.length) setAuditCounts(counts).then(changed, (error: unknown) => console.error('audit counts not stored:', error));
    if (throttle.pending) scheduleFlush();
  }, COUNT_FLUSH_MS);
}

/** Tells open options pages that the log changed. */
function changed(): void {
  markAuditChanged().catch((error: unknown) => console.debug('audit revision not set', error));
}

/** Counts an event left out, so that the options page can say how many (nothing is left out silently). */
function noteDropped(at: number): void {
  dropped = { count: dropped.count + 1, lastAt: at };
  droppedTimer ??= setTimeout(() => {
    droppedTimer = undefined;
    const { count, lastAt } = dropped;
    dropped = { count: 0, lastAt: 0 };
    addAuditTally(AUDIT_DROPPED_KEY, count, lastAt).catch((error: unknown) => console.error('left-out audit events not counted:', error));
  }, DROPPED_FLUSH_MS);
}

/** Deletes what is older than the retention setting, then the oldest past AUDIT_MAX_ENTRIES (counted for the user). */
export async function pruneAudit(now = Date.now()): Promise<void> {
  lastPrune = now;
  try {
    const { settings } = await currentState();
    const expired = await deleteAuditBefore(retentionCutoff(now, settings.auditRetentionDays));
    const trimmed = await deleteAuditOldest(AUDIT_MAX_ENTRIES);
    if (trimmed) await addAuditTally(AUDIT_TRIMMED_KEY, trimmed, now);
    if (expired || trimmed) changed();
  } catch (error) {
    console.error('old audit entries not deleted:', error);
  }
}

export function forgetAuditTab(tabId: number): void {
  throttle.forgetTab(tabId);
}
