/**
 * Sends the queued events to the collector the policy names, and to nothing else. One flush at a
 * time; each batch is deleted only after a 2xx answer, so a worker stopped mid-batch sends it
 * again, with the same event IDs, which makes the retry idempotent for the receiver. A failure
 * waits (retry-delay.ts): a timer while the worker lives, an alarm when it does not.
 */
import browser from 'webextension-polyfill';
import { REPORT_SEND_TIMEOUT_MS } from '../../core/constants.ts';
import { encodeOtlp, type ReportInstallation } from '../../core/reporting/encode-otlp.ts';
import { encodeSplunkHec } from '../../core/reporting/encode-splunk-hec.ts';
import type { ReportEvent } from '../../core/reporting/report-event.ts';
import type { ReportingConfig } from '../../core/reporting/reporting-config.ts';
import { outcomeOf, retryAfterMs, retryDelay } from '../../core/reporting/retry-delay.ts';
import { currentState } from '../settings-store.ts';
import { installationId, reportOrigin } from './report-origin.ts';
import { type Batch, removeSent, takeBatch } from './report-queue.ts';
import { readReportingStatus, type ReportingStatus, writeReportingStatus } from '../../shared/reporting-status.ts';

export const REPORT_ALARM = 'report-flush';
/** Batches sent in one flush at most; the rest follow on the next. */
const MAX_BATCHES_PER_FLUSH = 50;

let running: Promise<void> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** What identifies a policy's collector: a new one starts afresh (no backoff carried over). */
export const configKey = (c: ReportingConfig) => `${c.format} ${c.endpoint} ${JSON.stringify(c.headers)}`;

export function flushReports(): Promise<void> {
  running ??= flush()
    .catch((error: unknown) => console.error('reporting: flush failed:', error))
    .finally(() => {
      running = undefined;
    });
  return running;
}

/** A flush at `at` (epoch ms): a timer now, and an alarm in case the worker stops before. */
export function scheduleFlush(at: number): void {
  const delay = Math.max(0, at - Date.now());
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void flushReports();
  }, delay);
  // Chrome runs an alarm no sooner than 30 s after it is set (packed extensions); the timer covers sooner.
  browser.alarms?.create(REPORT_ALARM, { when: Math.max(at, Date.now() + 1000) });
}

function encode(config: ReportingConfig, events: ReportEvent[], who: ReportInstallation): { body: string; contentType: string } {
  if (config.format === 'splunk-hec') return { body: encodeSplunkHec(events, who), contentType: 'application/json' };
  return { body: encodeOtlp(events, who, Date.now()), contentType: 'application/json' };
}

/** gzip through the platform's CompressionStream (Chrome 80, Firefox 113); undefined where there is none. */
async function gzipped(text: string): Promise<ArrayBuffer | undefined> {
  if (typeof CompressionStream === 'undefined') return undefined;
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

async function post(config: ReportingConfig, text: string, contentType: string): Promise<{ status?: number; retryAfter?: string | null; message: string }> {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), REPORT_SEND_TIMEOUT_MS);
  try {
    const compressed = config.compression === 'gzip' ? await gzipped(text) : undefined;
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { ...config.headers, 'Content-Type': contentType, ...(compressed ? { 'Content-Encoding': 'gzip' } : {}) },
      body: compressed ?? text,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
      signal: controller.signal,
    });
    // The collector's own words, bounded, for the admin (never shown as markup).
    const said = response.ok ? '' : (await response.text().catch(() => '')).slice(0, 300);
    return { status: response.status, retryAfter: response.headers.get('Retry-After'), message: `${response.status} ${response.statusText}${said ? `: ${said}` : ''}`.trim() };
  } catch (error) {
    return { message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    clearTimeout(timeout);
  }
}

function withDropped(batch: Batch, origin: { browser: string; extensionVersion: string }): ReportEvent[] {
  if (!batch.dropped) return batch.events;
  const dropped: ReportEvent = { id: batch.dropped.id, time: batch.dropped.since, name: 'dropped', ...origin, count: batch.dropped.count };
  return [dropped, ...batch.events];
}

/** Sends what waits to `config`'s collector (the policy's, or the benchmark's). */
export async function flush(given?: ReportingConfig): Promise<void> {
  const config = given ?? (await currentState()).policy.reporting;
  if (!config) return;
  const key = configKey(config);
  const stored = await readReportingStatus();
  let status: ReportingStatus = stored?.config === key ? stored : { config: key, failures: 0, nextAttemptAt: 0, sent: 0 };
  if (Date.now() < status.nextAttemptAt) return scheduleFlush(status.nextAttemptAt);
  const who: ReportInstallation = { installationId: await installationId(), ...(config.identity ? { identity: config.identity } : {}) };
  const origin = reportOrigin();
  let sentNow = 0;
  for (let n = 0; n < MAX_BATCHES_PER_FLUSH; n++) {
    // The dropped event takes one place of the batch.
    const batch = await takeBatch(config.batchSize);
    if (batch.dropped && batch.events.length === config.batchSize) {
      batch.events.pop();
      batch.keys.pop();
    }
    const events = withDropped(batch, origin);
    if (!events.length) break;
    const { body, contentType } = encode(config, events, who);
    const answer = await post(config, body, contentType);
    const outcome = outcomeOf(answer.status);
    if (outcome === 'sent') {
      await removeSent(batch);
      status = { config: key, failures: 0, nextAttemptAt: 0, sent: status.sent + events.length, lastSentAt: Date.now(), ...(status.lastError ? { lastError: status.lastError } : {}) };
      sentNow += events.length;
      // Written after the first batch (the backoff is over) and then once the flush ends.
      if (n === 0) await writeReportingStatus(status);
      continue;
    }
    const delay = retryDelay(status.failures, outcome, retryAfterMs(answer.retryAfter, Date.now()), Math.random);
    status = { ...status, failures: status.failures + 1, nextAttemptAt: Date.now() + delay, lastError: { at: Date.now(), ...(answer.status !== undefined ? { status: answer.status } : {}), message: answer.message, rejected: outcome === 'rejected' } };
    await writeReportingStatus(status);
    (outcome === 'rejected' ? console.error : console.warn)(`reporting: ${config.endpoint} ${outcome === 'rejected' ? 'refused the batch' : 'could not be reached'} (${answer.message}); next try in ${Math.round(delay / 1000)} s`);
    return scheduleFlush(status.nextAttemptAt);
  }
  if (sentNow > 0) await writeReportingStatus(status);
}
