/**
 * Reporting uploads are made by the browser, not the page: a response's `Reporting-Endpoints`,
 * `Report-To` and `NEL` headers name where CSP violations, deprecations, crashes and network
 * errors are sent later, and those uploads never meet declarativeNetRequest's block rules
 * (Chromium's ReportingService sends them from the network service, with no initiator). A page
 * can therefore send page-chosen data (a CSP report carries the blocked URL and a sample of the
 * script) to a blocked host. These session rules remove such headers from every response before
 * the browser reads them:
 * - normally only headers whose value names a blocked host (the `responseHeaders` condition,
 *   Chrome 128+: https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#type-HeaderInfo);
 * - in strict mode (`strictNetwork`) every reporting header, whatever it names.
 * `NEL` names no URL (it points at a `Report-To` group), so it goes only in strict mode; without
 * its group it sends nothing.
 */
import { REPORTING_RULE_IDS } from '../constants.ts';

export const REPORTING_HEADERS = ['reporting-endpoints', 'report-to', 'nel'] as const;

/** Header-value patterns per rule: Chrome keeps each rule small (its size counts against memory). */
export const HOST_PATTERNS_PER_RULE = 500;

export interface HeaderRule {
  id: number;
  priority: number;
  action: { type: 'modifyHeaders'; responseHeaders: { header: string; operation: 'remove' }[] };
  condition: {
    resourceTypes: ResourceType[];
    responseHeaders?: { header: string; values: string[] }[];
  };
}

/** Every type a response with reporting headers can come in (documents and sub-resources). */
type ResourceType = 'main_frame' | 'sub_frame' | 'stylesheet' | 'script' | 'image' | 'font' | 'object' | 'xmlhttprequest' | 'ping' | 'csp_report' | 'media' | 'websocket' | 'other';
const ALL_TYPES: ResourceType[] = ['main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'csp_report', 'media', 'websocket', 'other'];

/**
 * A header value names a host when the host appears in it; a longer name containing it
 * (`notdeepseek.com`) matches too, which only drops a report destination. A database `*` label
 * is the API's own `*` wildcard.
 */
const valuePatternOf = (host: string) => `*${host}*`;

export function reportingHeaderRules(blockedHosts: readonly string[], strict: boolean): HeaderRule[] {
  const remove = (headers: readonly string[]) => headers.map((header) => ({ header, operation: 'remove' as const }));
  if (strict) {
    return [{ id: REPORTING_RULE_IDS.first, priority: 1, action: { type: 'modifyHeaders', responseHeaders: remove(REPORTING_HEADERS) }, condition: { resourceTypes: ALL_TYPES } }];
  }
  const rules: HeaderRule[] = [];
  const patterns = [...new Set(blockedHosts.map(valuePatternOf))];
  for (let i = 0; i < patterns.length; i += HOST_PATTERNS_PER_RULE) {
    const values = patterns.slice(i, i + HOST_PATTERNS_PER_RULE);
    // One rule per header: a rule's header conditions all have to hold.
    for (const header of ['reporting-endpoints', 'report-to'] as const) {
      const id = REPORTING_RULE_IDS.first + rules.length;
      if (id > REPORTING_RULE_IDS.last) return rules;
      rules.push({ id, priority: 1, action: { type: 'modifyHeaders', responseHeaders: remove([header]) }, condition: { resourceTypes: ALL_TYPES, responseHeaders: [{ header, values }] } });
    }
  }
  return rules;
}
