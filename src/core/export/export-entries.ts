/**
 * Which AI hosts go into an export for other layers (DNS, proxy, endpoint; docs/exports.md):
 * every host pattern of the database (with the organization's extra services), or only those the
 * block settings in force block (organization's and user's), optionally only those operated from
 * one country or at a risk level or above.
 */
import { decide } from '../block-decision.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import { operatingFactsOf, productRisk } from '../product-risk.ts';
import type { RiskDatabase } from '../risk-database.ts';
import { compareLevels, type RiskLevel } from '../risk-level.ts';

export interface ExportEntry {
  /** A host pattern as the database writes it: it covers its subdomains; `*` is one label. */
  host: string;
  providerId: string;
  providerName: string;
  productName: string;
  /** Operator's country (ISO 3166-1 alpha-2), when the database states it. */
  country?: string;
  level: RiskLevel;
}

export interface ExportFilter {
  /** Only hosts the settings in force block. */
  blockedOnly: boolean;
  country?: string;
  /** This level or more severe (low < unknown < medium < high, as the badge ranks them). */
  level?: RiskLevel;
}

/** A name the pattern covers, for asking the block decision about it. */
const concrete = (pattern: string) => pattern.split('.').map((label) => (label === '*' ? 'x' : label)).join('.');

export function exportEntries(db: RiskDatabase, settings: Pick<EffectiveSettings, 'org' | 'user'>, filter: ExportFilter): ExportEntry[] {
  const out = new Map<string, ExportEntry>();
  for (const provider of db.providers) {
    for (const product of provider.products) {
      const level = productRisk(db, provider, product).level;
      const country = operatingFactsOf(provider, product).operator?.country;
      if (filter.country && country !== filter.country) continue;
      if (filter.level && compareLevels(level, filter.level) < 0) continue;
      for (const { host } of product.hosts) {
        if (out.has(host)) continue;
        if (filter.blockedOnly) {
          const name = concrete(host);
          const blocked = [false, true].some((navigation) => decide(settings, db, { host: name, navigation }).outcome === 'block');
          if (!blocked) continue;
        }
        out.set(host, { host, providerId: provider.id, providerName: provider.name, productName: product.name, ...(country ? { country } : {}), level });
      }
    }
  }
  return [...out.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
}
