/**
 * Keeps the session rules that remove reporting headers (core/browser-traffic) equal to what the
 * settings compile to. A separate update from the block rules: a browser that cannot take them
 * (Firefox has no `responseHeaders` condition, Chrome before 128) refuses only these, and the
 * block rules stand. Session rules are left alone when unchanged, since changing them flushes the
 * back/forward cache.
 */
import browser from 'webextension-polyfill';
import { REPORTING_RULE_IDS } from '../core/constants.ts';
import { reportingHeaderRules } from '../core/browser-traffic/reporting-header-rules.ts';

type BrowserRule = browser.DeclarativeNetRequest.Rule;

const inRange = (id: number) => id >= REPORTING_RULE_IDS.first && id <= REPORTING_RULE_IDS.last;

/** Returns what went wrong, for the rules' status; undefined when the rules are in force. */
export async function applyReportingRules(blockedHosts: readonly string[], strict: boolean): Promise<string | undefined> {
  const rules = reportingHeaderRules(blockedHosts, strict);
  const present = (await browser.declarativeNetRequest.getSessionRules()).filter((r) => inRange(r.id));
  if (JSON.stringify(present.map(comparable).sort(byId)) === JSON.stringify(rules.map(comparable).sort(byId))) return undefined;
  try {
    await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: present.map((r) => r.id), addRules: rules as unknown as BrowserRule[] });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn('reporting headers naming blocked hosts are not removed by this browser:', message);
    return message;
  }
}

/** The fields both sides set, in one order (the browser hands rules back with defaults added). */
function comparable(rule: { id: number; priority?: number; action: unknown; condition: unknown }) {
  const c = rule.condition as { resourceTypes?: string[]; responseHeaders?: { header: string; values?: string[] }[] };
  return { id: rule.id, priority: rule.priority ?? 1, action: JSON.stringify(rule.action), types: c.resourceTypes?.join(), headers: JSON.stringify(c.responseHeaders?.map((h) => [h.header, h.values])) };
}
const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
