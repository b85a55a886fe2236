/**
 * One event for the organization's collector. It carries names and hosts only: never a request
 * or response body, a page's path or query, a cookie or anything typed (docs/reporting.md lists
 * every field). Built from an audit event, or by the worker for allow-once, warnings, policy
 * problems, heartbeats and a full queue.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { ReportEventKind } from './reporting-config.ts';

export type ReportEventName = ReportEventKind | 'dropped';

export interface ReportEvent {
  /** Unique: a receiver drops a second copy of a retried batch by it. */
  id: string;
  time: number;
  name: ReportEventName;
  /** What sent it: `chrome` or `firefox`, and the extension's version when the event happened. */
  browser: string;
  extensionVersion: string;
  /** Host of the page (never its path or query). */
  site?: string;
  /** The AI host the page loaded, sent to or navigated to. */
  host?: string;
  providerId?: string;
  providerName?: string;
  product?: string;
  model?: string;
  /** ISO 3166-1 alpha-2 countries of the operator (and of the model's builder, when another). */
  countries?: string[];
  level?: string;
  /** Finding kind, or the blocked request's type. */
  kind?: string;
  /** The rule that decided (blocks, allow-once). */
  rule?: string;
  /** The mode in force: off, warn or block. */
  mode?: string;
  /** Repeats an audit entry stands for, or events a `dropped` event counts. */
  count?: number;
  /** policy-problem: the key and why it was left out (the admin's own words, never a page's). */
  policyKey?: string;
  reason?: string;
  /** justify: the reason the person gave to open a blocked service (the only typed text sent; docs/reporting.md). */
  justification?: string;
  /** heartbeat: versions in force. */
  databaseVersion?: string;
  policyRevision?: string;
}

/** What every event of this installation carries. */
export interface ReportOrigin {
  browser: string;
  extensionVersion: string;
}

export function reportFromAudit(id: string, origin: ReportOrigin, entry: Omit<AuditEntry, 'id'>, mode: string): ReportEvent {
  return {
    id,
    time: entry.time,
    name: entry.type,
    ...origin,
    ...(entry.site ? { site: entry.site } : {}),
    host: entry.host,
    ...(entry.providerId ? { providerId: entry.providerId } : {}),
    ...(entry.providerName ? { providerName: entry.providerName } : {}),
    ...(entry.product ? { product: entry.product } : {}),
    ...(entry.model ? { model: entry.model } : {}),
    ...(entry.country ? { countries: [entry.country] } : {}),
    ...(entry.level ? { level: entry.level } : {}),
    kind: entry.kind,
    ...(entry.rule ? { rule: entry.rule } : {}),
    mode,
    count: entry.count,
    ...(entry.reason ? { justification: entry.reason } : {}),
  };
}
