/**
 * The browser's own record of a tab's requests (webRequest, observing only, never blocking):
 * it sees what the page hook cannot — requests from workers, from frames without a content
 * script, and those made before the hook was in place. Its sightings count as the `network`
 * observer, so a request also seen by the hook is counted once (tab-state.ts, observerOf).
 */
import browser, { type WebRequest } from 'webextension-polyfill';
import { apiCallOf, shapeOfPath } from '../core/api-shape.ts';
import { database } from '../core/database.ts';
import { MAX_BODY_SCAN } from '../core/json-prefix.ts';
import type { Observation } from '../core/observation.ts';
import { normalizeHostname } from '../core/hostname.ts';
import { sightingOf } from '../core/sighting.ts';
import { applySightings } from '../core/tab-state.ts';
import { updateTabState } from './tab-store.ts';

/** Documents and images are not AI data flows; top-level pages are the content script's job. */
const TYPES: WebRequest.ResourceType[] = ['xmlhttprequest', 'websocket', 'ping', 'other', 'script', 'sub_frame', 'object', 'media'];
const EMBED_TYPES = new Set<string>(['script', 'sub_frame', 'object']);

/**
 * Paths of AI APIs on any host, as text a request's path and query contain: a superset of what
 * apiCallOf recognises. Only these requests can name a model in their body, so only they are
 * handed over with it (`requestBody`).
 */
const API_PATHS = ['completions', 'responses', 'embeddings', 'images/', 'audio/', 'realtime', 'messages', 'models/', 'model/', 'chat', 'api/generate'];

/**
 * Two listeners, each with a filter of fixed size whatever the catalog's size (issue 17). Chrome
 * tests a request against every pattern of every listener's filter, so one pattern per database
 * host (`*://*.deepseek.com/*`, 724 today) cost every request of every page: with a catalog ten
 * times today's, the first byte of each page came 11–12 ms later (`npm run bench`, BENCH_VERSUS).
 * - `apiFilter`: requests whose path looks like an AI API call, with their body (the model).
 * - `hostFilter`: every other request of the kinds an AI call or widget uses, without a body;
 *   the worker keeps those to a database host. This wakes the worker for ordinary traffic too,
 *   for a look-up of about 0.2 µs (`npm run bench`, look-up) instead of a longer filter in the
 *   browser for every request.
 */
export function apiFilter(): WebRequest.RequestFilter {
  return { urls: API_PATHS.map((p) => `*://*/*${p}*`), types: TYPES.filter((t) => t !== 'websocket') };
}

export function hostFilter(): WebRequest.RequestFilter {
  return { urls: ['<all_urls>', 'ws://*/*', 'wss://*/*'], types: TYPES };
}

/** Whether apiFilter takes this request (Chrome matches a path pattern against the path and query, as written). */
export function isForApiListener(url: string, type: string): boolean {
  // The `*` scheme of apiFilter's patterns is http and https.
  if (type === 'websocket' || !/^https?:/.test(url)) return false;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return false;
  const hash = url.indexOf('#', start);
  const pathAndQuery = hash < 0 ? url.slice(start) : url.slice(start, hash);
  return API_PATHS.some((p) => pathAndQuery.includes(p));
}

type Details = WebRequest.OnBeforeRequestDetailsType & { documentLifecycle?: string };

const decoder = new TextDecoder('utf-8', { fatal: false });

/** The first bytes of a raw request body as text, or undefined (form data, files, none). */
function bodyPrefix(details: Details): string | undefined {
  const bytes = details.requestBody?.raw?.[0]?.bytes;
  if (!(bytes instanceof ArrayBuffer)) return undefined;
  return decoder.decode(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, MAX_BODY_SCAN)));
}

export function observationOf(details: Details): Observation | undefined {
  let url: URL;
  try {
    url = new URL(details.url);
  } catch {
    return undefined;
  }
  if (!/^(?:https?|wss?):$/.test(url.protocol) || !url.hostname) return undefined;
  const known = database.lookupHost(normalizeHostname(url.hostname)) !== undefined;
  // The common case, a request to no AI host and of no AI shape, ends here.
  if (!known && !shapeOfPath(url.pathname)) return undefined;
  const call = apiCallOf(url.pathname, url.search, bodyPrefix(details));
  const resource = EMBED_TYPES.has(details.type) ? 'embed' : 'request';
  return {
    channel: 'network',
    url: `${url.protocol}//${url.host}${url.pathname}`,
    resource,
    ...(call ? { shape: call.shape, confirmed: call.confirmed, ...(call.model ? { model: call.model } : {}) } : {}),
    count: 1,
  };
}

function record(details: Details): void {
  // Service workers and the extension itself have no tab; unloading or prerendering documents
  // are not what the tab shows.
  if (details.tabId < 0) return;
  if (details.documentLifecycle !== undefined && details.documentLifecycle !== 'active') return;
  const obs = observationOf(details);
  if (!obs) return;
  const { tabId, frameId } = details;
  const now = Date.now();
  // Decided with the policy's database, which also knows the organization's own services.
  void updateTabState(tabId, (prev, db) => {
    const sighting = sightingOf(db, obs, { frameId });
    return sighting ? applySightings(prev, [sighting], now, tabId) : prev;
  }).catch((error) => console.debug('network sighting not stored', error));
}

/**
 * The listener for one of the two filters: each request is looked at once, by the API listener
 * when it has a body to read (isForApiListener), else by the other.
 */
function listenerFor(api: boolean): (details: Details) => undefined {
  return (details) => {
    try {
      if (isForApiListener(details.url, details.type) === api) record(details);
    } catch (error) {
      console.warn('network observer:', error);
    }
    return undefined;
  };
}

export function observeNetwork(): void {
  // Firefox MV3 lets users withhold host permissions; then there is nothing to observe.
  if (!browser.webRequest?.onBeforeRequest) return;
  browser.webRequest.onBeforeRequest.addListener(listenerFor(true), apiFilter(), ['requestBody']);
  browser.webRequest.onBeforeRequest.addListener(listenerFor(false), hostFilter());
}
