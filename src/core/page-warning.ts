/**
 * Whether the in-page warning shows, and its one line (docs/policy.md, "Modes"). Pure: the
 * background gives it the settings, the page's host, the tab's findings and the sites where the
 * user turned the warning off.
 *
 * - `monitor`, or `showWarning` off: never.
 * - `warn`: a service the page is (on opening) or uses (once the user types or pastes) that is at
 *   `high` risk, or that the lists name (warn mode lets it through); not one explicitly allowed.
 * - `block`: once the user types or pastes, a service the page's requests to are blocked (so the
 *   user knows why the page may fail); otherwise, like `warn`, a `high` one the lists let through.
 */
import { decide } from './block-decision.ts';
import { companyLabel, describeFindings, type FindingFacts, factsFor } from './facts.ts';
import { normalizeHostname } from './hostname.ts';
import type { Translate } from './i18n.ts';
import type { PageWarningView, WarningTrigger } from './messages.ts';
import type { EffectiveSettings } from './policy-merge.ts';
import type { RiskDatabase } from './risk-database.ts';
import { describeRule, whoDecides } from './rule-words.ts';
import type { TabState } from './tab-state.ts';

export interface WarningInput {
  settings: Pick<EffectiveSettings, 'org' | 'user' | 'mode' | 'showWarning'>;
  db: RiskDatabase;
  /** Host of the tab's top page (the browser's record). */
  pageHost: string;
  trigger: WarningTrigger;
  state: TabState | undefined;
  dismissed: readonly string[];
}

interface Candidate {
  facts: FindingFacts;
  host: string;
  /** The page itself is the AI product (a navigation, not a request from a page). */
  site: boolean;
}

function candidatesOf({ db, pageHost, trigger, state }: WarningInput, t: Translate): Candidate[] {
  const out: Candidate[] = [];
  const match = db.lookupHost(pageHost);
  const own = match && factsFor(db, { providerId: match.provider.id, productId: match.product.id, role: match.host.role });
  if (own) out.push({ facts: own, host: pageHost, site: true });
  if (trigger === 'input') {
    for (const f of describeFindings(db, state, t)) if (f.kind !== 'site' && f.operator) out.push({ facts: f, host: f.host, site: false });
  }
  return out;
}

/** "DeepSeek (China)"; the country of the company that runs it. */
function labelOf(facts: FindingFacts, t: Translate): string {
  return facts.operator ? companyLabel(facts.providerName, facts.operator.country, t) : facts.providerName;
}

/** The first law behind the level that names articles: ["National Intelligence Law", "Art. 7, Art. 14"]. */
function lawOf(db: RiskDatabase, facts: FindingFacts): [string, string] | undefined {
  const law = facts.decidedBy?.laws.map((id) => db.law(id)).find((l) => l !== undefined && l.articles.length > 0);
  return law && [law.name, law.articles.map((a) => a.ref).join(', ')];
}

export function pageWarning(input: WarningInput, t: Translate): PageWarningView | undefined {
  const { settings, db, pageHost, trigger } = input;
  if (settings.mode === 'monitor' || !settings.showWarning) return undefined;
  const site = normalizeHostname(pageHost);
  if (input.dismissed.includes(site)) return undefined;
  let risk: PageWarningView | undefined;
  for (const c of candidatesOf(input, t)) {
    const decision = decide(settings, db, { host: c.host, navigation: c.site, initiator: pageHost, pageSite: pageHost });
    if (decision.outcome === 'allow') continue;
    const label = labelOf(c.facts, t);
    if (settings.mode === 'block' && decision.outcome === 'block' && decision.rule) {
      // A blocked page never opens; a blocked request fails, which is worth a line once the user types.
      if (!c.site && trigger === 'input') return { kind: 'blocked', text: t('warnBlockedLine', [label, whoDecides(decision.rule, t)]) };
      continue;
    }
    if (risk) continue;
    if (c.facts.level === 'high') {
      const law = lawOf(db, c.facts);
      risk = { kind: 'risk', text: law ? t('warnHighLaw', [label, ...law]) : t('warnHigh', [label]) };
    } else if (settings.mode === 'warn' && decision.outcome === 'block' && decision.rule && decision.matched !== undefined) {
      risk = { kind: 'risk', text: t('warnListed', [label, describeRule(decision.rule, decision.matched, db, t)]) };
    }
  }
  return risk;
}

/** The dismissed sites with `host` added last, oldest dropped past `max`. */
export function withDismissed(list: readonly string[], host: string, max: number): string[] {
  const site = normalizeHostname(host);
  return [...list.filter((s) => s !== site), site].slice(-max);
}
