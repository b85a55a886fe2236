/**
 * Watches the document for AI frames, scripts and widget markers, including nodes added long
 * after load. It starts at DOMContentLoaded with one querySelectorAll over the parsed document,
 * not at document_start: observing the parser's insertions one by one cost every page its
 * loading time (`npm run bench`), and the browser's network log (background/observe-network.ts)
 * sees every frame and script a page loads in the meantime anyway. The MutationObserver callback
 * only looks at added elements (and, for a subtree, one querySelectorAll); marker selectors, read
 * from storage after load (detection-markers.ts, handed in with `checkSelectors`), are checked at most once per MARKER_CHECK_MS,
 * and a matched marker is never checked again.
 */
import hints from './main-world/detection-hints.ts';
import { mayBeInFilter } from '../core/detection/host-filter.ts';
import { MAX_OBSERVATION_URL, type Observation } from '../core/observation.ts';
const EMBEDDING = 'iframe,frame,script[src],embed,object';
const MARKER_CHECK_MS = 500;

type Report = (obs: Observation) => void;

function urlOf(el: Element): { url: string; channel: 'iframe' | 'script' } | undefined {
  const tag = el.localName;
  const raw = tag === 'object' ? (el as HTMLObjectElement).data : (el as HTMLIFrameElement | HTMLScriptElement).src;
  if (typeof raw !== 'string' || !raw) return undefined;
  let u: URL;
  try {
    u = new URL(raw, document.baseURI);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (!mayBeInFilter(hints.hostFilter, u.hostname.toLowerCase())) return undefined;
  return { url: `${u.protocol}//${u.host}${u.pathname}`.slice(0, MAX_OBSERVATION_URL), channel: tag === 'script' ? 'script' : 'iframe' };
}

export function watchDom(report: Report): { checkSelectors(list: ReadonlyArray<[string, string]>): void } {
  const seen = new WeakMap<Element, string>();
  const consider = (el: Element) => {
    const found = urlOf(el);
    // One report per element and URL: re-inserting or re-observing the same node is not a new embed.
    if (!found || seen.get(el) === found.url) return;
    seen.set(el, found.url);
    report({ channel: found.channel, url: found.url, count: 1 });
  };
  const pageUrl = () => {
    const u = new URL(document.URL);
    return `${u.protocol}//${u.host}${u.pathname}`.slice(0, MAX_OBSERVATION_URL);
  };
  let selectors: Array<[string, string]> = [];
  let markerTimer: ReturnType<typeof setTimeout> | undefined;
  const checkMarkers = () => {
    markerTimer = undefined;
    for (let i = selectors.length - 1; i >= 0; i--) {
      const [selector, productId] = selectors[i]!;
      let hit: Element | null = null;
      try {
        hit = document.querySelector(selector);
      } catch {
        selectors.splice(i, 1); // a selector this browser cannot parse
        continue;
      }
      if (!hit) continue;
      selectors.splice(i, 1);
      if (/^https?:/.test(document.URL)) report({ channel: 'marker', url: pageUrl(), marker: `selector:${selector}`, productId, count: 1 });
    }
  };
  const scheduleMarkers = () => {
    if (selectors.length && markerTimer === undefined) markerTimer = setTimeout(checkMarkers, MARKER_CHECK_MS);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.target instanceof Element) consider(r.target);
        continue;
      }
      for (const node of r.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(EMBEDDING)) consider(node);
        if (node.firstElementChild) node.querySelectorAll(EMBEDDING).forEach(consider);
      }
    }
    scheduleMarkers();
  });
  const start = () => {
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'data'] });
    document.querySelectorAll(EMBEDDING).forEach(consider);
  };
  // A page's own DOMContentLoaded event only starts the watch earlier.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return {
    checkSelectors(list) {
      selectors = [...list];
      scheduleMarkers();
    },
  };
}
