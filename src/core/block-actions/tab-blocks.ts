/**
 * Which of a tab's AI services the browser blocks now, and by which decision: the popup's
 * headline, each card's status line and the toolbar badge all read it from here, so they cannot
 * disagree about a tab. Only `block` mode enforces, and a pause of the page's site lifts the
 * user's own decisions there (never the organization's, which outrank them: pause.ts).
 */
import { isEnforcing } from '../settings.ts';
import { type Decision, decide } from '../block-decision.ts';
import { type DescribedFinding, providerKeyOf } from '../facts.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import type { RiskDatabase } from '../risk-database.ts';

export type BlockSettings = Pick<EffectiveSettings, 'mode' | 'org' | 'user'>;

/** The decision that covers requests to `host` sent from the page on `site` (block or not). */
export function decisionFor(settings: BlockSettings, db: RiskDatabase, host: string, site: string | undefined): Decision {
  return decide(settings, db, { host, navigation: false, ...(site ? { initiator: site, pageSite: site } : {}) });
}

/** Whether a decision stops requests now: block mode, and not a decision of the user's on a paused site. */
export function enforced(settings: Pick<EffectiveSettings, 'mode'>, decision: Decision, paused: boolean): boolean {
  if (!isEnforcing(settings.mode) || decision.outcome !== 'block' || !decision.rule) return false;
  return !(paused && decision.rule.tier === 'user');
}

export interface ProviderBlock {
  /** providerKeyOf of the findings it covers. */
  key: string;
  /** The first of the provider's findings that a block covers. */
  finding: DescribedFinding;
  decision: Decision & { outcome: 'block' };
}

/**
 * Per provider on the tab, the decision that blocks its traffic from this page (the first of its
 * hosts one covers), whether enforced or not; providers no decision covers are left out.
 */
export function providerBlocks(findings: readonly DescribedFinding[], settings: BlockSettings, db: RiskDatabase, site: string | undefined): ProviderBlock[] {
  const out = new Map<string, ProviderBlock>();
  for (const f of findings) {
    const key = providerKeyOf(f);
    if (out.has(key)) continue;
    const decision = decisionFor(settings, db, f.host, site);
    if (decision.outcome === 'block' && decision.rule && decision.matched !== undefined) out.set(key, { key, finding: f, decision: decision as ProviderBlock['decision'] });
  }
  return [...out.values()];
}

export interface TabBlockState {
  /** Providers whose traffic from this page the browser blocks now. */
  blocked: ProviderBlock[];
  /** Every provider seen is blocked (and at least one was seen). */
  all: boolean;
}

export function tabBlockState(findings: readonly DescribedFinding[], settings: BlockSettings, db: RiskDatabase, site: string | undefined, paused = false): TabBlockState {
  const blocked = providerBlocks(findings, settings, db, site).filter((b) => enforced(settings, b.decision, paused));
  const providers = new Set(findings.map(providerKeyOf));
  return { blocked, all: providers.size > 0 && blocked.length === providers.size };
}
