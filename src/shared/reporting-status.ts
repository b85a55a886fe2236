/**
 * How fleet reporting stands, for the options page (the policy panel) and the worker log:
 * storage.local `report:status`. Written by the sender after each attempt; survives restarts, so
 * that a backoff in progress is not forgotten by the next worker.
 */
import browser from 'webextension-polyfill';

export const REPORT_STATUS_KEY = 'report:status';

export interface ReportingStatus {
  /** The endpoint and format this status is about; a new policy starts a new status. */
  config: string;
  failures: number;
  /** No attempt before this (epoch ms). */
  nextAttemptAt: number;
  lastSentAt?: number;
  sent: number;
  lastError?: { at: number; status?: number; message: string; rejected: boolean };
}

export async function readReportingStatus(): Promise<ReportingStatus | undefined> {
  const stored = (await browser.storage.local.get(REPORT_STATUS_KEY))[REPORT_STATUS_KEY] as ReportingStatus | undefined;
  return stored && typeof stored === 'object' && typeof stored.config === 'string' ? stored : undefined;
}

export function writeReportingStatus(status: ReportingStatus): Promise<void> {
  return browser.storage.local.set({ [REPORT_STATUS_KEY]: status });
}
