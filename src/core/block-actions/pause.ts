/**
 * "Pause on this site for 1 hour": the user's own blocks stop applying to one site's pages for an
 * hour, offered only where the organization allows bypassing. The pause is session rules of the
 * browser, rebuilt from the stored pauses (site → end time) whenever they or the settings change:
 *
 * - an `allowAllRequests` on the site's top documents, so the site's pages and every frame in
 *   them load and send as if nothing of the user's were blocked (from the next load on);
 * - an `allow` of everything the site's documents request, so the page already open works now.
 *
 * Their priority is the user's highest (a site decision) and allow wins a tie, so they outrank
 * every decision of the user's and none of the organization's: an organization's block holds
 * through a pause without any special case.
 */
import { isEnforcing } from '../settings.ts';
import { siteMatch } from '../block-decision.ts';
import { priorityOf } from '../block-scope.ts';
import { PAUSE_RULE_IDS } from '../constants.ts';
import { normalizeHostname } from '../hostname.ts';
import type { EffectiveSettings } from '../policy-merge.ts';

/** How long a pause lasts. */
export const PAUSE_MS = 60 * 60 * 1000;

/** The user's highest priority: above each of the user's decisions (allow wins the tie), below every one of the organization's. */
export const PAUSE_PRIORITY = priorityOf('user', 'site');

/** Sites paused at once; far more than anyone uses, and within the ID range (two rules each). */
export const MAX_PAUSED_SITES = Math.floor((PAUSE_RULE_IDS.last - PAUSE_RULE_IDS.first + 1) / 2);

/** Site (hostname) → when its pause ends (ms since epoch). */
export type Pauses = Record<string, number>;

export type PauseSettings = Pick<EffectiveSettings, 'mode' | 'allowBypass' | 'org'>;

/** Why a pause is not offered on `site`; undefined when it is. */
export function pauseRefusal(settings: PauseSettings, site: string): string | undefined {
  if (!isEnforcing(settings.mode)) return 'nothing is blocked outside block and justify modes';
  if (!settings.allowBypass) return 'the organization does not allow bypassing blocks';
  if (siteMatch(site, settings.org.blockedSites)) return "the organization blocks this site's AI traffic";
  return undefined;
}

export interface SessionPauseRule {
  id: number;
  priority: number;
  action: { type: 'allow' | 'allowAllRequests' };
  condition: { requestDomains?: string[]; initiatorDomains?: string[]; resourceTypes?: Array<'main_frame'> };
}

/** The two rules of one paused site. */
export function pauseRules(site: string, ids: readonly [number, number]): SessionPauseRule[] {
  const name = normalizeHostname(site);
  return [
    { id: ids[0], priority: PAUSE_PRIORITY, action: { type: 'allowAllRequests' }, condition: { requestDomains: [name], resourceTypes: ['main_frame'] } },
    { id: ids[1], priority: PAUSE_PRIORITY, action: { type: 'allow' }, condition: { initiatorDomains: [name] } },
  ];
}

/** The pauses still running at `now` that the settings allow; the rest are dropped. */
export function livePauses(pauses: Pauses, settings: PauseSettings, now: number): Pauses {
  const out: Pauses = {};
  const running = Object.entries(pauses)
    .filter(([site, until]) => typeof until === 'number' && until > now && pauseRefusal(settings, site) === undefined)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_PAUSED_SITES);
  for (const [site, until] of running) out[site] = until;
  return out;
}

/** Session rules for the live pauses, IDs from the start of the range. */
export function pauseSessionRules(pauses: Pauses): SessionPauseRule[] {
  return Object.keys(pauses)
    .sort()
    .flatMap((site, i) => pauseRules(site, [PAUSE_RULE_IDS.first + 2 * i, PAUSE_RULE_IDS.first + 2 * i + 1]));
}

/** The earliest end among the pauses, for the alarm that ends it; undefined when none runs. */
export function nextPauseEnd(pauses: Pauses): number | undefined {
  const ends = Object.values(pauses);
  return ends.length ? Math.min(...ends) : undefined;
}

/** Whether `site` (the page's host) is paused: a pause covers the site and its subdomains, as its rules do. */
export function isPaused(pauses: Pauses, site: string | undefined, now: number): boolean {
  if (!site) return false;
  return siteMatch(site, Object.keys(pauses).filter((s) => pauses[s]! > now)) !== undefined;
}

/** When the pause covering `site` ends; undefined when none does. */
export function pauseEnd(pauses: Pauses, site: string | undefined, now: number): number | undefined {
  if (!site) return undefined;
  const match = siteMatch(site, Object.keys(pauses).filter((s) => pauses[s]! > now));
  return match === undefined ? undefined : pauses[match];
}
