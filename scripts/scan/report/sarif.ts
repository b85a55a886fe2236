/**
 * The scan as a SARIF 2.1.0 log, the format GitHub code scanning and other CI dashboards ingest:
 * one rule per AI service (who runs it, where), one result per page and service, and the pages
 * that could not be loaded or ran out of time as results of their own, so a broken page is not
 * mistaken for a page without AI.
 */
import { createHash } from 'node:crypto';
import { compareLevels, type RiskLevel, worstLevel } from '../../../src/core/risk-level.ts';
import type { ReportFinding } from '../../../src/core/tab-report.ts';
import type { ScanResult } from '../scanner.ts';
import { countriesOf, countryLabel, findingsByService, serviceNameOf, whoRunsIt } from './service-key.ts';
import { compareText } from './site-summary.ts';

/** The OASIS errata01 schema (the same definitions as tests/fixtures/scan/sarif-schema-2.1.0.json). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const TOOL_NAME = 'AI Jurisdiction Guard scanner';
export const PAGE_ERROR_RULE = 'scan/page-error';
export const PAGE_TIMEOUT_RULE = 'scan/page-timeout';
/** Versioned: if what the hash covers ever changes, a new name keeps old alerts from matching wrongly. */
export const FINGERPRINT_KEY = 'aiGuardPageService/v1';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Only the parts of SARIF this module writes (the full model is in the schema). */
export interface SarifMessage {
  text: string;
  markdown?: string;
}
export interface SarifRule {
  id: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; [key: string]: unknown };
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
  partialFingerprints: Record<string, string>;
  properties?: Record<string, unknown>;
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
    results: SarifResult[];
  }>;
}

export interface SarifOptions {
  /** The scanner's version (package.json). */
  version: string;
  /** An absolute URL about the tool (package.json homepage); left out when not given. */
  informationUri?: string;
}

/** high → error, medium → warning, unknown and low → note: only what is worth blocking a merge is an error. */
export function sarifLevelOf(level: RiskLevel): SarifLevel {
  return level === 'high' ? 'error' : level === 'medium' ? 'warning' : 'note';
}

export function ruleIdOf(serviceKey: string): string {
  return `ai-service/${serviceKey}`;
}

export function sarifLog(results: readonly ScanResult[], options: SarifOptions): SarifLog {
  // The worst finding of each service across the scan describes its rule.
  const worst = new Map<string, ReportFinding>();
  for (const r of results) {
    for (const [key, findings] of findingsByService(r.findings)) {
      for (const f of findings) {
        const seen = worst.get(key);
        if (!seen || compareLevels(f.level, seen.level) > 0) worst.set(key, f);
      }
    }
  }
  const keys = [...worst.keys()].sort(compareText);
  const rules = keys.map((key) => serviceRule(key, worst.get(key)!));
  if (results.some((r) => r.error !== undefined)) rules.push(pageErrorRule());
  if (results.some((r) => r.timedOut)) rules.push(pageTimeoutRule());
  const index = new Map(rules.map((rule, i) => [rule.id, i]));

  const out: SarifResult[] = [];
  for (const r of results) {
    if (r.error !== undefined) {
      out.push(result(PAGE_ERROR_RULE, index, 'error', r.url, `Could not load ${r.url}: ${r.error}. Its AI services are unknown.`));
    }
    if (r.timedOut) {
      out.push(result(PAGE_TIMEOUT_RULE, index, 'warning', r.url, `${r.url} was still busy when the time limit ran out; only the AI services seen until then are reported.`));
    }
    for (const [key, findings] of findingsByService(r.findings)) {
      const level = worstLevel(findings.map((f) => f.level))!;
      out.push({
        ...result(ruleIdOf(key), index, sarifLevelOf(level), r.url, pageServiceMessage(r, findings, level)),
        properties: {
          riskLevel: level,
          countries: [...new Set(findings.flatMap(countriesOf))].sort(),
          hosts: [...new Set(findings.map((f) => f.host))].sort(),
          laws: [...new Set(findings.flatMap((f) => f.laws))].sort(),
          ...(r.finalUrl && r.finalUrl !== r.url ? { finalUrl: r.finalUrl } : {}),
        },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: options.version, ...(options.informationUri ? { informationUri: options.informationUri } : {}), rules } },
        results: out,
      },
    ],
  };
}

/**
 * Stable across runs (and across the order pages were scanned in): the page URL and rule only, so
 * code scanning keeps one alert per service and page instead of opening a new one each run.
 */
