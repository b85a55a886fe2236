/**
 * One view of a whole scan (many pages, usually of one site): which AI services it uses, who runs
 * them and where, how bad the worst sighting is, and on which pages, so a reviewer does not have to
 * read every page's report to answer "what AI does this site talk to?".
 */
import { compareLevels, type RiskLevel, worstLevel } from '../../../src/core/risk-level.ts';
import type { PageLevel } from '../args.ts';
import type { ScanResult } from '../scanner.ts';
import { countriesOf, findingsByService, serviceNameOf } from './service-key.ts';

/** How many page URLs a service lists; the rest are only counted (a crawl can find thousands). */
export const PAGES_LISTED = 5;

export interface ServiceSummary {
  /** Provider id, or `unknown/<host>` (see serviceKeyOf). */
  key: string;
  name: string;
  /** The provider's country; absent for an unknown endpoint or a provider not yet verified. */
  country?: string;
  /** Every country its findings reach (provider, parent, counted upstream), sorted. */
  countries: string[];
  /** True when the provider is recognised but who runs it is not confirmed yet. */
  unverified: boolean;
  /** The worst level it was seen at. */
  level: RiskLevel;
  /** The first PAGES_LISTED page URLs it was seen on, in scan order. */
  pages: string[];
  /** On how many pages it was seen in all. */
  pageCount: number;
  /** The hosts it was seen on (api.deepseek.com, …), sorted. */
  hosts: string[];
}

export interface SiteSummary {
  pages: {
    scanned: number;
    /** Pages with at least one finding. */
    withAi: number;
    /** Pages that could not be loaded (`error`). */
    failed: number;
    /** Pages whose time limit ran out (their findings still count). */
    timedOut: number;
  };
  /** The worst level of any page; `none` when no AI was seen anywhere. */
  level: PageLevel;
  /** Worst level first, then by name and key, so the order does not depend on the scan order. */
  services: ServiceSummary[];
}

export function siteSummary(results: readonly ScanResult[]): SiteSummary {
  const services = new Map<string, ServiceSummary & { pageSet: Set<string>; hostSet: Set<string>; countrySet: Set<string> }>();
  for (const r of results) {
    for (const [key, findings] of findingsByService(r.findings)) {
      let s = services.get(key);
      const first = findings[0]!;
      if (!s) {
        s = {
          key,
          name: serviceNameOf(first),
          ...(first.provider?.country ? { country: first.provider.country } : {}),
          countries: [],
          unverified: first.provider?.unverified === true,
          level: first.level,
          pages: [],
          pageCount: 0,
          hosts: [],
          pageSet: new Set(),
          hostSet: new Set(),
          countrySet: new Set(),
        };
        services.set(key, s);
      }
      // The same URL scanned twice (given twice, or found twice by a crawl) is one page.
      if (!s.pageSet.has(r.url)) {
        s.pageSet.add(r.url);
        if (s.pages.length < PAGES_LISTED) s.pages.push(r.url);
      }
      for (const f of findings) {
        s.level = worstLevel([s.level, f.level])!;
        s.hostSet.add(f.host);
        for (const c of countriesOf(f)) s.countrySet.add(c);
      }
    }
  }
  const list = [...services.values()].map(({ pageSet, hostSet, countrySet, ...s }): ServiceSummary => ({
    ...s,
    countries: [...countrySet].sort(),
    hosts: [...hostSet].sort(),
    pageCount: pageSet.size,
  }));
  list.sort((a, b) => compareLevels(b.level, a.level) || compareText(a.name, b.name) || compareText(a.key, b.key));
  return {
    pages: {
      scanned: results.length,
      withAi: results.filter((r) => r.findings.length > 0).length,
      failed: results.filter((r) => r.error !== undefined).length,
      timedOut: results.filter((r) => r.timedOut).length,
    },
    level: worstLevel(results.flatMap((r) => (r.level === 'none' ? [] : [r.level]))) ?? 'none',
    services: list,
  };
}

/** Code-unit order, not locale order: the same on every machine, so reports diff cleanly. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
