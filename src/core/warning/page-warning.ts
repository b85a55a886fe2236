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
 *   A page that is itself a product blocked while it was open (the banner asks again when the
 *   settings change) says that its requests now fail.
 *
 * A user may turn the warning off per site, unless the organization locks `showWarning`: then the
 * sites they turned it off on are overruled, and the banner offers no such button.
 */
import { isEnforcing } from '../settings.ts';
import { decide } from '../block-decision.ts';
import { alternativesFor, type ApprovedAlternative } from '../guidance/guidance-policy.ts';
import { companyLabel, describeFindings, type FindingFacts, factsFor, shortName } from '../facts.ts';
import { articleListIn, lawNameIn } from '../fact-card/law-words.ts';
import { normalizeHostname } from '../hostname.ts';
import { intlLocaleOf } from '../intl-locale.ts';
import type { Translate } from '../i18n.ts';
import type { PageWarningView, WarningTrigger } from '../messages.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import type { RiskDatabase } from '../risk-database.ts';
import { describeRule, whoDecides } from '../rule-words.ts';
import type { TabState } from '../tab-state.ts';

export interface WarningInput {
  settings: Pick<EffectiveSettings, 'org' | 'user' | 'mode' | 'showWarning' | 'locked'> & Partial<Pick<EffectiveSettings, 'preferredTool'>>;
  db: RiskDatabase;
  /** Host of the tab's top page (the browser's record). */
  pageHost: string;
  trigger: WarningTrigger;
  state: TabState | undefined;
  dismissed: readonly string[];
  /** Hosts the user allowed once (block page) for this browser session: their block is lifted. */
  allowedOnce?: readonly string[];
  /** The organization's approved tools (policy): the first that fits the service is offered. */
  alternatives?: readonly ApprovedAlternative[];
}

interface Candidate {
  providerId: string;
  facts: FindingFacts;
  host: string;
  /** The page itself is the AI product (a navigation, not a request from a page). */
  site: boolean;
}

function candidatesOf({ db, pageHost, trigger, state }: WarningInput, t: Translate): Candidate[] {
  const out: Candidate[] = [];
  const match = db.lookupHost(pageHost);
  const own = match && factsFor(db, { providerId: match.provider.id, productId: match.product.id, role: match.host.role }, undefined, intlLocaleOf(t));
  if (match && own) out.push({ providerId: match.provider.id, facts: own, host: pageHost, site: true });
  if (trigger === 'input') {
    for (const f of describeFindings(db, state, t)) if (f.kind !== 'site' && (f.operator || f.unverified)) out.push({ providerId: f.providerId ?? '', facts: f, host: f.host, site: false });
  }
  return out;
}

/** "DeepSeek (China)"; the country of the company that runs it. */
function labelOf(facts: FindingFacts, t: Translate): string {
  if (facts.operator) return companyLabel(facts.providerName, facts.operator.country, t);
  return facts.unverified ? t('wProviderUnverified', [shortName(facts.providerName)]) : facts.providerName;
}

/** The first law behind the level that names articles: ["National Intelligence Law", "Art. 7, Art. 14"]. */
function lawOf(db: RiskDatabase, facts: FindingFacts, t: Translate): [string, string] | undefined {
  const law = facts.decidedBy?.laws.map((id) => db.law(id)).find((l) => l !== undefined && l.articles.length > 0);
  const locale = intlLocaleOf(t);
  return law && [lawNameIn(law, locale), articleListIn(law, locale)];
}

/**
 * The organization keeps the warning on: it locks `showWarning` on, so the user cannot turn it off
 * per site either (docs/admin.md, scenario (c)).
 */
export function warningLockedOn(settings: Pick<EffectiveSettings, 'locked' | 'showWarning'>): boolean {
  return settings.showWarning && settings.locked.includes('showWarning');
}

type WarningLine = Omit<PageWarningView, 'offForSite'>;

/** The line with the organization's first approved tool for the service it is about, or else the person's own. */
function withAlternative(line: WarningLine, c: Candidate, input: WarningInput): WarningLine {
  const [first] = alternativesFor(input.alternatives, { providerId: c.providerId, level: c.facts.level, ...(c.facts.operator ? { country: c.facts.operator.country } : {}) });
  if (first) return { ...line, alternative: { name: first.name, url: first.url } };
  const mine = input.settings.preferredTool;
  return mine ? { ...line, alternative: { name: mine.name, url: mine.url, mine: true } } : line;
}

function lineOf(input: WarningInput, t: Translate): WarningLine | undefined {
  const { settings, db, pageHost, trigger } = input;
  const enforced = isEnforcing(settings.mode);
  let risk: WarningLine | undefined;
  for (const c of candidatesOf(input, t)) {
    const label = labelOf(c.facts, t);
    // The page is itself the product and its own requests are blocked: a product blocked while
    // its page was open (the banner asks again when the settings change), or a site block, which
    // lets the page open. Allow once lifts the block of the page's requests too.
    if (c.site && enforced && !input.allowedOnce?.includes(normalizeHostname(pageHost))) {
      const own = decide(settings, db, { host: c.host, navigation: false, initiator: pageHost, pageSite: pageHost });
      if (own.outcome === 'block' && own.rule) return withAlternative({ kind: 'blocked', text: t(own.rule.scope === 'site' ? 'warnBlockedLine' : 'warnSiteBlocked', [label, whoDecides(own.rule, t)]) }, c, input);
    }
    const decision = decide(settings, db, { host: c.host, navigation: c.site, initiator: pageHost, pageSite: pageHost });
    if (decision.outcome === 'allow') continue;
    if (enforced && decision.outcome === 'block' && decision.rule) {
      // A blocked request fails, which is worth a line once the user types.
      if (!c.site && trigger === 'input') return withAlternative({ kind: 'blocked', text: t('warnBlockedLine', [label, whoDecides(decision.rule, t)]) }, c, input);
      continue;
    }
    if (risk) continue;
    if (c.facts.level === 'high') {
      const law = lawOf(db, c.facts, t);
      risk = withAlternative({ kind: 'risk', text: law ? t('warnHighLaw', [label, ...law]) : t('warnHigh', [label]) }, c, input);
    } else if (settings.mode === 'warn' && decision.outcome === 'block' && decision.rule && decision.matched !== undefined) {
      risk = withAlternative({ kind: 'risk', text: t('warnListed', [label, describeRule(decision.rule, decision.matched, db, t)]) }, c, input);
    }
  }
  return risk;
}

export function pageWarning(input: WarningInput, t: Translate): PageWarningView | undefined {
  const { settings, pageHost } = input;
  if (settings.mode === 'monitor' || !settings.showWarning) return undefined;
  const locked = warningLockedOn(settings);
  // While the organization locks the warning on, the user's per-site dismissals do not count.
  if (!locked && input.dismissed.includes(normalizeHostname(pageHost))) return undefined;
  const line = lineOf(input, t);
  return line && { ...line, offForSite: !locked };
}

/** The dismissed sites with `host` added last, oldest dropped past `max`. */
export function withDismissed(list: readonly string[], host: string, max: number): string[] {
  const site = normalizeHostname(host);
  return [...list.filter((s) => s !== site), site].slice(-max);
}
