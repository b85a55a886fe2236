/**
 * What the extension knows about one tab: the page and the AI findings on it. Pure functions
 * build the next state from the previous one; the background stores it in storage.session so it
 * survives the service worker being stopped.
 */
import { MAX_FINDINGS_PER_TAB } from './constants.ts';
import type { CountryCode, HostRole } from './provider.ts';
import { type RiskLevel, worstLevel } from './risk-level.ts';

/** `site`: the tab's page is an AI product; `embed`: a frame inside the page loads one. */
export type FindingKind = 'site' | 'embed';

/** The database facts a finding carries, so the popup needs no second lookup. */
export interface FindingFacts {
  providerId: string;
  providerName: string;
  productId: string;
  productName: string;
  role: HostRole;
  operator: { name: string; country: CountryCode };
  level: RiskLevel;
  reason: string;
}

export interface Finding extends FindingFacts {
  kind: FindingKind;
  /** The host that was seen (not the database entry it matched). */
  host: string;
  frameId: number;
  count: number;
  /** Epoch milliseconds. */
  firstSeen: number;
  lastSeen: number;
}

export interface TabState {
  tabId: number;
  /** URL of the top-level page; absent when only a subframe has reported so far. */
  url?: string;
  /** ID the top frame's content script gave its document; see applyPageLeft. */
  doc?: string;
  findings: Finding[];
}

export interface PageSeen {
  tabId: number;
  frameId: number;
  url: string;
  host: string;
  doc: string;
  now: number;
}

/**
 * State after a frame reported its page. A top frame starts a new page, so earlier findings go;
 * a subframe adds an `embed` finding when its host is an AI product.
 */
export function applyPageSeen(
  prev: TabState | undefined,
  seen: PageSeen,
  facts: FindingFacts | undefined,
): TabState {
  const isTop = seen.frameId === 0;
  const base: TabState = isTop || !prev ? { tabId: seen.tabId, findings: [] } : prev;
  const next: TabState = isTop ? { ...base, url: seen.url, doc: seen.doc } : { ...base };
  if (!facts) return next;
  const kind: FindingKind = isTop ? 'site' : 'embed';
  next.findings = addFinding(next.findings, { ...facts, kind, host: seen.host, frameId: seen.frameId }, seen.now);
  return next;
}

/**
 * State after the top document `doc` went away (navigation to any page, including ones the
 * content script cannot run on, or into the back/forward cache). Only that document's state is
 * dropped: a report from the next page may arrive first, and must survive.
 */
export function applyPageLeft(prev: TabState | undefined, doc: string): TabState | undefined {
  return prev?.doc === doc ? undefined : prev;
}

type NewFinding = Omit<Finding, 'count' | 'firstSeen' | 'lastSeen'>;

function addFinding(findings: readonly Finding[], finding: NewFinding, now: number): Finding[] {
  const same = (f: Finding) => f.kind === finding.kind && f.host === finding.host;
  const existing = findings.find(same);
  if (existing) {
    return findings.map((f) => (f === existing ? { ...f, count: f.count + 1, lastSeen: now } : f));
  }
  const added = [...findings, { ...finding, count: 1, firstSeen: now, lastSeen: now }];
  if (added.length <= MAX_FINDINGS_PER_TAB) return added;
  // Over budget: drop the least recently seen, keep the order of the rest.
  const stalest = added.reduce((a, b) => (b.lastSeen < a.lastSeen ? b : a));
  return added.filter((f) => f !== stalest);
}

/** Worst level among the tab's findings; `undefined` when nothing was found. */
export function tabLevel(state: TabState | undefined): RiskLevel | undefined {
  return worstLevel((state?.findings ?? []).map((f) => f.level));
}
