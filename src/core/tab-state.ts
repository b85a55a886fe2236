/**
 * What the extension knows about one tab: the page and the AI findings on it. Pure functions
 * build the next state from the previous one; the background stores it in storage.session so it
 * survives the service worker being stopped.
 *
 * Findings hold database IDs, not names or levels: those are looked up when shown (facts.ts),
 * so a database or policy change shows at once and stored state never carries stale facts.
 */
import type { ApiShape } from './api-shape.ts';
import { MAX_BLOCKED_COUNT, MAX_FINDINGS_PER_TAB } from './constants.ts';
import type { HostRole } from './provider.ts';

/**
 * `site`: the tab's page is an AI product; `embed`: the page loads one (frame, script, widget
 * marker); `request`: the page sends requests to a known AI host; `unknown-endpoint`: requests
 * with the shape of an AI API to a host the database does not know.
 */
export type FindingKind = 'site' | 'embed' | 'request' | 'unknown-endpoint';

/** How something was seen: the evidence a user reads ("seen through fetch and WebSocket"). */
export const CHANNELS = ['frame', 'iframe', 'script', 'marker', 'fetch', 'xhr', 'websocket', 'eventsource', 'beacon', 'network'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Independent observers of the same events. The page hook, the DOM watcher and the browser's
 * network log may each see one request or frame; a finding's count is the largest of their
 * counts, never their sum, so nothing is counted twice (observerOf).
 */
export type Observer = 'frame' | 'dom' | 'hook' | 'network';

export function observerOf(channel: Channel): Observer {
  switch (channel) {
    case 'frame':
      return 'frame';
    case 'iframe':
    case 'script':
    case 'marker':
      return 'dom';
    case 'network':
      return 'network';
    default:
      return 'hook';
  }
}

/** Which database entry a host matched. */
export interface FindingRef {
  providerId: string;
  productId: string;
  role: HostRole;
}

/** What an observation adds to a tab: one finding's identity and evidence, without counts. */
export interface Sighting extends Partial<FindingRef> {
  kind: FindingKind;
  /** The host that was seen (not the database entry it matched). */
  host: string;
  frameId: number;
  /** ID the reporting content script gave its document (see applyPageLeft); absent for network. */
  doc?: string;
  channel: Channel;
  /** The model a request named (bounded), when one was read. */
  model?: string;
  /** The AI API the request had the shape of. */
  shape?: ApiShape;
  /** Request path (no query), only for requests of an AI API shape. */
  path?: string;
  /** The page global or DOM marker that identified a widget. */
  marker?: string;
  /** Times seen in this one observation (the content script sums repeats); 1 when absent. */
  count?: number;
}

export interface Finding extends Omit<Sighting, 'channel' | 'count'> {
  /** Every channel it was seen through, in the order first seen. */
  via: Channel[];
  counts: Partial<Record<Observer, number>>;
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
  /** The browser's ID of the top document (Chrome's documentId), when it gives one. */
  documentId?: string;
  findings: Finding[];
  /** Requests the browser blocked on this tab since its top document started (at most MAX_BLOCKED_COUNT). */
  blocked?: number;
  /** The tab shows the block page in place of `url`, a blocked navigation. */
  blockPage?: true;
}

export interface PageSeen {
  tabId: number;
  frameId: number;
  /** The page's URL without query or fragment (pageUrlOf). */
  url: string;
  host: string;
  doc: string;
  documentId?: string;
  now: number;
}

/** A new top-level document: from the browser's navigation event or the top frame's report. */
export interface TopDocument {
  tabId: number;
  url: string;
  documentId?: string;
  doc?: string;
}

/**
 * State for a top-level document. The same document (by the browser's ID) keeps what was already
 * recorded for it — the navigation event and the page's own report may arrive in either order,
 * and requests seen in between belong to it; any other document starts over.
 */
export function applyTopDocument(prev: TabState | undefined, top: TopDocument): TabState {
  const same = prev !== undefined && top.documentId !== undefined && prev.documentId === top.documentId;
  const base: TabState = same ? { ...prev } : { tabId: top.tabId, findings: [] };
  delete base.blockPage;
  base.url = top.url;
  if (top.documentId !== undefined) base.documentId = top.documentId;
  if (top.doc !== undefined) base.doc = top.doc;
  return base;
}

/**
 * State after a frame reported its document. A top frame starts a new page (applyTopDocument);
 * a subframe adds an `embed` finding when its host is an AI product. `undefined` means
 * "nothing changes" (a non-AI subframe), so the caller can skip the write.
 */
export function applyPageSeen(prev: TabState | undefined, seen: PageSeen, ref: FindingRef | undefined): TabState | undefined {
  const isTop = seen.frameId === 0;
  if (!isTop && !ref) return undefined;
  const next = isTop
    ? applyTopDocument(prev, { tabId: seen.tabId, url: seen.url, doc: seen.doc, ...(seen.documentId ? { documentId: seen.documentId } : {}) })
    : (prev ?? { tabId: seen.tabId, findings: [] });
  if (!ref) return next;
  const kind: FindingKind = isTop ? 'site' : 'embed';
  return applySightings(next, [{ ...ref, kind, host: seen.host, frameId: seen.frameId, doc: seen.doc, channel: 'frame' }], seen.now);
}

/** State after observations of one tab (requests, embeds, markers), merged into its findings. */
export function applySightings(prev: TabState | undefined, sightings: readonly Sighting[], now: number, tabId = prev?.tabId ?? -1): TabState {
  let findings = prev?.findings ?? [];
  for (const s of sightings) findings = addSighting(findings, s, now);
  return { ...(prev ?? { tabId }), findings };
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
  if (prev.doc !== undefined || prev.documentId !== undefined) return prev;
  const findings = prev.findings.filter((f) => f.doc !== doc);
  if (findings.length === prev.findings.length) return prev;
  return findings.length ? { ...prev, findings } : undefined;
}

/** Findings are one per kind, host, model and marker: a model through an aggregator is its own finding. */
export function findingKey(f: Pick<Sighting, 'kind' | 'host' | 'model' | 'marker'>): string {
  return `${f.kind}|${f.host}|${f.model ?? ''}|${f.marker ?? ''}`;
}

/**
 * Where a sighting goes. The same request may reach us with its model from one observer and
 * without it from another (the page hook cannot read a Request object's or a stream's body, the
 * network log cannot read a Blob's): a request without a model joins the latest finding of its
 * host, and one with a model fills in a finding of its host that has none, so the request is
 * not shown twice.
 */
function indexFor(findings: readonly Finding[], sighting: Sighting, key: string): number {
  const exact = findings.findIndex((f) => findingKey(f) === key);
  if (exact >= 0 || (sighting.kind !== 'request' && sighting.kind !== 'unknown-endpoint')) return exact;
  const sameHost = (f: Finding) => f.kind === sighting.kind && f.host === sighting.host && f.marker === sighting.marker;
  if (sighting.model === undefined) return findings.findLastIndex(sameHost);
  return findings.findIndex((f) => sameHost(f) && f.model === undefined);
}

function addSighting(findings: readonly Finding[], sighting: Sighting, now: number): Finding[] {
  const key = findingKey(sighting);
  const observer = observerOf(sighting.channel);
  const times = sighting.count ?? 1;
  const index = indexFor(findings, sighting, key);
  if (index >= 0) {
    const f = findings[index]!;
    const counts = { ...f.counts, [observer]: (f.counts[observer] ?? 0) + times };
    const updated: Finding = {
      ...f,
      ...(f.doc === undefined && sighting.doc !== undefined ? { doc: sighting.doc } : {}),
      ...(f.model === undefined && sighting.model !== undefined ? { model: sighting.model } : {}),
      ...(f.path === undefined && sighting.path !== undefined ? { path: sighting.path } : {}),
      ...(f.shape === undefined && sighting.shape !== undefined ? { shape: sighting.shape } : {}),
      via: f.via.includes(sighting.channel) ? f.via : [...f.via, sighting.channel],
      counts,
      count: Math.max(...Object.values(counts)),
      lastSeen: now,
    };
    const next = [...findings];
    next[index] = updated;
    return next;
  }
  const { channel, count: _count, ...identity } = sighting;
  const added: Finding[] = [...findings, { ...identity, via: [channel], counts: { [observer]: times }, count: times, firstSeen: now, lastSeen: now }];
  if (added.length <= MAX_FINDINGS_PER_TAB) return added;
  // Over budget: drop the least recently seen, keep the order of the rest. The top page's own
  // finding is what the tab is, so it is never the one dropped.
  const stalest = added.reduce((a, b) => (b.kind !== 'site' && (a.kind === 'site' || b.lastSeen < a.lastSeen) ? b : a));
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

/**
 * One more request the browser blocked on this tab (the count the popup and badge show). Kept
 * with the page's state, so a new page starts from zero; a tab no page has reported yet gets a
 * state of its own for it.
 */
export function applyBlockedRequest(prev: TabState | undefined, tabId: number): TabState {
  const base = prev ?? { tabId, findings: [] };
  return { ...base, blocked: Math.min((base.blocked ?? 0) + 1, MAX_BLOCKED_COUNT) };
}

/**
 * The tab now shows the block page in place of `url` (a blocked navigation): its state is that of
 * the blocked page, with the blocked product as the page's own finding when the database knows
 * it, so the popup and badge say what is blocked there.
 */
export function applyBlockPage(top: { tabId: number; url: string; host: string; documentId?: string }, ref: FindingRef | undefined, now: number): TabState {
  const base: TabState = { tabId: top.tabId, url: top.url, ...(top.documentId ? { documentId: top.documentId } : {}), findings: [], blocked: 1, blockPage: true };
  return ref ? applySightings(base, [{ ...ref, kind: 'site', host: top.host, frameId: 0, channel: 'frame' }], now) : base;
}
