/**
 * The reporting queue: events waiting for the organization's collector, in IndexedDB, so that a
 * stopped worker, a browser restart or a collector down for hours loses none. Bounded at
 * REPORT_QUEUE_MAX: past it the oldest events are deleted and counted, and that count is sent as
 * one `dropped` event, with an ID of its own, before anything else once the collector answers.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { REPORT_QUEUE_MAX } from '../../core/constants.ts';
import type { ReportEvent } from '../../core/reporting/report-event.ts';

export const REPORT_DB_NAME = 'report-queue';

/** Events deleted unsent because the queue was full, not yet reported. */
export interface DroppedTally {
  count: number;
  /** The `dropped` event's ID: the same on every retry of the batch that carries it. */
  id: string;
  since: number;
}

interface QueueSchema extends DBSchema {
  events: { key: number; value: ReportEvent };
  meta: { key: string; value: DroppedTally };
}

let opening: Promise<IDBPDatabase<QueueSchema>> | undefined;

function db(): Promise<IDBPDatabase<QueueSchema>> {
  opening ??= openDB<QueueSchema>(REPORT_DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('events', { autoIncrement: true });
      database.createObjectStore('meta');
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Adds events in one transaction; trims the oldest past `max` and counts them. Returns how many wait now. */
export async function enqueueReports(events: readonly ReportEvent[], max = REPORT_QUEUE_MAX): Promise<number> {
  if (!events.length) return queueSize();
  const tx = (await db()).transaction(['events', 'meta'], 'readwrite');
  const store = tx.objectStore('events');
  for (const e of events) void store.add(e);
  const size = await store.count();
  if (size > max) {
    let excess = size - max;
    let cursor = await store.openCursor();
    while (cursor && excess > 0) {
      void cursor.delete();
      excess--;
      cursor = await cursor.continue();
    }
    const meta = tx.objectStore('meta');
    const tally = await meta.get('dropped');
    await meta.put({ count: (tally?.count ?? 0) + (size - max), id: tally?.id ?? crypto.randomUUID(), since: tally?.since ?? Date.now() }, 'dropped');
  }
  await tx.done;
  return Math.min(size, max);
}

export interface Batch {
  keys: number[];
  events: ReportEvent[];
  dropped?: DroppedTally;
}

/** The oldest `n` events, with their keys, and the count of dropped ones when there is one. */
export async function takeBatch(n: number): Promise<Batch> {
  const tx = (await db()).transaction(['events', 'meta'], 'readonly');
  const [keys, events, dropped] = await Promise.all([tx.objectStore('events').getAllKeys(undefined, n), tx.objectStore('events').getAll(undefined, n), tx.objectStore('meta').get('dropped')]);
  await tx.done;
  return { keys, events, ...(dropped && dropped.count > 0 ? { dropped } : {}) };
}

/** After the collector took a batch: its events are deleted, and the dropped count it carried. */
export async function removeSent(batch: Batch): Promise<void> {
  const tx = (await db()).transaction(['events', 'meta'], 'readwrite');
  const store = tx.objectStore('events');
  // The batch is the first keys of the store, in order: one range covers it and nothing else.
  if (batch.keys.length) void store.delete(IDBKeyRange.bound(batch.keys[0]!, batch.keys[batch.keys.length - 1]!));
  if (batch.dropped) {
    const meta = tx.objectStore('meta');
    const now = await meta.get('dropped');
    // Events dropped while the batch was on its way are counted in a new `dropped` event.
    const left = (now?.count ?? 0) - batch.dropped.count;
    if (left > 0) await meta.put({ count: left, id: crypto.randomUUID(), since: Date.now() }, 'dropped');
    else await meta.delete('dropped');
  }
  await tx.done;
}

export async function queueSize(): Promise<number> {
  return (await db()).count('events');
}
