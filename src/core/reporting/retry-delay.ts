/**
 * When to try a failed batch again: exponential backoff with full jitter
 * (REPORT_BACKOFF_BASE_MS × 2^failures, a random part of it), never sooner than a Retry-After the
 * collector sent (RFC 9110 §10.2.3: seconds or an HTTP date), never later than
 * REPORT_BACKOFF_MAX_MS. A collector that refuses the batch itself (4xx: a bad token, a payload it
 * cannot read) is asked again at most every REPORT_REJECTED_MIN_MS, so a wrong policy does not
 * become a storm of requests; a corrected policy is tried at once (the sender resets then).
 */
import { REPORT_BACKOFF_BASE_MS, REPORT_BACKOFF_MAX_MS } from '../constants.ts';

export const REPORT_REJECTED_MIN_MS = 5 * 60_000;

export type SendOutcome = 'sent' | 'retry' | 'rejected';

/** 2xx is sent; 408, 425, 429 and 5xx (and no answer) are worth a retry; any other answer is a refusal. */
export function outcomeOf(status: number | undefined): SendOutcome {
  if (status === undefined) return 'retry';
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** Milliseconds a Retry-After value asks for; undefined when there is none or it cannot be read. */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

export function retryDelay(failures: number, outcome: Exclude<SendOutcome, 'sent'>, retryAfter: number | undefined, random: () => number): number {
  const ceiling = Math.min(REPORT_BACKOFF_MAX_MS, REPORT_BACKOFF_BASE_MS * 2 ** Math.min(30, Math.max(0, failures)));
  // Full jitter, but at least half the step, so that a fleet spreads out without retrying at once.
  let delay = ceiling / 2 + random() * (ceiling / 2);
  if (outcome === 'rejected') delay = Math.max(delay, REPORT_REJECTED_MIN_MS);
  if (retryAfter !== undefined) delay = Math.max(delay, retryAfter);
  return Math.round(Math.min(delay, REPORT_BACKOFF_MAX_MS));
}
