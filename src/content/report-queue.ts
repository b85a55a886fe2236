/**
 * Sums what this document saw and sends it to the background in small batches: the first soon
 * after it happens, then at most one message per interval with at most
 * MAX_OBSERVATIONS_PER_MESSAGE entries. A page that makes a million requests costs a counter
 * increment each, and it can never hold more than MAX_OBSERVATION_KEYS_PER_DOCUMENT distinct
 * entries waiting: the flood reaches the background as a few messages with large counts, at most
 * MAX_OBSERVATIONS_PER_MESSAGE entries per interval. The cap is on what waits, not on everything
 * the document ever reported, so a flood of made-up endpoints cannot silence the page's later real
 * requests for good (the background caps what it keeps per tab on its own).
 */
import { REPORT_INTERVAL_MS, MAX_OBSERVATION_KEYS_PER_DOCUMENT } from '../core/constants.ts';
import { MAX_OBSERVATIONS_PER_MESSAGE } from '../core/messages.ts';
import { MAX_OBSERVATION_COUNT, type Observation } from '../core/observation.ts';
import { sendToBackground } from './send-to-background.ts';

import type { ContentToBgObserved } from '../core/messages.ts';

type Send = (message: ContentToBgObserved) => Promise<unknown>;

export class ReportQueue {
  private readonly pending = new Map<string, Observation>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSent = 0;
  dropped = 0;

  constructor(private readonly doc: string, private readonly send: Send = (m) => sendToBackground(m)) {}

  add(obs: Observation): void {
    const key = `${obs.channel}|${obs.url}|${obs.model ?? ''}|${obs.shape ?? ''}|${obs.marker ?? ''}`;
    const queued = this.pending.get(key);
    if (queued) {
      queued.count = Math.min(queued.count + obs.count, MAX_OBSERVATION_COUNT);
    } else {
      if (this.pending.size >= MAX_OBSERVATION_KEYS_PER_DOCUMENT) {
        this.dropped++;
        return;
      }
      this.pending.set(key, { ...obs });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastSent + REPORT_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    this.timer = undefined;
    if (!this.pending.size) return;
    const batch: Observation[] = [];
    for (const [key, obs] of this.pending) {
      batch.push(obs);
      this.pending.delete(key);
      if (batch.length >= MAX_OBSERVATIONS_PER_MESSAGE) break;
    }
    this.lastSent = Date.now();
    this.send({ type: 'content-to-bg/observed', doc: this.doc, observations: batch }).catch(() => {
      // The extension was reloaded under this page: nothing to report to any more.
    });
    if (this.pending.size) this.schedule();
  }
}
