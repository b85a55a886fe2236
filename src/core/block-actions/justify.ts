/**
 * Justify mode: a blocked AI service opens for a while (policy `justifyMinutes`) once the person
 * gives a reason on its block page. The reason is what someone typed: it is cleaned and bounded
 * here, kept in the audit log as text, and never becomes part of a rule, a URL or a log line.
 *
 * A grant is the allow-once rules (allow-once.ts) for the site, kept until its end: the blocked
 * host, its frames and sub-resources, and the same product's API from its pages, except from
 * the sites whose AI traffic the organization blocks, which stays blocked.
 */
import { type Decision, decide, siteMatch } from '../block-decision.ts';
import { JUSTIFY_RULE_IDS } from '../constants.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import type { RiskDatabase } from '../risk-database.ts';
import { allowOnceRules, type SessionAllowRule } from './allow-once.ts';
import { nextPauseEnd } from './pause.ts';

/** Shortest and longest reason accepted, in characters (after cleaning). */
export const REASON_MIN = 3;
export const REASON_MAX = 300;

/** Sites open at once: three rules each within the ID range. */
export const MAX_JUSTIFIED_SITES = Math.floor((JUSTIFY_RULE_IDS.last - JUSTIFY_RULE_IDS.first + 1) / 3);

/** Site (hostname) → when it closes again (ms since epoch). */
export type Justified = Record<string, number>;

export type JustifySettings = Pick<EffectiveSettings, 'mode' | 'org' | 'justifyMinutes'>;

/**
 * The reason as it is kept: one line (control characters and line breaks become spaces, runs of
 * space one), trimmed, between REASON_MIN and REASON_MAX characters; undefined otherwise.
 */
export function cleanReason(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > REASON_MAX * 4) return undefined;
  // C0 and C1 controls, DEL, and the line and paragraph separators.
  const text = raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const length = [...text].length;
  return length >= REASON_MIN && length <= REASON_MAX ? text : undefined;
}

/** Why a reason is not asked for on this host's block page; undefined when it is. */
export function justifyRefusal(settings: JustifySettings, decision: Decision | undefined, host: string): string | undefined {
  if (settings.mode !== 'justify') return 'a reason opens a blocked service only in justify mode';
  if (!decision || decision.outcome !== 'block' || !decision.rule) return 'no decision blocks this host';
  if (siteMatch(host, settings.org.blockedSites)) return "the organization blocks this site's AI traffic";
  return undefined;
}

/** The grants still open at `now` under the settings in force; the rest are dropped. */
export function liveJustified(grants: Justified, settings: JustifySettings, now: number): Justified {
  if (settings.mode !== 'justify') return {};
  const open = Object.entries(grants)
    .filter(([site, until]) => typeof until === 'number' && until > now && !siteMatch(site, settings.org.blockedSites))
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_JUSTIFIED_SITES);
  return Object.fromEntries(open);
}

/** Session rules for the open grants, IDs from the start of the range. */
export function justifySessionRules(grants: Justified, settings: JustifySettings & Pick<EffectiveSettings, 'user' | 'allowBypass'>, db: RiskDatabase): SessionAllowRule[] {
  return Object.keys(grants)
    .sort()
    .flatMap((site, i) => {
      const decision = decide(settings, db, { host: site, navigation: true });
      const first = JUSTIFY_RULE_IDS.first + 3 * i;
      return allowOnceRules(site, decision.target?.hosts ?? [], settings.org.blockedSites, [first, first + 1, first + 2]);
    });
}

/** The earliest end among the grants, for the alarm; undefined when none is open (as for pauses). */
export const nextJustifiedEnd: (grants: Justified) => number | undefined = nextPauseEnd;
