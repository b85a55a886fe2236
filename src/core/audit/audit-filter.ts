/** Which audit entries the options page lists: by site, provider, level, type, date range and free text. */
import type { AuditEntry, AuditType } from './audit-entry.ts';
import type { RiskLevel } from '../risk-level.ts';
import { holdsEvery, searchWords } from '../search-words.ts';

export interface AuditFilter {
  /** Words that must all appear (case-insensitive) somewhere in the entry's text fields. */
  text?: string;
  /** A page host; its subdomains match too. */
  site?: string;
  providerId?: string;
  level?: RiskLevel;
  type?: AuditType;
  /** Epoch milliseconds, inclusive. */
  from?: number;
  /** Epoch milliseconds, exclusive. */
  to?: number;
}

const TEXT_FIELDS = ['site', 'host', 'providerId', 'providerName', 'product', 'kind', 'model', 'level', 'country', 'rule', 'type'] as const;

function haystackOf(entry: AuditEntry): string {
  return TEXT_FIELDS.map((f) => entry[f] ?? '').join('\n');
}

const underSite = (host: string, site: string) => host === site || host.endsWith(`.${site}`);

export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.type && entry.type !== filter.type) return false;
  if (filter.site && !underSite(entry.site, filter.site.trim().toLowerCase())) return false;
  if (filter.providerId && entry.providerId !== filter.providerId) return false;
  if (filter.level && entry.level !== filter.level) return false;
  if (filter.from !== undefined && entry.time < filter.from) return false;
  if (filter.to !== undefined && entry.time >= filter.to) return false;
  const words = searchWords(filter.text ?? '');
  return !words.length || holdsEvery(words, haystackOf(entry));
}

/** The matching entries, newest first. */
export function filterEntries(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  return entries.filter((e) => matchesFilter(e, filter)).sort((a, b) => b.time - a.time || (b.id ?? 0) - (a.id ?? 0));
}

/** Distinct values for the filter menus: sites and providers seen in the log. */
export function filterChoices(entries: readonly AuditEntry[]): { sites: string[]; providers: { id: string; name: string }[] } {
  const sites = new Set<string>();
  const providers = new Map<string, string>();
  for (const e of entries) {
    if (e.site) sites.add(e.site);
    if (e.providerId) providers.set(e.providerId, e.providerName ?? e.providerId);
  }
  return {
    sites: [...sites].sort(),
    providers: [...providers].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
