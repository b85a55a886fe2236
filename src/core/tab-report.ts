/**
 * A tab's findings as plain data for people and programs outside the extension: the headless
 * scanner's `--json` output (scripts/scan.ts) and, later, exports. Each finding names the tab,
 * frame and page site it was seen on, what it is, who runs it, the upstream model builder when
 * a request went through an aggregator, and the level with its reason and laws.
 */
import { describeFindings, worstOf } from './facts.ts';
import type { Translate } from './i18n.ts';
import type { RiskFactor } from './product-risk.ts';
import type { CountryCode, HostRole } from './provider.ts';
import type { RiskDatabase } from './risk-database.ts';
import type { RiskLevel } from './risk-level.ts';
import type { Channel, FindingKind, TabState } from './tab-state.ts';
import { httpHostOf } from './hostname.ts';

export interface ReportFinding {
  tab: number;
  frame: number;
  /** Host of the tab's top page (null while only subframes reported). */
  pageSite: string | null;
  kind: FindingKind;
  host: string;
  /** `country` is absent and `unverified` true for a recognised provider whose operator is not confirmed yet. */
  provider?: { id: string; name: string; country?: CountryCode; unverified?: true };
  product?: { id: string; name: string; role: HostRole };
  parent?: { name: string; country: CountryCode };
  /** `mayReach`: open weights this reseller may send to the builder's own service (so `counted`). */
  upstream?: { id: string; name: string; country?: CountryCode; family: string; openWeights: boolean; counted: boolean; mayReach?: true };
  model?: string;
  api?: string;
  path?: string;
  marker?: string;
  via: Channel[];
  level: RiskLevel;
  reason: string;
  decidedBy?: Pick<RiskFactor, 'kind' | 'country'> & { entity?: string };
  laws: string[];
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface TabReport {
  url: string | null;
  /** Worst level on the tab; `none` when nothing was found. */
  level: RiskLevel | 'none';
  findings: ReportFinding[];
}

/** `t` words what the database cannot (an unknown endpoint's name and reason). */
export function tabReport(db: RiskDatabase, state: TabState | undefined, t: Translate): TabReport {
  const described = describeFindings(db, state, t);
  const pageSite = state?.url ? (httpHostOf(state.url) ?? null) : null;
  const findings = described.map((f): ReportFinding => {
    const provider = !f.providerId
      ? undefined
      : f.operator
        ? { id: f.providerId, name: f.providerName, country: f.operator.country }
        : f.unverified
          ? { id: f.providerId, name: f.providerName, unverified: true as const }
          : undefined;
    return {
      tab: state?.tabId ?? -1,
      frame: f.frameId,
      pageSite,
      kind: f.kind,
      host: f.host,
      ...(provider ? { provider } : {}),
      ...(f.productId && f.role ? { product: { id: f.productId, name: f.productName, role: f.role } } : {}),
      ...(f.parent ? { parent: f.parent } : {}),
      ...(f.upstream
        ? { upstream: { id: f.upstream.providerId, name: f.upstream.providerName, ...(f.upstream.operator ? { country: f.upstream.operator.country } : {}), family: f.upstream.familyName, openWeights: f.upstream.openWeights, counted: f.upstream.counted, ...(f.upstream.mayReach ? { mayReach: true as const } : {}) } }
        : {}),
      ...(f.model ? { model: f.model } : {}),
      ...(f.shape ? { api: f.shape } : {}),
      ...(f.path ? { path: f.path } : {}),
      ...(f.marker ? { marker: f.marker } : {}),
      via: f.via,
      level: f.level,
      reason: f.reason,
      ...(f.decidedBy ? { decidedBy: { kind: f.decidedBy.kind, country: f.decidedBy.country, ...(f.decidedBy.entity ? { entity: f.decidedBy.entity } : {}) } } : {}),
      laws: f.decidedBy?.laws ?? [],
      count: f.count,
      firstSeen: new Date(f.firstSeen).toISOString(),
      lastSeen: new Date(f.lastSeen).toISOString(),
    };
  });
  return { url: state?.url ?? null, level: worstOf(described) ?? 'none', findings };
}
