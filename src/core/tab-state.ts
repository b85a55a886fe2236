/**
 * What the extension knows about one tab: the page and the AI findings on it. Pure functions
 * build the next state from the previous one; the background stores it in storage.session so it
 * survives the service worker being stopped.
 *
 * Findings hold database IDs, not names or levels: those are looked up when shown (facts.ts),
 * so a database or policy change shows at once and stored state never carries stale facts.
 */
import { MAX_FINDINGS_PER_TAB } from './constants.ts';
import type { HostRole } from './provider.ts';

/** `site`: the tab's page is an AI product; `embed`: a frame inside the page loads one. */
export type FindingKind = 'site' | 'embed';

/** Which database entry a host matched. */
export interface FindingRef {
  providerId: string;
  productId: string;
  role: HostRole;
}

export interface Finding extends FindingRef {
  kind: FindingKind;
  /** The host that was seen (not the database entry it matched). */
  host: string;
  frameId: number;
  /** ID of the document that reported it (see applyPageLeft). */
  doc: string;
  count: number;
  /** Epoch milliseconds. */
  firstSeen: number;
  lastSeen: number;
}

export interface TabState {
  tabId: number;
  /** Top-level page, without query or fragment; absent while only subframes have reported. */
  url?: string;
  /** ID the top frame's content script gave its document. */
  doc?: string;
  findings: Finding[];
}

export interface PageSeen {
  tabId: number;
  frameId: number;
  /** The page's URL without query or fragment (pageUrlOf). */
  url: string;
  host: string;
  doc: string;
  now: number;
}

/**
 * State after a frame reported its document. A top frame starts a new page, so earlier findings
 * go; a subframe adds an `embed` finding when its host is an AI product. `undefined` means
 * "nothing changes" (a non-AI subframe), so the caller can skip the write.
 */
export function applyPageSeen(prev: TabState | undefined, seen: PageSeen, ref: FindingRef | undefined): TabState | undefined {
  const isTop = seen.frameId === 0;
  if (!isTop && !ref) return undefined;
  const next: TabState = isTop ? { tabId: seen.tabId, url: seen.url, doc: seen.doc, findings: [] } : prev ? { ...prev } : { tabId: seen.tabId, findings: [] };
  if (!ref) return next;
  const kind: FindingKind = isTop ? 'site' : 'embed';
  next.findings = addFinding(next.findings, { ...ref, kind, host: seen.host, frameId: seen.frameId, doc: seen.doc }, seen.now);
  return next;
}

/**
 * State after document `doc` went away (pagehide: navigation to any page, including ones no
 * content script runs on, or into the back/forward cache). The tab's top document ends the
 * whole state. While no top document has reported (a top frame without content script, such as
 * about:blank or file:, holding AI frames), each leaving frame takes its own findings along.
 * Any other document's leave changes nothing: the next page may already have reported, and an
 * AI widget that was closed stays in the page's evidence.
 */
export function applyPageLeft(prev: TabState | undefined, doc: string): TabState | undefined {
  if (!prev) return undefined;
  if (prev.doc === doc) return undefined;
  if (prev.doc !== undefined) return prev;
  const findings = prev.findings.filter((f) => f.doc !== doc);
  if (findings.length === prev.findings.length) return prev;
  return findings.length ? { ...prev, findings } : undefined;
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

/**
 * What is kept of a page's URL: origin and path. Query and fragment often carry tokens, search
 * terms or e-mail addresses, and nothing here needs them.
 */
export function pageUrlOf(url: string): string | undefined {
  try {
    const { origin, pathname } = new URL(url);
    return origin === 'null' ? undefined : `${origin}${pathname}`;
  } catch {
    return undefined;
  }
}
