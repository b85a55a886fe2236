/**
 * One line of the audit log: an AI service a page used (a finding, recorded once per page visit)
 * or something the extension blocked. Entries hold names as they were when recorded (the log is
 * a record of what happened, not a view of today's database), so they read the same after a
 * database update.
 */
import type { RiskLevel } from '../risk-level.ts';

/** `justify`: a person opened a blocked service with a reason (justify mode). */
export const AUDIT_TYPES = ['finding', 'block', 'justify'] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export interface AuditEntry {
  /** IndexedDB key; absent until stored. */
  id?: number;
  /** Epoch milliseconds of the first event the entry stands for. */
  time: number;
  type: AuditType;
  /** Host of the tab's page; empty when unknown (a navigation typed into the address bar). */
  site: string;
  /** Host the page loaded, sent to, or navigated to. */
  host: string;
  providerId?: string;
  providerName?: string;
  product?: string;
  /** For findings the finding kind (site, embed, request, unknown-endpoint); for blocks `navigation` or the request type. */
  kind: string;
  model?: string;
  level?: RiskLevel;
  /** Country of the operating company. */
  country?: string;
  /** For blocks: which rule blocked it, as "user provider deepseek". */
  rule?: string;
  /** How many identical events within a short window this entry stands for (coalesced). */
  count: number;
  /** For `justify`: the reason the person gave (core/block-actions/justify.ts cleanReason), shown as text only. */
  reason?: string;
}

/** Fields in the order exports list them; a CSV header names exactly these. */
export const AUDIT_FIELDS = ['id', 'time', 'type', 'site', 'host', 'providerId', 'providerName', 'product', 'kind', 'model', 'level', 'country', 'rule', 'count', 'reason'] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** Entries older than this are deleted (retention in days, from settings). */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * 24 * 60 * 60 * 1000;
}

/** What makes two events "the same" for coalescing: everything but time and count. */
export function coalesceKey(entry: Omit<AuditEntry, 'id' | 'time' | 'count'>): string {
  return JSON.stringify([entry.type, entry.site, entry.host, entry.providerId, entry.product, entry.kind, entry.model, entry.level, entry.country, entry.rule]);
}