export function fingerprintOf(pageUrl: string, ruleId: string): string {
  return createHash('sha256').update(`${pageUrl}\n${ruleId}`).digest('hex').slice(0, 32);
}

/**
 * A page URL as a strict RFC 3986 URI, which SARIF's `uri` format requires: WHATWG URL parsing
 * leaves `|`, `` ` ``, `[`, `{` and the like in paths and queries, and a page can redirect to such a
 * URL. User names and passwords are dropped: they do not belong in a report uploaded to CI.
 */
export function sarifUri(url: string): string {
  let head = '';
  let tail = url;
  try {
    const u = new URL(url);
    head = `${u.protocol}//${u.host}`;
    tail = `${u.pathname}${u.search}${u.hash}`;
  } catch {
    // Not a URL at all: percent-encode it whole, so the log is still valid.
  }
  const safe = tail.replace(/[\uD800-\uDFFF]/gu, '\uFFFD').replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
  // A fragment may hold only one `#`.
  const hash = safe.indexOf('#');
  return head + (hash < 0 ? safe : safe.slice(0, hash + 1) + safe.slice(hash + 1).replace(/#/g, '%23'));
}

function result(ruleId: string, index: Map<string, number>, level: SarifLevel, pageUrl: string, text: string): SarifResult {
  return {
    ruleId,
    ruleIndex: index.get(ruleId)!,
    level,
    message: { text },
    // A page has no lines, but GitHub code scanning requires a region; line 1 stands for the page.
    locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(pageUrl) }, region: { startLine: 1 } } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(pageUrl, ruleId) },
  };
}

function serviceRule(key: string, f: ReportFinding): SarifRule {
  const who = whoRunsIt(f);
  const name = serviceNameOf(f);
  const countries = countriesOf(f);
  return {
    id: ruleIdOf(key),
    shortDescription: { text: f.provider ? `Page uses ${name}` : `Page calls an unrecognised AI endpoint at ${f.host}` },
    fullDescription: { text: `The page sends data to or embeds ${who}. Worst level seen: ${f.level}.` },
    help: {
      text: `${capitalise(who)}. ${f.reason}${countries.length ? ` Jurisdictions: ${countries.map(countryLabel).join(', ')}.` : ''} If this service is intended, add it to the scan baseline; otherwise remove it from the page or block it.`,
    },
    defaultConfiguration: { level: sarifLevelOf(f.level) },
    properties: { tags: ['ai-service', `risk/${f.level}`, ...countries.map((c) => `country/${c}`), ...(f.provider ? [] : ['unknown-provider'])] },
  };
}

function pageErrorRule(): SarifRule {
  return {
    id: PAGE_ERROR_RULE,
    shortDescription: { text: 'Page could not be loaded' },
    fullDescription: { text: 'The scanner could not load the page, so the AI services it uses are unknown.' },
    help: { text: 'Check that the URL is right and reachable from where the scan runs (DNS, TLS, --resolve), then scan again.' },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['scan'] },
  };
}

function pageTimeoutRule(): SarifRule {
  return {
    id: PAGE_TIMEOUT_RULE,
    shortDescription: { text: 'Page was still busy at the time limit' },
    fullDescription: { text: 'The time limit ran out before the page went quiet; AI services it would have used later may be missing.' },
    help: { text: 'Raise the time limit (--timeout) if the page is slow, or accept that long-polling pages never go quiet.' },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['scan'] },
  };
}

/**
 * "https://shop.example/ uses DeepSeek, based in China (CN). High risk: <reason> Laws: cn-nil.
 * Seen as: request to api.deepseek.com (3×, model deepseek-chat)."
 */
function pageServiceMessage(r: ScanResult, findings: readonly ReportFinding[], level: RiskLevel): string {
  const top = findings.find((f) => f.level === level)!;
  const laws = [...new Set(findings.flatMap((f) => f.laws))];
  const seen = findings.map((f) => {
    const extra = [`${f.count}×`, f.model ? `model ${f.model}` : '', f.upstream ? `passed on to ${f.upstream.name}` : '', f.marker ? `page marker ${f.marker}` : ''].filter(Boolean);
    return `${f.kind} ${f.host} (${extra.join(', ')})`;
  });
  return `${r.url} uses ${whoRunsIt(top)}. ${capitalise(level)} risk: ${top.reason}${laws.length ? ` Laws: ${laws.join(', ')}.` : ''} Seen as: ${seen.join('; ')}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
