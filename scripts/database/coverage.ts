/**
 * How much of a host list (like ../shared/reference/public-ai-hosts.tsv) the database covers:
 * each host is recognised (a product claims it), excluded (src/data/exclusions.json says why
 * not) or missing. Used by `npm run coverage`; pure, so unit tests give it their own lists.
 */
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import type { Exclusion } from '../../src/core/database/exclusions.ts';

export interface ListedHost {
  host: string;
  /** The list's own columns, kept for the report (which lists name it, where it came from). */
  lists: string;
  source: string;
}

export type Coverage = {
  recognised: Array<ListedHost & { provider: string; product: string }>;
  excluded: Array<ListedHost & { reason: Exclusion['reason'] }>;
  missing: ListedHost[];
};

/** Rows of a tab-separated list whose first line names the columns (`host` required). */
export function parseHostList(text: string): ListedHost[] {
  const [head, ...rows] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = (head ?? '').split('\t').map((c) => c.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('host') < 0) throw new Error('the first line must name the columns, one of them "host"');
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    const cells = row.split('\t');
    const host = (cells[at('host')] ?? '').trim().toLowerCase().replace(/\.$/, '');
    if (!host || seen.has(host)) return [];
    seen.add(host);
    return [{ host, lists: at('lists') >= 0 ? (cells[at('lists')] ?? '').trim() : '', source: at('source') >= 0 ? (cells[at('source')] ?? '').trim() : '' }];
  });
}

export function coverageOf(db: RiskDatabase, exclusions: readonly Exclusion[], hosts: readonly ListedHost[]): Coverage {
  const excluded = new Map(exclusions.map((e) => [e.host, e]));
  const out: Coverage = { recognised: [], excluded: [], missing: [] };
  for (const listed of hosts) {
    const match = db.lookupHost(listed.host);
    const exclusion = excluded.get(listed.host);
    if (match) out.recognised.push({ ...listed, provider: match.provider.id, product: match.product.id });
    else if (exclusion) out.excluded.push({ ...listed, reason: exclusion.reason });
    else out.missing.push(listed);
  }
  return out;
}

/** "recognised 170 (41.3 %), excluded 0 (0.0 %), missing 242 (58.7 %) of 412 hosts" */
export function coverageLine(c: Coverage): string {
  const total = c.recognised.length + c.excluded.length + c.missing.length;
  const part = (n: number) => `${n} (${total ? ((100 * n) / total).toFixed(1) : '0.0'} %)`;
  return `recognised ${part(c.recognised.length)}, excluded ${part(c.excluded.length)}, missing ${part(c.missing.length)} of ${total} hosts`;
}
